import Foundation
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// The handler process died while running an attempt (a crash in the handler or in a library it
/// calls, or a kill from outside).
public struct HandlerProcessCrashed: Error, CustomStringConvertible {
    /// How the process ended, like `killed by signal 6`.
    public var description: String
}

/// One child process running handlers for a ``HandlerProcessPool``, one attempt at a time.
///
/// Its standard input and output carry ``HostRequest`` and ``HostReply`` lines; its standard error
/// is the worker's, so its log lines join the worker's. A thread reads its replies and the process's
/// termination handler reports its exit; both, and the attempt's timers, post to one mailbox that
/// ``run(_:timeout:killGrace:progress:)`` consumes.
final class HandlerProcess: Sendable {
    private enum Event: Sendable {
        case reply(HostReply)
        /// A forwarded artifact write ended; its answer goes back to the process.
        case artifactWritten(HostRequest.ArtifactWritten)
        case exited(String)
        /// The attempt numbered `attempt` must stop: it timed out or was cancelled.
        case stop(StopCause, attempt: UInt64)
        /// The grace period after a stop ran out for the attempt numbered `attempt`.
        case killDue(attempt: UInt64)
    }

    private enum StopCause: Sendable {
        case timedOut, cancelled
    }

    private let process: SpawnedProcess
    private let requests: FileHandle
    private let events = Mailbox<Event>()
    private let alive = Atomic<Bool>(true)
    private let attempts = Atomic<UInt64>(0)

    /// Starts `executable` with `arguments`; it must run a ``HandlerHost``.
    init(executable: URL, arguments: [String]) throws {
        let input = Pipe()
        let output = Pipe()
        process = try SpawnedProcess(
            executable: executable, arguments: arguments, standardInput: input.fileHandleForReading.fileDescriptor,
            standardOutput: output.fileHandleForWriting.fileDescriptor, standardError: STDERR_FILENO)
        try input.fileHandleForReading.close()
        try output.fileHandleForWriting.close()
        self.requests = input.fileHandleForWriting
        process.whenExited { [weak self, events] ended in
            self?.alive.store(false, ordering: .sequentiallyConsistent)
            events.post(.exited(ended.description))
        }
        let replies = output.fileHandleForReading
        LineReader.start(
            "handler-process-reader", reading: replies,
            line: { [events] line in
                if let reply = try? HostLine.decode(HostReply.self, from: line) { events.post(.reply(reply)) }
            },
            end: { try? replies.close() })
    }

    var isAlive: Bool { alive.load(ordering: .sequentiallyConsistent) }

    var processIdentifier: Int32 { process.processIdentifier }

    /// Runs one attempt. At `timeout`, or when the calling task is cancelled, asks the handler to
    /// stop and kills the process if it has not answered `killGrace` later. Artifact writes the
    /// handler forwards are run by `artifacts`, beside the attempt, and answered.
    func run(
        _ request: HostRequest.Run, timeout: Duration, killGrace: Duration,
        progress: @escaping @Sendable (Double, String?) async -> Void,
        artifacts: @escaping @Sendable (ArtifactWriteRequest) async -> HostRequest.ArtifactWritten
    ) async throws -> JSONValue {
        let attempt = attempts.add(1, ordering: .sequentiallyConsistent).newValue
        let events = self.events
        do {
            try send(HostRequest(run: request))
        } catch {
            kill()
            throw HandlerProcessCrashed(description: "its standard input is closed (\(error))")
        }
        let deadline = Task {
            try await Task.sleep(for: timeout)
            events.post(.stop(.timedOut, attempt: attempt))
        }
        var killTimer: Task<Void, any Error>?
        var writes: [Task<Void, Never>] = []
        defer {
            deadline.cancel()
            killTimer?.cancel()
            for write in writes { write.cancel() }
        }
        var stopped: StopCause?
        return try await withTaskCancellationHandler {
            while true {
                switch await events.next() {
                case .reply(let reply):
                    if let value = reply.progress { await progress(value, reply.step) }
                    if let write = reply.artifact {
                        writes.append(Task { events.post(.artifactWritten(await artifacts(write))) })
                    }
                    if let output = reply.output { return output }
                    if reply.error != nil || reply.cancelled == true {
                        throw Self.failure(reply, stopped: stopped)
                    }
                case .artifactWritten(let answer):
                    try? send(HostRequest(artifactWritten: answer))
                case .exited(let how):
                    closeRequests()
                    switch stopped {
                    case .timedOut: throw AttemptTimedOut()
                    case .cancelled: throw CancellationError()
                    case nil: throw HandlerProcessCrashed(description: how)
                    }
                case .stop(let cause, attempt) where stopped == nil:
                    stopped = cause
                    try? send(HostRequest(cancel: true))
                    killTimer = Task {
                        try await Task.sleep(for: killGrace)
                        events.post(.killDue(attempt: attempt))
                    }
                case .killDue(attempt):
                    kill()
                case .stop, .killDue:
                    continue  // a second stop, or a timer of an earlier attempt
                }
            }
        } onCancel: {
            events.post(.stop(.cancelled, attempt: attempt))
        }
    }

    /// Closes the process's standard input, on which it exits.
    func terminate() {
        closeRequests()
    }

    deinit {
        closeRequests()
    }

    /// Closes our end of the process's standard input. Called only where no request is being sent
    /// (its exit seen by the attempt's own loop, an idle process, the last reference gone), so a
    /// write can never land on a descriptor number reused by another file.
    private func closeRequests() {
        try? requests.close()
    }

    /// Kills the process at once; its exit is reported to the attempt running.
    func kill() {
        alive.store(false, ordering: .sequentiallyConsistent)
        _ = Glibc.kill(process.processIdentifier, SIGKILL)
    }

    private func send(_ request: HostRequest) throws {
        try requests.write(contentsOf: HostLine.encode(request))
    }

    private static func failure(_ reply: HostReply, stopped: StopCause?) -> any Error {
        switch stopped {
        case .timedOut: return AttemptTimedOut()
        case .cancelled: return CancellationError()
        case nil:
            guard let error = reply.error else { return CancellationError() }
            return TaskError(
                code: error.code, message: error.message, isTransient: error.retryable, details: error.details,
                retryAfter: reply.retryAfterSeconds.map { .seconds($0) })
        }
    }
}
