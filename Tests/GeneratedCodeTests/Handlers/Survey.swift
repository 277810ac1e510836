import Foundation
import TaskRuntime

extension Handlers {
    /// Adds up the sizes of the survey's files: `job.files` is typed, `notes` optional.
    static func survey(_ input: Survey.Input, _ job: Survey.Job) async throws -> Survey.Output {
        let urls = [job.files.pre, job.files.post] + [job.files.notes].compactMap { $0 }
        let sizes = try urls.map { try FileManager.default.attributesOfItem(atPath: $0.path)[.size] as? Int ?? 0 }
        return Survey.Output(bytes: sizes.reduce(0, +))
    }
}
