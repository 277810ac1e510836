import Foundation
import TaskRuntime
import TaskServer

/// A job as seed 003's task contract shows it: `status` one of `PENDING | RUNNING | SUCCEEDED |
/// FAILED | CANCELLED`, progress, timestamps, and the result or the error with its code.
struct Seed003Task {
    let job: Job
    let catalog: TaskCatalog
    let maxRuntime: Duration?

    var status: String {
        switch job.state {
        case .waiting, .pending: "PENDING"
        case .running: "RUNNING"
        case .succeeded: "SUCCEEDED"
        case .failed, .quarantined: "FAILED"
        case .cancelled: "CANCELLED"
        }
    }

    var json: JSONValue {
        var result = job.output ?? .null
        // The seed's echo answers its `msg`.
        if job.task == "echo", case .object(var members) = result, let message = members.removeValue(forKey: "message")
        {
            members["msg"] = message
            result = .object(members)
        }
        let definition = catalog.entry(named: job.task)?.definition
        // The timeout an attempt runs under, as the worker takes it: the smallest of the task's, the
        // deployment's cap and the job's own.
        let caps = [maxRuntime, job.timeout].compactMap { $0 }
        let timeout = definition.map { definition in caps.reduce(definition.timeout, min) }
        return [
            "task_id": .string(job.id.lowercasedString),
            "type": .string(job.task),
            "status": .string(status),
            "progress": JSONValue(number: job.progress),
            "params": job.input,
            "result": result,
            "error": job.error.map {
                ["code": .string($0.code.rawValue), "message": .string($0.message), "retryable": .bool($0.retryable)]
            } ?? .null,
            "attempts": .integer(job.attempt),
            "max_retries": .integer(max(0, job.maxAttempts - 1)),
            "timeout_seconds": timeout.map { JSONValue(number: $0.seconds) } ?? .null,
            "cancel_requested": .bool(job.cancelRequested),
            "created_at": CompatSupport.timestamp(job.createdAt),
            "started_at": CompatSupport.timestamp(job.startedAt),
            "finished_at": CompatSupport.timestamp(job.finishedAt),
        ]
    }
}
