import Foundation

/// A completed stage of a multi-stage job, as the store keeps it in the job's `stage_results`:
/// `{"name": "data_processing", "output": {...}, "started_at": 1780000000000000, "finished_at": ..., "attempts": 1}`,
/// timestamps in microseconds since 1970.
public struct StageResult: Sendable, Hashable, Codable {
    /// The declared stage name.
    public var name: String
    /// What the stage handed to the next one.
    public var output: JSONValue
    /// When the attempt that completed the stage started.
    public var startedAt: Date
    public var finishedAt: Date
    /// The attempts the stage took, the successful one included.
    public var attempts: Int

    public init(name: String, output: JSONValue, startedAt: Date, finishedAt: Date, attempts: Int) {
        self.name = name
        self.output = output
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.attempts = attempts
    }

    private enum CodingKeys: String, CodingKey {
        case name, output, attempts
        case startedAt = "started_at"
        case finishedAt = "finished_at"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decode(String.self, forKey: .name)
        output = try container.decode(JSONValue.self, forKey: .output)
        startedAt = Date(microseconds: try container.decode(Int64.self, forKey: .startedAt))
        finishedAt = Date(microseconds: try container.decode(Int64.self, forKey: .finishedAt))
        attempts = try container.decode(Int.self, forKey: .attempts)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encode(output, forKey: .output)
        try container.encode(startedAt.microseconds, forKey: .startedAt)
        try container.encode(finishedAt.microseconds, forKey: .finishedAt)
        try container.encode(attempts, forKey: .attempts)
    }
}
