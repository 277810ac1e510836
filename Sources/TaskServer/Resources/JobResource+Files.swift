import Foundation
import TaskRuntime

extension JobResource {
    /// `files`: each declared file of the job, whether it is `missing`, `uploading` or `complete`,
    /// and while the job waits, the tus creation URL to upload it to.
    static func fileBodies(_ job: Job, _ files: [JobFile], declared: [FileInput]) -> [JobFileBody] {
        let jobPath = "/v1/jobs/\(job.id.lowercasedString)"
        return files.map { file in
            let declaration = declared.first { $0.name == file.name }
            let uploadable = job.state == .waiting && !file.isComplete
            return JobFileBody(
                name: file.name, required: file.required, announced: file.required && declaration?.required == false,
                state: file.isComplete ? .complete : file.uploadID == nil ? .missing : .uploading,
                maxSize: declaration?.maxSize.map { Int($0) }, mediaTypes: declaration?.mediaTypes ?? [],
                uploadURL: uploadable ? "\(jobPath)/files/\(file.name)" : nil,
                upload: file.uploadID.map { "/v1/uploads/\($0)" }, size: file.size.map { Int($0) }, sha256: file.sha256,
                artifact: file.artifactID.map { "/v1/artifacts/\($0.lowercasedString)" })
        }
    }
}

extension JobFile {
    /// The files of a job just created for a task declaring `files`: none uploaded yet.
    static func declared(for job: Job, _ files: [FileInput]) -> [JobFile] {
        files.map { JobFile(jobID: job.id, name: $0.name, required: $0.required) }
    }
}
