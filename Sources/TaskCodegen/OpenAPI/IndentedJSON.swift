import TaskSchema

extension JSONValue {
    /// Deterministic, readable JSON: two-space indentation, `"key": value`, object keys sorted by
    /// their UTF-8 bytes, empty containers as `{}` and `[]`, scalars as in
    /// ``JSONValue/canonicalString()``.
    func indentedJSON(indent: String = "") -> String {
        let inner = indent + "  "
        switch self {
        case .object(let object) where !object.isEmpty:
            let members = object.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }.map { key, value in
                "\(inner)\(JSONValue.string(key).canonicalString()): \(value.indentedJSON(indent: inner))"
            }
            return "{\n" + members.joined(separator: ",\n") + "\n\(indent)}"
        case .array(let elements) where !elements.isEmpty:
            return "[\n" + elements.map { inner + $0.indentedJSON(indent: inner) }.joined(separator: ",\n")
                + "\n\(indent)]"
        default:
            return canonicalString()
        }
    }
}
