import TaskAPIModel
import TaskSchema

/// The component schemas of jobs, read from the bodies `TaskServer` answers with (`TaskAPIModel`):
/// `Job`, `ExistingJob`, `JobList`, `JobEventList` and every component they refer to (`JobState`,
/// `JobError`, `JobStage`, `JobEvent`, `JobFile`, `JobDataset`).
enum JobSchemas {
    static let all: [String: JSONValue] = {
        do {
            return try SchemaReader.components(of: [
                JobBody.self, ExistingJobBody.self, JobListBody.self, JobEventListBody.self,
            ])
        } catch {
            // The bodies are fixed types, read in every OpenAPI test: a body the reader cannot describe
            // fails those tests, never a user's build.
            preconditionFailure("\(error)")
        }
    }()
}
