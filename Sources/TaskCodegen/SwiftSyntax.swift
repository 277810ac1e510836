import TaskSchema

/// Spelling Swift source: identifiers, string literals and `JSONValue` literals.
enum SwiftSyntax {
    static let keywords: Set<String> = [
        "associatedtype", "class", "deinit", "enum", "extension", "fileprivate", "func", "import", "init", "inout",
        "internal", "let", "open", "operator", "private", "protocol", "public", "rethrows", "static", "struct",
        "subscript", "typealias", "var", "break", "case", "continue", "default", "defer", "do", "else",
        "fallthrough", "for", "guard", "if", "in", "repeat", "return", "switch", "where", "while", "as", "Any",
        "catch", "false", "is", "nil", "super", "self", "Self", "throw", "throws", "true", "try", "await",
        "async", "some", "any", "consume", "borrowing", "consuming",
    ]

    /// `name` usable as an identifier: keywords are wrapped in backticks.
    static func identifier(_ name: String) -> String {
        keywords.contains(name) ? "`\(name)`" : name
    }

    /// A lowerCamelCase identifier for an arbitrary string (enum case names): `S2` -> `s2`,
    /// `date-time` -> `dateTime`, `1h` -> `_1h`.
    static func caseName(_ raw: String) -> String {
        let words = raw.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
        guard let first = words.first else { return "_empty" }
        var name = first.lowercased() + words.dropFirst().map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
        if name.first?.isNumber == true { name = "_" + name }
        return identifier(name)
    }

    /// A Swift string literal with `value`'s exact contents that fits a line of
    /// ``CodeWriter/maximumWidth`` columns whose first `used` columns are taken: on one line when it
    /// fits, else a multi-line literal whose lines (indented by `indent` and four more spaces) end in
    /// line continuations.
    static func stringLiteral(_ value: String, indent: String, used: Int) -> String {
        let literal = stringLiteral(value)
        guard used + literal.count + 2 > CodeWriter.maximumWidth else { return literal }
        let inner = indent + "    "
        let lines = CodeWriter.wrap(
            String(literal.dropFirst().dropLast()), width: CodeWriter.maximumWidth - inner.count - 2)
        return "\"\"\"\n"
            + lines.enumerated().map { inner + $1 + ($0 == lines.count - 1 ? "" : " \\") }.joined(separator: "\n")
            + "\n" + inner + "\"\"\""
    }

    /// An array literal of `elements` that fits a line whose first `used` columns are taken: on one
    /// line when it fits, else the elements packed onto lines indented by `indent` and four more spaces.
    static func arrayLiteral(_ elements: [String], indent: String, used: Int) -> String {
        let oneLine = "[" + elements.joined(separator: ", ") + "]"
        guard used + oneLine.count + 2 > CodeWriter.maximumWidth else { return oneLine }
        let inner = indent + "    "
        var lines: [String] = []
        for element in elements {
            if let last = lines.last, inner.count + last.count + element.count + 2 <= CodeWriter.maximumWidth {
                lines[lines.count - 1] = last + " " + element + ","
            } else {
                lines.append(element + ",")
            }
        }
        return "[\n" + lines.map { inner + $0 }.joined(separator: "\n") + "\n" + indent + "]"
    }

    /// A Swift string literal with `value`'s exact contents.
    static func stringLiteral(_ value: String) -> String {
        var escaped = ""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\\": escaped += "\\\\"
            case "\"": escaped += "\\\""
            case "\n": escaped += "\\n"
            case "\r": escaped += "\\r"
            case "\t": escaped += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                escaped += "\\u{\(String(scalar.value, radix: 16))}"
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return "\"\(escaped)\""
    }

    /// A Swift expression of type `JSONValue`, using its literal conformances. Object keys are sorted.
    static func jsonLiteral(_ value: JSONValue) -> String {
        switch value {
        case .null: ".null"
        case .bool(let bool): bool ? "true" : "false"
        case .integer(let integer): String(integer)
        case .number(let number): number.description
        case .string(let string): stringLiteral(string)
        case .array(let elements): "[" + elements.map(jsonLiteral).joined(separator: ", ") + "]"
        case .object(let members) where members.isEmpty: "[:]"
        case .object(let members):
            "["
                + members.sorted { $0.key < $1.key }.map { "\(stringLiteral($0.key)): \(jsonLiteral($0.value))" }
                .joined(separator: ", ") + "]"
        }
    }

    /// A `Double` as Swift source: integral values without a fraction.
    static func number(_ value: Double) -> String {
        value.rounded() == value && abs(value) < 1e15 ? String(Int(value)) : value.description
    }

    /// A `Duration` expression: `.seconds(30)`, `.milliseconds(500)`.
    static func duration(_ value: Duration) -> String {
        let (seconds, attoseconds) = value.components
        if attoseconds == 0 { return ".seconds(\(seconds))" }
        return ".milliseconds(\(seconds * 1000 + attoseconds / 1_000_000_000_000_000))"
    }
}
