/// The `type` comparison of ``ClassificationWalk``. Types are compared as sets, and `number`
/// holds every `integer`: `integer` -> `number` widens, `number` -> `integer` narrows.
extension ClassificationWalk {
    mutating func compareTypes(_ old: [JSONType]?, _ new: [JSONType]?, _ node: Node) {
        guard old.map(Set.init) != new.map(Set.init) else { return }
        let change = "from \(Self.describe(old)) to \(Self.describe(new))"
        let path = node.path
        let onlyNull = Self.differOnlyInNull(old, new)
        switch direction {
        case .input:
            if Self.covers(new, old) {
                add(.inputTypeWidened, "type\(path.of) widened \(change)", at: path, node.location)
            } else if onlyNull {
                add(.inputNullRemoved, "null removed from the type\(path.of)", at: path, node.location)
            } else {
                add(.inputTypeChanged, "type\(path.of) changed \(change)", at: path, node.location)
            }
        case .output:
            if Self.covers(old, new) {
                add(.outputTypeNarrowed, "type\(path.of) narrowed \(change)", at: path, node.location)
            } else if onlyNull {
                add(.outputNullAdded, "null added to the type\(path.of)", at: path, node.location)
            } else if Self.covers(new, old) {
                add(.outputTypeWidened, "type\(path.of) widened \(change)", at: path, node.location)
            } else {
                add(.outputTypeChanged, "type\(path.of) changed \(change)", at: path, node.location)
            }
        }
    }

    private static let everyType: [JSONType] = [.object, .array, .string, .number, .boolean, .null]

    /// Whether every value of a type in `narrow` is of a type in `wide` (`nil`: any type;
    /// `number` holds every `integer`).
    private static func covers(_ wide: [JSONType]?, _ narrow: [JSONType]?) -> Bool {
        guard let wide else { return true }
        return (narrow ?? everyType).allSatisfy { wide.contains($0) || ($0 == .integer && wide.contains(.number)) }
    }

    /// Whether the two type lists differ exactly by `null`.
    private static func differOnlyInNull(_ old: [JSONType]?, _ new: [JSONType]?) -> Bool {
        guard let old, let new else { return false }
        let without = { (types: [JSONType]) in Set(types.filter { $0 != .null }) }
        return without(old) == without(new) && old.contains(.null) != new.contains(.null)
    }

    private static func describe(_ types: [JSONType]?) -> String {
        types.map { $0.map(\.rawValue).joined(separator: " or ") } ?? "any type"
    }
}
