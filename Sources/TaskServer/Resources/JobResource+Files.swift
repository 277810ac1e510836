import Foundation
import TaskRuntime

extension JobResource {
    /// `files`: each declared file of the job, whether it is `missing`, `uploading` or `complete`,
    /// and while the job waits, the tus creation URL to upload it to.
    static func filesJSON(_ job: Job, _ files: [JobFile], declared: [FileInput]) -> JSONValue {
        let jobPath = "/v1/jobs/\(job.id.lowercasedString)"
        return .array(
            files.map { file in
                let declaration = declared.first { $0.name == file.name }
                let state = file.isComplete ? "complete" : file.uploadID == nil ? "missing" : "uploading"
                let uploadable = job.state == .waiting && !file.isComplete
                return [
                    "name": .string(file.name),
                    "required": .bool(file.required),
                    "announced": .bool(file.required && declaration?.required == false),
                    "state": .string(state),
                    "max_size": declaration?.maxSize.map { .integer(Int($0)) } ?? .null,
                    "media_types": .array((declaration?.mediaTypes ?? []).map(JSONValue.string)),
                    "upload_url": uploadable ? .string("\(jobPath)/files/\(file.name)") : .null,
                    "upload": file.uploadID.map { .string("/v1/uploads/\($0)") } ?? .null,
                    "size": file.size.map { .integer(Int($0)) } ?? .null,
                    "sha256": file.sha256.map(JSONValue.string) ?? .null,
                    "artifact": file.artifactID.map { .string("/v1/artifacts/\($0.lowercasedString)") } ?? .null,
                ]
            })
    }
}

extension JobFile {
    /// The files of a job just created for a task declaring `files`: none uploaded yet.
    static func declared(for job: Job, _ files: [FileInput]) -> [JobFile] {
        files.map { JobFile(jobID: job.id, name: $0.name, required: $0.required) }
    }
}
