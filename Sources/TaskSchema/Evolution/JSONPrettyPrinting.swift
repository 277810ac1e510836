extension JSONValue {
    /// Deterministic, readable JSON: two-space indentation, `"key": value`, object keys sorted
    /// (keys that are all decimal integers in numeric order, so version `10` follows `9`), and
    /// empty containers as `{}` and `[]`. Scalars are written as in ``canonicalData()``.
    func prettyPrinted(indent: String = "") -> String {
        let inner = indent + "  "
        switch self {
        case .object(let object) where !object.isEmpty:
            let keys = object.keys.sorted(by: Self.keyOrder)
            let members = keys.map { key in
                "\(inner)\(JSONValue.string(key).canonicalString()): \((object[key] ?? .null).prettyPrinted(indent: inner))"
            }
            return "{\n" + members.joined(separator: ",\n") + "\n\(indent)}"
        case .array(let elements) where !elements.isEmpty:
            let items = elements.map { inner + $0.prettyPrinted(indent: inner) }
            return "[\n" + items.joined(separator: ",\n") + "\n\(indent)]"
        default:
            return canonicalString()
        }
    }

    /// Integer keys by value before other keys; ties and other keys by their UTF-8 bytes.
    private static func keyOrder(_ lhs: String, _ rhs: String) -> Bool {
        switch (Int(lhs), Int(rhs)) {
        case (let left?, let right?) where left != right: left < right
        case (_?, nil): true
        case (nil, _?): false
        default: lhs.utf8.lexicographicallyPrecedes(rhs.utf8)
        }
    }
}
