/// Collects the diagnostics of one parse and reads typed values out of YAML nodes,
/// reporting every value that has the wrong shape.
final class ParseContext {
    private(set) var diagnostics: [Diagnostic] = []
    /// Every `$ref` written, checked once all types are known.
    var references: [(name: String, location: SourceLocation)] = []
    /// Every schema that declares a `default`, checked once all types are known.
    var defaults: [(schema: Schema, location: SourceLocation)] = []

    var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    func error(_ message: String, at location: SourceLocation) {
        diagnostics.append(.error(message, at: location))
    }

    /// The entries of a mapping with duplicates reported and dropped; `noun` names a key ("task").
    func uniqueEntries(_ entries: [YAMLNode.Entry], noun: String) -> [YAMLNode.Entry] {
        var firstLines: [String: Int] = [:]
        var unique: [YAMLNode.Entry] = []
        for entry in entries {
            if let line = firstLines[entry.key] {
                error("duplicate \(noun) '\(entry.key)'; first declared at line \(line)", at: entry.keyLocation)
            } else {
                firstLines[entry.key] = entry.keyLocation.line
                unique.append(entry)
            }
        }
        return unique
    }

    /// Reports each key not in `allowed`, with a suggestion; `place` completes "unknown key 'x' ...".
    func rejectUnknownKeys(_ entries: [YAMLNode.Entry], allowed: [String], place: String) {
        for entry in entries where !allowed.contains(entry.key) {
            let suggestion = NameSuggestions.didYouMean(entry.key, in: allowed)
            error("unknown key '\(entry.key)' \(place)\(suggestion)", at: entry.keyLocation)
        }
    }

    /// Reports the keys in `required` missing from `entries`, in one diagnostic at `location`;
    /// `owner` names the mapping ("task 'echo'").
    func requireKeys(_ required: [String], in entries: [YAMLNode.Entry], owner: String, at location: SourceLocation) {
        let missing = required.filter { key in !entries.contains { $0.key == key } }.map { "'\($0)'" }
        guard let last = missing.last else { return }
        let list = missing.count == 1 ? "key \(last)" : "keys \(missing.dropLast().joined(separator: ", ")) and \(last)"
        error("\(owner) is missing required \(list)", at: location)
    }

    func string(_ entry: YAMLNode.Entry) -> String? {
        guard let value = entry.value.string else {
            return mismatch(entry, expected: "a string")
        }
        return value
    }

    func bool(_ entry: YAMLNode.Entry) -> Bool? {
        guard case .bool(let value) = entry.value.scalar else {
            return mismatch(entry, expected: "a boolean")
        }
        return value
    }

    func number(_ entry: YAMLNode.Entry) -> Double? {
        switch entry.value.scalar {
        case .integer(let value): return Double(value)
        case .number(let value?): return value
        default: return mismatch(entry, expected: "a number")
        }
    }

    /// An integer that is at least `minimum` (0: "non-negative", 1: "positive").
    func integer(_ entry: YAMLNode.Entry, minimum: Int) -> Int? {
        guard case .integer(let value) = entry.value.scalar, value >= minimum else {
            return mismatch(entry, expected: minimum > 0 ? "a positive integer" : "a non-negative integer")
        }
        return value
    }

    /// A positive duration such as `30s`.
    func duration(_ entry: YAMLNode.Entry) -> Duration? {
        guard let text = entry.value.string, let duration = DurationSyntax.parse(text) else {
            let found = entry.value.string.map { "'\($0)'" } ?? entry.value.found
            error(
                "'\(entry.key)' must be a duration such as \(DurationSyntax.examples), found \(found)",
                at: entry.valueLocation)
            return nil
        }
        guard duration > .zero else {
            error("'\(entry.key)' must be a positive duration, found '\(text)'", at: entry.valueLocation)
            return nil
        }
        return duration
    }

    /// A JSON value written in YAML (mapping keys must be unique, numbers finite).
    func json(_ node: YAMLNode) -> JSONValue? {
        switch node.content {
        case .scalar(.null, _): return .null
        case .scalar(.bool(let value), _): return .bool(value)
        case .scalar(.integer(let value), _): return .integer(value)
        case .scalar(.number(let value?), _): return JSONValue(number: value)
        case .scalar(.string(let value), _): return .string(value)
        case .scalar(.number(nil), let text):
            error("'\(text)' is not a number JSON can hold", at: node.location)
            return nil
        case .sequence(let items):
            let values = items.map(json)
            let present = values.compactMap { $0 }
            return present.count == values.count ? .array(present) : nil
        case .mapping(let entries):
            var object: [String: JSONValue] = [:]
            var complete = true
            for entry in uniqueEntries(entries, noun: "key") {
                if let value = json(entry.value) { object[entry.key] = value } else { complete = false }
            }
            return complete ? .object(object) : nil
        }
    }

    private func mismatch<T>(_ entry: YAMLNode.Entry, expected: String) -> T? {
        error("'\(entry.key)' must be \(expected), found \(entry.value.found)", at: entry.valueLocation)
        return nil
    }
}
