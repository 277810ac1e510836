extension DecodingError {
    /// A short explanation naming the JSON path at fault, e.g. `properties.eo:cloud_cover: expected Double`.
    var reason: String {
        switch self {
        case .typeMismatch(let type, let context): "\(Self.path(context.codingPath)): expected \(type)"
        case .valueNotFound(let type, let context): "\(Self.path(context.codingPath)): expected \(type), found null"
        case .keyNotFound(let key, let context): "missing key \(Self.path(context.codingPath + [key]))"
        case .dataCorrupted(let context): "\(Self.path(context.codingPath)): \(context.debugDescription)"
        @unknown default: String(describing: self)
        }
    }

    private static func path(_ keys: [any CodingKey]) -> String {
        guard !keys.isEmpty else { return "(top level)" }
        return keys.map { key in key.intValue.map { "[\($0)]" } ?? key.stringValue }.joined(separator: ".")
    }
}
