import TaskSchema

/// Renders a schema's validator as Swift: an enum whose `check` reports exactly the violations
/// ``Schema/validate(_:)`` would (same order, pointers, codes and messages), as straight-line code.
///
/// Each subschema with something to check gets one function, called with the value and its
/// pointer as an autoclosure, so a pointer is built only for a violation. Enum and const values,
/// patterns and the declared property names are constants, built once. An object counts the
/// declared properties it has; only when it has more members than that are its keys sorted and
/// looked up. The schema must have its `$ref`s resolved (``Registry/resolvingRefs(in:)``).
struct ValidatorRenderer {
    private var constants: [[String]] = []
    private var functions: [[String]] = []
    private var usedNames: Set<String> = []
    /// The indentation of the enum's members, in spaces: where lines are measured from.
    private var memberIndent = 4

    /// Writes `enum <name> { ... }` with `static func validate(_:)` and `isValid(_:)`, which run
    /// `check(_:_:_:)`, the root's check, with an array and a ``ValidityCheck`` as the sink.
    /// - Parameters:
    ///   - access: `public ` or `""`, prefixed to the enum and its `check`.
    ///   - summary: the first lines of the enum's doc comment; the origin's remark follows.
    static func render(
        _ schema: Schema, named name: String, summary: String, origin: DeclarationOrigin, access: String,
        into writer: inout CodeWriter
    ) {
        var renderer = ValidatorRenderer()
        renderer.memberIndent = writer.indentation.count + 4
        renderer.usedNames.insert("check")
        renderer.function(for: schema, named: "check", base: "", origin: origin, access: access)
        writer.docComment(summary + "\n" + origin.remark(schema.location))
        let entry = [
            "/// Every violation of `json`, in the order of ``Schema/validate(_:)``; empty when it is valid.",
            "\(access)static func validate(_ json: JSONValue) -> [Violation] {",
            "    var violations: [Violation] = []",
            "    check(json, \"\", &violations)",
            "    return violations",
            "}",
        ]
        let validity = [
            "/// Whether `json` is valid: the same checks, without building a message or a pointer.",
            "\(access)static func isValid(_ json: JSONValue) -> Bool {",
            "    var validity = ValidityCheck()",
            "    check(json, \"\", &validity)",
            "    return validity.isValid",
            "}",
        ]
        writer.block("\(access)enum \(name) {") { writer in
            for (index, lines) in (renderer.constants + [entry, validity] + renderer.functions).enumerated() {
                if index > 0 { writer.line() }
                for line in lines { writer.line(line) }
            }
        }
    }

    /// The call that checks `value` at `pointer` against `schema`, or `nil` when the schema
    /// accepts every value.
    private mutating func call(
        for schema: Schema, value: String, pointer: String, base: String, origin: DeclarationOrigin
    ) -> String? {
        guard Self.checksSomething(schema) else { return nil }
        let name = unique("check" + base)
        function(for: schema, named: name, base: base, origin: origin, access: "")
        return "\(name)(\(value), \(pointer), &violations)"
    }

    private mutating func function(
        for schema: Schema, named name: String, base: String, origin: DeclarationOrigin, access: String
    ) {
        let slot = functions.count
        functions.append([])
        // Written at the depth of the enum's members, so that lines are wrapped to their real width;
        // that indentation is taken off again and added back when the enum is written.
        var writer = CodeWriter()
        Self.indented(memberIndent / 4, &writer) { writer in
            writer.docComment(
                "Checks `\(origin.path.isEmpty ? "(root)" : origin.path)`.\n" + origin.remark(schema.location))
            writer.list(
                "\(access)static func \(name)<Sink: ViolationSink>(",
                ["_ value: JSONValue", "_ pointer: @autoclosure () -> String", "_ violations: inout Sink"], ") {")
            writer.indented { writeChecks(of: schema, base: base, origin: origin, into: &$0) }
            writer.line("}")
        }
        functions[slot] = writer.text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map {
            String($0.dropFirst(memberIndent))
        }
    }

    private mutating func writeChecks(
        of schema: Schema, base: String, origin: DeclarationOrigin, into writer: inout CodeWriter
    ) {
        let kinds = Self.kinds(of: schema)
        // A value of the one type a schema allows is bound once, by the type check itself.
        var bound = false
        if let types = schema.types {
            let patterns = Self.casePatterns(types)
            let expected = types.map { ".\($0.rawValue)" }.joined(separator: ", ")
            let failure = "violations.add(.type(at: pointer(), expected: [\(expected)], found: value))"
            if patterns.count == 1 {
                let binding = kinds.count == 1 ? kinds[0].binding(for: patterns[0]) : nil
                bound = binding != nil
                writer.block("guard case \(binding ?? patterns[0]) = value else {") { writer in
                    writer.line(failure)
                    writer.line("return")
                }
            } else {
                writer.line("switch value {")
                writer.line("case \(patterns.joined(separator: ", ")): break")
                writer.line("default:")
                writer.indented { writer in
                    writer.line(failure)
                    writer.line("return")
                }
                writer.line("}")
            }
        }
        let indent = memberIndent
        if let allowed = schema.enumValues {
            let constant = self.constant(
                base, "EnumValues",
                { ": [JSONValue] = " + Self.arrayLiteral(allowed, indent: indent, used: indent + $0 + 30) },
                origin.appending("enum"),
                schema.location)
            writer.block("if !Self.\(constant).contains(value) {") { writer in
                writer.line("violations.add(.enumeration(at: pointer(), allowed: Self.\(constant), found: value))")
            }
        }
        if let value = schema.constValue {
            let constant = self.constant(
                base, "Constant", { _ in ": JSONValue = " + SwiftSyntax.jsonLiteral(value) }, origin.appending("const"),
                schema.location)
            writer.block("if value != Self.\(constant) {") { writer in
                writer.line("violations.add(.constant(at: pointer(), Self.\(constant), found: value))")
            }
        }
        if bound {
            write(kinds[0], of: schema, base: base, origin: origin, into: &writer)
            return
        }
        guard !kinds.isEmpty else { return }
        writer.line("switch value {")
        for kind in kinds {
            writer.line("case \(kind.pattern):")
            writer.indented { write(kind, of: schema, base: base, origin: origin, into: &$0) }
        }
        writer.line("default: break")
        writer.line("}")
    }

    private mutating func write(
        _ kind: Kind, of schema: Schema, base: String, origin: DeclarationOrigin, into writer: inout CodeWriter
    ) {
        switch kind {
        case .number: writeNumberChecks(of: schema, into: &writer)
        case .string: writeStringChecks(of: schema, base: base, origin: origin, into: &writer)
        case .array: writeArrayChecks(of: schema, base: base, origin: origin, into: &writer)
        case .object: writeObjectChecks(of: schema, base: base, origin: origin, into: &writer)
        }
    }

    private func writeNumberChecks(of schema: Schema, into writer: inout CodeWriter) {
        let bounds: [(Double?, String, String)] = [
            (schema.minimum, "<", "minimum"), (schema.maximum, ">", "maximum"),
            (schema.exclusiveMinimum, "<=", "exclusiveMinimum"), (schema.exclusiveMaximum, ">=", "exclusiveMaximum"),
        ]
        if bounds.contains(where: { $0.0 != nil }) {
            writer.block("if let number = value.doubleValue {") { writer in
                for case (let limit?, let comparison, let keyword) in bounds {
                    let literal = SwiftSyntax.number(limit)
                    writer.block("if number \(comparison) \(literal) {") { writer in
                        writer.line("violations.add(.\(keyword)(at: pointer(), \(literal), found: value))")
                    }
                }
            }
        }
        if let divisor = schema.multipleOf, divisor > 0 {
            let literal = SwiftSyntax.number(divisor)
            writer.block("if !value.isMultiple(of: \(literal)) {") { writer in
                writer.line("violations.add(.multipleOf(at: pointer(), \(literal), found: value))")
            }
        }
    }

    private mutating func writeStringChecks(
        of schema: Schema, base: String, origin: DeclarationOrigin, into writer: inout CodeWriter
    ) {
        if schema.minLength != nil || schema.maxLength != nil {
            writer.line("let length = string.unicodeScalars.count")
        }
        for (limit, comparison, keyword) in [
            (schema.minLength, "<", "minLength"), (schema.maxLength, ">", "maxLength"),
        ] {
            guard let limit else { continue }
            writer.block("if length \(comparison) \(limit) {") { writer in
                writer.line("violations.add(.\(keyword)(at: pointer(), \(limit), found: length))")
            }
        }
        if let pattern = schema.pattern {
            let constant = self.constant(
                base, "Pattern", { _ in " = SchemaPattern(\(SwiftSyntax.stringLiteral(pattern)))" },
                origin.appending("pattern"),
                schema.location)
            writer.block("if Self.\(constant).matches(string) == false {") { writer in
                writer.line("violations.add(.pattern(at: pointer(), Self.\(constant).source, found: string))")
            }
        }
        if let format = schema.format {
            let name = "StringFormat.\(SwiftSyntax.caseName(format.rawValue))"
            writer.block("if !\(name).accepts(string) {") { writer in
                writer.line("violations.add(.format(at: pointer(), \(name), found: string))")
            }
        }
    }

    private mutating func writeArrayChecks(
        of schema: Schema, base: String, origin: DeclarationOrigin, into writer: inout CodeWriter
    ) {
        for (limit, comparison, keyword) in [(schema.minItems, "<", "minItems"), (schema.maxItems, ">", "maxItems")] {
            guard let limit else { continue }
            writer.block("if items.count \(comparison) \(limit) {") { writer in
                writer.line("violations.add(.\(keyword)(at: pointer(), \(limit), found: items.count))")
            }
        }
        if schema.uniqueItems == true {
            writer.line("violations.add(contentsOf: Violation.uniqueItems(items, at: pointer))")
        }
        if let itemSchema = schema.items,
            let call = call(
                for: itemSchema, value: "item", pointer: "pointer() + \"/\\(index)\"", base: base + "Item",
                origin: origin.appending("items"))
        {
            writer.block("for (index, item) in items.enumerated() {") { $0.line(call) }
        }
    }

    private mutating func writeObjectChecks(
        of schema: Schema, base: String, origin: DeclarationOrigin, into writer: inout CodeWriter
    ) {
        let closed = Self.isClosed(schema)
        // Counting the declared members present tells whether there are others, without a set.
        let counting = closed && !schema.properties.isEmpty
        if counting { writer.line("var known = 0") }
        let declared = schema.properties.map(\.name)
        for property in schema.properties {
            let key = SwiftSyntax.stringLiteral(property.name)
            let pointer = "pointer() + \(SwiftSyntax.stringLiteral(Violation.memberPointer("", property.name)))"
            let required = schema.required.contains(property.name)
            let call = call(
                for: property.schema, value: "member", pointer: pointer, base: base + Self.component(property.name),
                origin: origin.appending(Self.commentSafe(property.name)))
            let missing = "violations.add(.required(at: \(pointer), name: \(key)))"
            guard call != nil || closed || required else { continue }
            guard call != nil || closed else {
                writer.block("if object[\(key)] == nil {") { $0.line(missing) }
                continue
            }
            writer.line((call == nil ? "if object[\(key)] != nil {" : "if let member = object[\(key)] {"))
            writer.indented { writer in
                if counting { writer.line("known += 1") }
                if let call { writer.line(call) }
            }
            if required {
                writer.block("} else {", closing: "}") { $0.line(missing) }
            } else {
                writer.line("}")
            }
        }
        for name in schema.required where !declared.contains(name) {
            let key = SwiftSyntax.stringLiteral(name)
            let pointer = "pointer() + \(SwiftSyntax.stringLiteral(Violation.memberPointer("", name)))"
            writer.block("if object[\(key)] == nil {") {
                $0.line("violations.add(.required(at: \(pointer), name: \(key)))")
            }
        }
        if closed {
            let indent = memberIndent
            let constant = self.constant(
                base, "Names",
                {
                    ": [String] = "
                        + Self.arrayLiteral(declared.map(JSONValue.string), indent: indent, used: indent + $0 + 27)
                },
                origin.appending("properties"), schema.location)
            writer.block(counting ? "if known < object.count {" : "if !object.isEmpty {") { writer in
                writer.list(
                    "violations.add(contentsOf: Violation.additionalProperties(",
                    ["of: object", "declared: Self.\(constant)", "at: pointer"], "))")
            }
        }
    }

    /// Declares `static let <base><suffix><declaration>` and returns its name; `declaration` is
    /// given the name's length, to wrap what follows it.
    private mutating func constant(
        _ base: String, _ suffix: String, _ declaration: (Int) -> String, _ origin: DeclarationOrigin,
        _ location: SourceLocation?
    ) -> String {
        let name = unique(base.isEmpty ? Self.lowercasingFirst(suffix) : Self.lowercasingFirst(base) + suffix)
        // Continuation lines come indented to the member's depth, which the enum's writer adds again.
        let lines = ("static let \(name)" + declaration(name.count)).split(separator: "\n").enumerated().map {
            $0.offset == 0 ? String($0.element) : String($0.element.dropFirst(memberIndent))
        }
        constants.append(["/// " + origin.remark(location)] + lines)
        return name
    }

    private mutating func unique(_ name: String) -> String {
        var candidate = name
        var number = 2
        while usedNames.contains(candidate) {
            candidate = name + String(number)
            number += 1
        }
        usedNames.insert(candidate)
        return candidate
    }
}

extension ValidatorRenderer {
    /// The kinds of value with keywords of their own, in the interpreter's order.
    enum Kind {
        case number, string, array, object

        /// The `case` pattern that selects the kind and binds what its checks read.
        var pattern: String {
            switch self {
            case .number: ".integer, .number"
            case .string: ".string(let string)"
            case .array: ".array(let items)"
            case .object: ".object(let object)"
            }
        }

        /// The pattern of a type check for `typePattern` that also binds what this kind's checks
        /// read; `nil` when the type is another kind's.
        func binding(for typePattern: String) -> String? {
            switch (self, typePattern) {
            case (.number, ".integer"): ".integer"
            case (.string, ".string"), (.array, ".array"), (.object, ".object"): pattern
            default: nil
            }
        }
    }

    /// The kinds of value `schema` has checks for.
    static func kinds(of schema: Schema) -> [Kind] {
        [
            hasNumberChecks(schema) ? .number : nil, hasStringChecks(schema) ? .string : nil,
            hasArrayChecks(schema) ? .array : nil, hasObjectChecks(schema) ? .object : nil,
        ].compactMap { $0 }
    }

    /// Whether some value fails `schema`: whether it needs a function at all.
    static func checksSomething(_ schema: Schema) -> Bool {
        schema.types != nil || schema.enumValues != nil || schema.constValue != nil || hasNumberChecks(schema)
            || hasStringChecks(schema) || hasArrayChecks(schema) || hasObjectChecks(schema)
    }

    static func hasNumberChecks(_ schema: Schema) -> Bool {
        schema.minimum != nil || schema.maximum != nil || schema.exclusiveMinimum != nil
            || schema.exclusiveMaximum != nil || (schema.multipleOf ?? 0) > 0
    }

    static func hasStringChecks(_ schema: Schema) -> Bool {
        schema.minLength != nil || schema.maxLength != nil || schema.pattern != nil || schema.format != nil
    }

    static func hasArrayChecks(_ schema: Schema) -> Bool {
        schema.minItems != nil || schema.maxItems != nil || schema.uniqueItems == true
            || schema.items.map(checksSomething) == true
    }

    static func hasObjectChecks(_ schema: Schema) -> Bool {
        isClosed(schema) || !schema.required.isEmpty || schema.properties.contains { checksSomething($0.schema) }
    }

    /// Object schemas are closed unless opened; a schema without a type accepts any object.
    static func isClosed(_ schema: Schema) -> Bool {
        !(schema.additionalProperties ?? (schema.types?.contains(.object) != true))
    }

    /// The `case` patterns of the values `types` accept (`number` accepts integers too).
    static func casePatterns(_ types: [JSONType]) -> [String] {
        var patterns: [String] = []
        for type in types {
            let accepted: [String] =
                switch type {
                case .object: [".object"]
                case .array: [".array"]
                case .string: [".string"]
                case .integer: [".integer"]
                case .number: [".integer", ".number"]
                case .boolean: [".bool"]
                case .null: [".null"]
                }
            for pattern in accepted where !patterns.contains(pattern) { patterns.append(pattern) }
        }
        return patterns
    }

    /// A property name as part of a Swift identifier: `bbox` -> `Bbox`, `date-time` -> `DateTime`.
    static func component(_ name: String) -> String {
        let identifier = SwiftSyntax.caseName(name).replacingOccurrences(of: "`", with: "")
        return identifier.prefix(1).uppercased() + identifier.dropFirst()
    }

    /// A property name as a doc comment can show it: quoted and escaped when it has control characters.
    static func commentSafe(_ name: String) -> String {
        name.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F } ? SwiftSyntax.stringLiteral(name) : name
    }

    static func lowercasingFirst(_ name: String) -> String {
        name.prefix(1).lowercased() + name.dropFirst()
    }

    /// `[a, b]` of JSON literals, wrapped after the first `used` columns of a line indented by `indent`
    /// spaces.
    static func arrayLiteral(_ values: [JSONValue], indent: Int, used: Int) -> String {
        SwiftSyntax.arrayLiteral(
            values.map(SwiftSyntax.jsonLiteral), indent: String(repeating: " ", count: indent), used: used)
    }

    /// Runs `body` `levels` levels deeper.
    static func indented(_ levels: Int, _ writer: inout CodeWriter, _ body: (inout CodeWriter) -> Void) {
        guard levels > 0 else { return body(&writer) }
        writer.indented { indented(levels - 1, &$0, body) }
    }
}
