import Foundation
import TaskAPIModel
import TaskSchema
import Testing

/// The job bodies and the schemas read from them: what a body writes is what its schema says.
@Suite("API bodies")
struct APIBodyTests {
    static let links = JobLinks(path: "/v1/jobs/1", startable: false)

    /// A job with every `nil`-able field `nil`.
    static let bare = JobBody(
        id: "1", task: "echo", version: 1, handlerVersion: nil, queue: "default", priority: 0, state: .pending,
        stage: nil, stages: nil, progress: 0, input: ["message": "hi"], output: .null, error: nil, attempt: 0,
        maxAttempts: 3, crashes: 0, cancelRequested: false, createdAt: Timestamp(Date(timeIntervalSince1970: 0)),
        runAt: Timestamp(Date(timeIntervalSince1970: 0.5)), startedAt: nil, finishedAt: nil, links: links)

    /// The same job with every field set.
    static var full: JobBody {
        var job = bare
        job.handlerVersion = 2
        job.stage = "fetch"
        job.stages = [
            JobStageBody(
                name: "fetch", state: .succeeded, startedAt: job.createdAt, finishedAt: job.runAt, attempts: 1)
        ]
        job.error = JobErrorBody(code: "boom", message: "it broke", retryable: true, details: .null)
        job.startedAt = job.runAt
        job.finishedAt = job.runAt
        job.links = JobLinks(path: "/v1/jobs/1", startable: true)
        job.artifacts = [ArtifactJSON(["id": "a"])]
        job.files = [
            JobFileBody(
                name: "dem", required: true, announced: false, state: .missing, maxSize: nil, mediaTypes: [],
                uploadURL: "/v1/jobs/1/files/dem", upload: nil, size: nil, sha256: nil, artifact: nil)
        ]
        job.datasets = [JobDatasetBody(id: "d", name: "x.csv", size: 1, sha256: "00", link: "/v1/datasets/d")]
        return job
    }

    static let components: [String: JSONValue] = {
        (try? SchemaReader.components(of: [JobBody.self, ExistingJobBody.self, JobListBody.self])) ?? [:]
    }()

    static func names(_ value: JSONValue?) -> Set<String> {
        Set(value?.objectValue?.keys.map { $0 } ?? [])
    }

    @Test func aNilFieldIsWrittenAsNullAndAnAbsentOptionalOneIsLeftOut() throws {
        let json = try #require(Self.bare.json.objectValue)
        #expect(json["handler_version"] == .null)
        #expect(json["started_at"] == .null)
        #expect(json["error"] == .null)
        #expect(json["stages"] == .null)
        #expect(json["artifacts"] == nil)
        #expect(json["files"] == nil)
        #expect(json["datasets"] == nil)
        #expect(json["links"]?["start"] == nil)
        #expect(json["created_at"] == "1970-01-01T00:00:00.000Z")
        #expect(json["run_at"] == "1970-01-01T00:00:00.500Z")
    }

    @Test func theSchemaRequiresWhatEveryJobHasAndListsWhatAJobMayHave() throws {
        let schema = try #require(Self.components["Job"])
        let required = Set((schema["required"]?.arrayValue ?? []).compactMap(\.stringValue))
        #expect(required == Self.names(Self.bare.json))
        #expect(Self.names(schema["properties"]) == Self.names(Self.full.json))
        #expect(schema["additionalProperties"] == false)
        let links = try #require(schema["properties"]?["links"])
        #expect(Self.names(links["properties"]) == ["self", "events", "cancel", "retry", "start"])
        #expect(links["required"] == ["cancel", "events", "retry", "self"])
    }

    @Test func nullableFieldsSayNullAndTheirKeywordsStay() throws {
        let properties = try #require(Self.components["Job"]?["properties"])
        #expect(properties["handler_version"]?["type"] == ["integer", "null"])
        #expect(properties["handler_version"]?["minimum"] == 1)
        #expect(properties["started_at"]?["type"] == ["string", "null"])
        #expect(properties["started_at"]?["format"] == "date-time")
        #expect(properties["error"]?["oneOf"] == [["$ref": "#/components/schemas/JobError"], ["type": "null"]])
        #expect(properties["state"] == ["$ref": "#/components/schemas/JobState"])
        #expect(properties["artifacts"]?["items"] == ["$ref": "#/components/schemas/Artifact"])
        #expect(properties["id"]?["format"] == "uuid")
    }

    @Test func theStatesAreEveryJobState() {
        let states = JobState.allCases.map { JSONValue.string($0.rawValue) }
        #expect(Self.components["JobState"]?["enum"] == .array(states))
    }

    @Test func anExistingJobIsTheJobWithWhyItWasChosen() throws {
        let body = ExistingJobBody(job: Self.bare, deduplicated: true)
        let json = try #require(body.json.objectValue)
        #expect(json["deduplicated"] == true)
        #expect(json["reused"] == false)
        #expect(json["task"] == "echo")
        let schema = try #require(Self.components["ExistingJob"])
        let required = Set((schema["required"]?.arrayValue ?? []).compactMap(\.stringValue))
        #expect(required == Set(json.keys))
    }

    @Test func aBodyDecodesWhatItEncodes() throws {
        let full = Self.full
        let decoded = try JSONValue(encoding: full).decode(as: JobBody.self)
        #expect(decoded == full)
        let bare = try JSONValue(encoding: Self.bare).decode(as: JobBody.self)
        #expect(bare == Self.bare)
    }
}
