import Foundation
import TaskRuntime

extension Handlers {
    /// Kills its own process, the way a segfault in a C library would.
    static func crash(_ input: Crash.Input, _ job: JobContext) async throws -> Crash.Output {
        try Ledger.append("\(job.jobID.uuidString.lowercased()) \(job.attempt) start")
        kill(getpid(), SIGKILL)
        return Crash.Output()
    }
}
