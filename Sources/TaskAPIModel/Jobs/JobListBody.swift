/// A page of jobs (`GET /v1/jobs`).
public struct JobListBody: APIBody, APIComponent, Hashable {
    public static let componentName = "JobList"
    public static let componentDescription = "A page of jobs."

    public var jobs: [JobBody]
    public var nextCursor: String?

    public init(jobs: [JobBody], nextCursor: String?) {
        self.jobs = jobs
        self.nextCursor = nextCursor
    }

    public enum CodingKeys: String, APIBodyKey {
        case jobs
        case nextCursor = "next_cursor"

        public var documentation: FieldDocumentation {
            switch self {
            case .jobs: "Newest first."
            case .nextCursor: "Pass as `cursor` to continue the listing; `null` on the last page."
            }
        }
    }
}
