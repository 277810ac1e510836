/// A composed YAML node with its 1-based source position, independent of Yams.
///
/// Mappings keep every entry in source order, duplicates included, so that the parser can
/// report duplicates with both positions.
struct YAMLNode {
    /// A scalar as the YAML 1.2 core schema resolves it.
    enum Scalar {
        case null
        case bool(Bool)
        case integer(Int)
        /// A number; `nil` when it is not finite (`.inf`, `.nan`) or an out-of-range integer.
        case number(Double?)
        case string(String)
    }

    /// A mapping entry; keys are always read as strings.
    struct Entry {
        var key: String
        var keyLocation: SourceLocation
        var value: YAMLNode
    }

    enum Content {
        case scalar(Scalar, text: String)
        case mapping([Entry])
        case sequence([YAMLNode])
    }

    var content: Content
    var location: SourceLocation

    var entries: [Entry]? {
        if case .mapping(let entries) = content { entries } else { nil }
    }

    var items: [YAMLNode]? {
        if case .sequence(let items) = content { items } else { nil }
    }

    var scalar: Scalar? {
        if case .scalar(let scalar, _) = content { scalar } else { nil }
    }

    var string: String? {
        if case .string(let string) = scalar { string } else { nil }
    }

    var isNull: Bool {
        if case .null = scalar { true } else { false }
    }

    /// What the node is, for "found ..." in diagnostics: the literal for numbers, the kind otherwise.
    var found: String {
        switch content {
        case .mapping: "mapping"
        case .sequence: "list"
        case .scalar(.null, _): "null"
        case .scalar(.bool, _): "boolean"
        case .scalar(.string, _): "string"
        case .scalar(.integer, let text), .scalar(.number, let text): text
        }
    }
}

extension YAMLNode.Entry {
    /// Where a diagnostic about the value goes: the value, or the key when the value is left empty.
    var valueLocation: SourceLocation {
        if case .scalar(.null, text: "") = value.content { keyLocation } else { value.location }
    }
}
