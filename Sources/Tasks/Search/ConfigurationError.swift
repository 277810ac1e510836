/// A malformed setting in the environment; the process does not start.
public struct ConfigurationError: Error, Hashable, CustomStringConvertible {
    public var variable: String
    public var message: String

    public init(variable: String, _ message: String) {
        self.variable = variable
        self.message = message
    }

    public var description: String { "\(variable) \(message)" }
}
