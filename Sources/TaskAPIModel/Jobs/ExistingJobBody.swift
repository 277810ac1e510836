/// The job a submission of a task with `dedup` is answered with instead of a new one: the job's
/// body and why it was chosen.
public struct ExistingJobBody: APIBody, APIComponent, Hashable {
    public static let componentName = "ExistingJob"
    public static let componentDescription =
        "The job a submission of a task with `dedup` was answered with instead of a new one."

    public var job: JobBody
    public var deduplicated: Bool
    public var reused: Bool

    public init(job: JobBody, deduplicated: Bool) {
        self.job = job
        self.deduplicated = deduplicated
        self.reused = !deduplicated
    }

    public enum CodingKeys: String, APIBodyKey {
        case deduplicated, reused

        public var documentation: FieldDocumentation {
            switch self {
            case .deduplicated: "The job is pending or running with the same dedup key."
            case .reused: "The job succeeded with the same dedup key within the task's `reuse_result_for`."
            }
        }
    }

    /// The job's members and this body's beside them, in one object.
    public init(from decoder: any Decoder) throws {
        job = try JobBody(from: decoder)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        deduplicated = try container.decode(Bool.self, forKey: .deduplicated)
        reused = try container.decode(Bool.self, forKey: .reused)
    }

    public func encode(to encoder: any Encoder) throws {
        try job.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(deduplicated, forKey: .deduplicated)
        try container.encode(reused, forKey: .reused)
    }
}
