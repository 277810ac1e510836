/// A state or stage change of a job, from its event log.
public struct JobEventBody: APIBody, APIComponent, Hashable {
    public static let componentName = "JobEvent"
    public static let componentDescription = "A state or stage change of a job."

    public var id: Int
    public var at: Timestamp
    public var state: JobState
    public var stage: String?
    public var progress: Double
    public var attempt: Int
    public var error: JobErrorBody?

    public init(
        id: Int, at: Timestamp, state: JobState, stage: String?, progress: Double, attempt: Int, error: JobErrorBody?
    ) {
        self.id = id
        self.at = at
        self.state = state
        self.stage = stage
        self.progress = progress
        self.attempt = attempt
        self.error = error
    }

    public enum CodingKeys: String, APIBodyKey {
        case id, at, state, stage, progress, attempt, error

        public var documentation: FieldDocumentation {
            switch self {
            case .id: "The event's sequence number; later events have larger ones."
            case .at, .state, .stage, .error: .undescribed
            case .progress: .percent
            case .attempt: FieldDocumentation(keywords: ["minimum": 0])
            }
        }
    }
}

/// A job's event log (`GET /v1/jobs/{id}/events`).
public struct JobEventListBody: APIBody, APIComponent, Hashable {
    public static let componentName = "JobEventList"
    public static let componentDescription = "A job's event log."

    public var events: [JobEventBody]

    public init(events: [JobEventBody]) {
        self.events = events
    }

    public enum CodingKeys: String, APIBodyKey {
        case events

        public var documentation: FieldDocumentation { "Oldest first." }
    }
}
