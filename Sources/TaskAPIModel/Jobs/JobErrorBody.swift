import TaskSchema

/// Why a job's attempt failed.
public struct JobErrorBody: APIBody, APIComponent, Hashable {
    public static let componentName = "JobError"
    public static let componentDescription = "Why a job's attempt failed."

    public var code: String
    public var message: String
    public var retryable: Bool
    public var details: JSONValue

    public init(code: String, message: String, retryable: Bool, details: JSONValue) {
        self.code = code
        self.message = message
        self.retryable = retryable
        self.details = details
    }

    public enum CodingKeys: String, APIBodyKey {
        case code, message, retryable, details

        public var documentation: FieldDocumentation {
            switch self {
            case .code: "A stable, snake_case error code (docs/errors.md)."
            case .message: .undescribed
            case .retryable: "Whether the failure was transient."
            case .details: "Extra data from the handler, or `null`."
            }
        }
    }
}
