import Yams

/// Composes YAML text into a ``YAMLNode`` tree with Yams, turning syntax errors into diagnostics.
///
/// Yams rejects a document with duplicate mapping keys outright. To report duplicates like any
/// other problem, the loader renames the first occurrence of each duplicate in its copy of the text
/// (replacing its first character by a private-use character, which keeps every position intact),
/// composes again, and restores the original key names in the tree.
enum YAMLLoader {
    /// A YAML document that cannot be composed.
    struct Failure: Error {
        var diagnostic: Diagnostic
    }

    /// How many nodes a document may expand to through aliases before it is rejected.
    static let maximumNodeCount = 100_000
    /// How many duplicate keys are recovered before giving up.
    private static let maximumRenamedKeys = 1_000

    /// The document's root, or `nil` for an empty document.
    static func load(_ text: String, file: String) throws(Failure) -> YAMLNode? {
        var source = SourceText(text)
        var renamedKeys: [String: String] = [:]
        while true {
            let root: Node?
            do {
                root = try Yams.compose(yaml: source.text, .core)
            } catch YamlError.duplicatedKeysInMapping(let duplicates, let context) {
                let key = duplicates.first ?? ""
                guard renamedKeys.count < maximumRenamedKeys,
                    let renamed = source.renameKey(key, at: context.mark, placeholderNumber: renamedKeys.count)
                else {
                    throw Failure(diagnostic: .error("duplicate key '\(key)'", at: location(context.mark, file)))
                }
                renamedKeys[renamed] = key
                continue
            } catch {
                throw Failure(diagnostic: diagnostic(for: error, in: text, file: file))
            }
            guard let root else { return nil }
            var converter = NodeConverter(file: file, renamedKeys: renamedKeys)
            return try converter.convert(root)
        }
    }

    static func location(_ mark: Mark, _ file: String) -> SourceLocation {
        SourceLocation(file: file, line: max(mark.line, 1), column: max(mark.column, 1))
    }

    private static func diagnostic(for error: any Error, in text: String, file: String) -> Diagnostic {
        switch error as? YamlError {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            if problem.hasPrefix("Maximum nesting level reached") {
                return .error(
                    "invalid YAML: collections are nested more than 1000 levels deep", at: location(mark, file))
            }
            let detail = context.map { " (\($0.text) at line \($0.mark.line), column \($0.mark.column))" } ?? ""
            return .error("invalid YAML: \(problem)\(detail)", at: location(mark, file))
        case .reader(let problem, let offset, _, _):
            let position = offset.flatMap { SourceText(text).position(atCharacterOffset: $0) } ?? (1, 1)
            return .error(
                "invalid YAML: \(problem)", at: SourceLocation(file: file, line: position.line, column: position.column)
            )
        default:
            return .error("invalid YAML: \(error)", at: SourceLocation(file: file, line: 1, column: 1))
        }
    }
}

extension Resolver {
    /// The YAML 1.2 core schema: `yes`, `on` and dates stay strings, unlike Yams' YAML 1.1 default.
    static let core: Resolver = {
        // The patterns are constants, exercised by the tests: compiling them cannot fail at run time.
        try! Resolver.basic
            .appending(.null, "^(?:~|null|Null|NULL|)$")
            .appending(.bool, "^(?:true|True|TRUE|false|False|FALSE)$")
            .appending(.int, "^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$")
            .appending(
                .float,
                "^(?:[-+]?(?:\\.[0-9]+|[0-9]+(?:\\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$"
            )
    }()
}

/// YAML text as Unicode scalars, addressed by libyaml's 1-based line and column.
private struct SourceText {
    private var scalars: [Unicode.Scalar]

    init(_ text: String) {
        scalars = Array(text.unicodeScalars)
    }

    var text: String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }

    /// Replaces the first character of the key `key` written at `mark` by a private-use character
    /// and returns the renamed key, or `nil` when the key cannot be renamed safely.
    mutating func renameKey(_ key: String, at mark: Mark, placeholderNumber: Int) -> String? {
        guard var index = index(of: mark), let first = key.unicodeScalars.first,
            let placeholder = Unicode.Scalar(0xE000 + placeholderNumber)
        else { return nil }
        if scalars[index] == "\"" || scalars[index] == "'" { index += 1 }
        guard index < scalars.count, scalars[index] == first, !["\\", "'", "\""].contains(first) else { return nil }
        scalars[index] = placeholder
        var renamed = String.UnicodeScalarView([placeholder])
        renamed.append(contentsOf: key.unicodeScalars.dropFirst())
        return String(renamed)
    }

    /// The line and column of the `offset`th character (Swift `Character`, as Yams counts them).
    func position(atCharacterOffset offset: Int) -> (line: Int, column: Int)? {
        let text = self.text
        guard let target = text.index(text.startIndex, offsetBy: offset, limitedBy: text.endIndex) else { return nil }
        var line = 1
        var column = 1
        var previous: Unicode.Scalar?
        for scalar in text[..<target].unicodeScalars {
            if Self.isBreak(scalar) && !(scalar == "\n" && previous == "\r") {
                line += 1
                column = 1
            } else if !Self.isBreak(scalar) {
                column += 1
            }
            previous = scalar
        }
        return (line, column)
    }

    private func index(of mark: Mark) -> Int? {
        var index = scalars.first == "\u{FEFF}" ? 1 : 0
        var line = 1
        while line < mark.line {
            guard index < scalars.count else { return nil }
            if Self.isBreak(scalars[index]) {
                if scalars[index] == "\r", index + 1 < scalars.count, scalars[index + 1] == "\n" { index += 1 }
                line += 1
            }
            index += 1
        }
        let target = index + mark.column - 1
        return target >= 0 && target < scalars.count ? target : nil
    }

    /// The line breaks libyaml counts.
    private static func isBreak(_ scalar: Unicode.Scalar) -> Bool {
        ["\n", "\r", "\u{85}", "\u{2028}", "\u{2029}"].contains(scalar)
    }
}

/// Converts a composed Yams tree into ``YAMLNode``s, restoring renamed keys.
private struct NodeConverter {
    let file: String
    let renamedKeys: [String: String]
    private var nodeCount = 0

    init(file: String, renamedKeys: [String: String]) {
        self.file = file
        self.renamedKeys = renamedKeys
    }

    mutating func convert(_ node: Node) throws(YAMLLoader.Failure) -> YAMLNode {
        let location = node.mark.map { YAMLLoader.location($0, file) } ?? SourceLocation(file: file, line: 1, column: 1)
        nodeCount += 1
        guard nodeCount <= YAMLLoader.maximumNodeCount else {
            throw YAMLLoader.Failure(
                diagnostic: .error(
                    "the document expands to more than \(YAMLLoader.maximumNodeCount) nodes through aliases",
                    at: location))
        }
        switch node {
        case .scalar(let scalar):
            return YAMLNode(content: .scalar(Self.resolve(scalar), text: scalar.string), location: location)
        case .sequence(let sequence):
            var items: [YAMLNode] = []
            for item in sequence {
                items.append(try convert(item))
            }
            return YAMLNode(content: .sequence(items), location: location)
        case .mapping(let mapping):
            var entries: [YAMLNode.Entry] = []
            for (key, value) in mapping {
                let keyNode = try convert(key)
                guard case .scalar(_, let text) = keyNode.content else {
                    throw YAMLLoader.Failure(
                        diagnostic: .error(
                            "mapping keys must be plain strings, found \(keyNode.found)", at: keyNode.location))
                }
                entries.append(
                    .init(key: renamedKeys[text] ?? text, keyLocation: keyNode.location, value: try convert(value)))
            }
            return YAMLNode(content: .mapping(entries), location: location)
        case .alias:
            // Yams resolves aliases while composing; an unresolved one is reported rather than trusted.
            throw YAMLLoader.Failure(diagnostic: .error("unresolved YAML alias", at: location))
        }
    }

    private static func resolve(_ scalar: Node.Scalar) -> YAMLNode.Scalar {
        let text = scalar.string
        switch Tag.Name(rawValue: Node.scalar(scalar).tag.rawValue) {
        case .null:
            return .null
        case .bool:
            return .bool(text.lowercased() == "true")
        case .int:
            if text.hasPrefix("0x"), let value = Int(text.dropFirst(2), radix: 16) { return .integer(value) }
            if text.hasPrefix("0o"), let value = Int(text.dropFirst(2), radix: 8) { return .integer(value) }
            if let value = Int(text) { return .integer(value) }
            return .number(Double(text).flatMap { $0.isFinite ? $0 : nil })
        case .float:
            return .number(Double(text).flatMap { $0.isFinite ? $0 : nil })
        default:
            return .string(text)
        }
    }
}
