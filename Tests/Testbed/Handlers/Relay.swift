import Foundation
import TaskRuntime

extension Handlers {
    /// Appends "<job id> <attempt> <stage>" ("fetch", the stage name the handler is told) and hands a
    /// token to the next stage.
    static func relayFetch(_ input: Relay.Input, _ job: JobContext) async throws -> Relay.FetchOutput {
        try Ledger.append("\(job.jobID.uuidString.lowercased()) \(job.attempt) \(job.stage ?? "none")")
        return Relay.FetchOutput(token: "fetched by \(getpid())")
    }

    /// Appends "<job id> <attempt> <stage>" ("hold"), waits `hold_ms` on the stage's first attempt (cancellably),
    /// then appends "<job id> <attempt> done" and returns the token of the first stage.
    static func relayHold(
        _ input: Relay.Input, _ previous: Relay.FetchOutput, _ job: JobContext
    ) async throws -> Relay.Output {
        try Ledger.append("\(job.jobID.uuidString.lowercased()) \(job.attempt) \(job.stage ?? "none")")
        if job.attempt == 1 { try await Task.sleep(for: .milliseconds(input.holdMs)) }
        try Ledger.append("\(job.jobID.uuidString.lowercased()) \(job.attempt) done")
        return Relay.Output(token: previous.token)
    }
}
