/// One way a JSON value fails its schema.
public struct Violation: Sendable, Hashable, Codable, CustomStringConvertible {
    /// RFC 6901 JSON pointer to the offending value: `""` for the root, `/bboxes/1/2` deeper down.
    public var pointer: String
    /// A stable snake_case code naming the failed keyword: `type`, `required`, `max_length`, ...
    public var code: String
    /// What was expected and what was found, e.g. "expected integer, found string".
    public var message: String

    public init(pointer: String, code: String, message: String) {
        self.pointer = pointer
        self.code = code
        self.message = message
    }

    /// `"/bboxes/1/2: must be at most 180, found 200"`; just the message for the root.
    public var description: String { pointer.isEmpty ? message : "\(pointer): \(message)" }
}
