/// Why scene selection could not run.
public enum SelectionError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A request value is out of range; the text says which.
    case invalidRequest(String)

    /// A one-line explanation.
    public var description: String {
        switch self {
        case .invalidRequest(let reason): "invalid time series request: \(reason)"
        }
    }
}
