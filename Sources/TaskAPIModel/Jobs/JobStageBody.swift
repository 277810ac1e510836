/// One stage of a multi-stage job.
public struct JobStageBody: APIBody, APIComponent, Hashable {
    public static let componentName = "JobStage"
    public static let componentDescription = "One stage of a multi-stage job."

    public var name: String
    public var state: JobState
    public var startedAt: Timestamp?
    public var finishedAt: Timestamp?
    public var attempts: Int

    public init(name: String, state: JobState, startedAt: Timestamp?, finishedAt: Timestamp?, attempts: Int) {
        self.name = name
        self.state = state
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.attempts = attempts
    }

    public enum CodingKeys: String, APIBodyKey {
        case name, state
        case startedAt = "started_at"
        case finishedAt = "finished_at"
        case attempts

        public var documentation: FieldDocumentation {
            switch self {
            case .name: .undescribed
            case .state:
                FieldDocumentation(
                    "`succeeded` once the stage completed; the job's state for the stage it is at; `pending` for "
                        + "later stages.")
            case .startedAt: "When the stage's last attempt started."
            case .finishedAt: "When the stage completed."
            case .attempts: FieldDocumentation("The stage's attempts so far.", keywords: ["minimum": 0])
            }
        }
    }
}
