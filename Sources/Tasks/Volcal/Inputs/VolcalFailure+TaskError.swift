import TaskRuntime

extension VolcalFailure {
    /// The failure as the permanent ``TaskError`` a handler throws: the job fails at once, with this
    /// code and message.
    public var taskError: TaskError {
        .permanent(ErrorCode(rawValue: code), message)
    }
}
