import Foundation
import TaskRuntime

extension Handlers {
    /// Writes `text` as note.txt from bytes and `text` × `repeat` as data.txt from a file, through
    /// `job.artifacts` (forwarded by the handler process to its worker), and returns their ids.
    static func publish(_ input: Publish.Input, _ job: JobContext) async throws -> Publish.Output {
        let note = try await job.artifacts.write(
            name: "note.txt", contentType: "text/plain", from: Data(input.text.utf8))
        let file = FileManager.default.temporaryDirectory.appendingPathComponent(
            "publish-\(job.jobID)-\(job.attempt).txt")
        defer { try? FileManager.default.removeItem(at: file) }
        guard FileManager.default.createFile(atPath: file.path, contents: nil) else {
            throw TaskError.permanent(.taskFailed, "cannot create \(file.path)")
        }
        let handle = try FileHandle(forWritingTo: file)
        for _ in 0..<input.repeat { try handle.write(contentsOf: Data(input.text.utf8)) }
        try handle.close()
        let data = try await job.artifacts.write(name: "data.txt", contentType: "text/plain", from: file)
        return Publish.Output(artifacts: [note.id.uuidString.lowercased(), data.id.uuidString.lowercased()])
    }
}
