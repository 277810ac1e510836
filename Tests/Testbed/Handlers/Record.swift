import Foundation
import TaskRuntime

extension Handlers {
    /// Appends "<job id> <attempt> start", waits `hold_ms` on the first attempt (cancellably), then appends
    /// "<job id> <attempt> done" to the ledger file named by `TESTBED_LEDGER`.
    static func record(_ input: Record.Input, _ job: JobContext) async throws -> Record.Output {
        try Ledger.append("\(job.jobID.uuidString.lowercased()) \(job.attempt) start")
        if job.attempt == 1 { try await Task.sleep(for: .milliseconds(input.holdMs)) }
        try Ledger.append("\(job.jobID.uuidString.lowercased()) \(job.attempt) done")
        return Record.Output(pid: Int(getpid()))
    }
}
