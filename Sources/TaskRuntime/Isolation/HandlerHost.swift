import Foundation
import Logging
import Synchronization

/// The loop of a handler process (`taskforge handler-host`), the child side of
/// ``HandlerProcessPool``: reads ``HostRequest`` lines on standard input, runs each attempt with
/// the catalog's handler and answers with ``HostReply`` lines on standard output. Logs, and anything
/// a handler prints, go to standard error. The process exits as soon as standard input closes: its
/// supervisor is gone.
public struct HandlerHost: Sendable {
    private let catalog: TaskCatalog
    private let logger: Logger

    public init(catalog: TaskCatalog, logger: Logger) {
        self.catalog = catalog
        self.logger = logger
    }

    /// Serves requests until standard input closes, then exits the process.
    public func run() async -> Never {
        let replies = ReplyWriter(output: Self.takeStandardOutput())
        let artifacts = ForwardingArtifactSink(send: { replies.send($0) })
        let attempt = Mutex<Task<Void, Never>?>(nil)
        // Requests are read and acted on by the reader thread itself, one hop fewer per attempt than
        // handing each line to a task first. The process exits as soon as standard input closes,
        // even while a handler that ignores cancellation is running.
        LineReader.start(
            "stdin-reader", reading: .standardInput,
            line: { line in
                let request: HostRequest
                do {
                    request = try HostLine.decode(HostRequest.self, from: line)
                } catch {
                    logger.error("unreadable request from the supervisor", metadata: ["error": "\(error)"])
                    return
                }
                if let run = request.run {
                    attempt.withLock { $0 = Task { await self.execute(run, replies: replies, artifacts: artifacts) } }
                }
                if let written = request.artifactWritten { artifacts.receive(written) }
                if request.cancel == true { attempt.withLock { $0 }?.cancel() }
            },
            end: { exit(0) })
        // Parked for good: the reader thread ends the process when standard input closes.
        await withUnsafeContinuation { (_: UnsafeContinuation<Never, Never>) in }
    }

    /// The replies' own handle on standard output; file descriptor 1 then points at standard error,
    /// so that a handler's `print` cannot break a reply line.
    private static func takeStandardOutput() -> FileHandle {
        let replies = dup(STDOUT_FILENO)
        dup2(STDERR_FILENO, STDOUT_FILENO)
        return FileHandle(fileDescriptor: replies, closeOnDealloc: true)
    }

    private func execute(_ run: HostRequest.Run, replies: ReplyWriter, artifacts: ForwardingArtifactSink) async {
        var logger = self.logger
        let metadata = JobContext.metadata(
            jobID: run.jobId, taskName: run.task, taskVersion: run.version, attempt: run.attempt)
        for (key, value) in metadata { logger[metadataKey: key] = value }
        let stages = catalog.entry(named: run.task)?.definition.stages ?? []
        let stage = stages.indices.contains(run.stage ?? 0) ? stages[run.stage ?? 0].name : nil
        if let stage { logger[metadataKey: "stage"] = "\(stage)" }
        let context = JobContext(
            jobID: run.jobId, taskName: run.task, taskVersion: run.version, attempt: run.attempt, stage: stage,
            logger: logger, services: catalog.services, artifacts: artifacts,
            inputFiles: InputFiles(
                (run.inputFiles ?? [:]).mapValues { URL(fileURLWithPath: $0) },
                stageArtifacts: Dictionary(
                    uniqueKeysWithValues: (run.stageArtifacts ?? [:]).compactMap { key, path in
                        UUID(uuidString: key).map { ($0, URL(fileURLWithPath: path)) }
                    }),
                datasets: Dictionary((run.datasets ?? []).map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })),
            reportProgress: { replies.progress($0, step: $1) })
        var reply = HostReply()
        do {
            guard let entry = catalog.entry(named: run.task) else {
                throw TaskError.permanent(.unknownTask, "this worker has no handler for task '\(run.task)'")
            }
            reply.output = try await entry.run(
                run.input, version: run.version, stage: run.stage ?? 0, previous: run.previous, context)
        } catch  where Task.isCancelled {
            reply.cancelled = true
        } catch {
            let failure = TaskError(describing: error)
            reply.error = failure.jobError
            reply.retryAfterSeconds = failure.retryAfter?.seconds
        }
        replies.finish(reply)
    }
}

/// Writes replies to standard output, whole lines at a time, sending at most one progress line per
/// `progressInterval` (the last value is sent before the attempt's end).
private final class ReplyWriter: Sendable {
    private struct State {
        var lastSent: ContinuousClock.Instant?
        var lastStep: String?
        /// The newest progress (and step) held back by the throttle.
        var unsent: (Double, String?)?
    }

    private let state = Mutex(State())
    private let output: FileHandle
    private let progressInterval = Duration.milliseconds(100)

    init(output: FileHandle) {
        self.output = output
    }

    /// A new `step` is sent at once, so that no step is lost to the throttle.
    func progress(_ value: Double, step: String?) {
        let send = state.withLock { state -> Bool in
            let now = ContinuousClock.now
            let newStep = step != nil && step != state.lastStep
            guard newStep || state.lastSent.map({ now - $0 >= progressInterval }) ?? true else {
                state.unsent = (value, step)
                return false
            }
            state.lastSent = now
            state.unsent = nil
            if let step { state.lastStep = step }
            return true
        }
        if send { write(HostReply(progress: value, step: step)) }
    }

    func finish(_ reply: HostReply) {
        let unsent = state.withLock { state -> (Double, String?)? in
            defer { state = State() }
            return state.unsent
        }
        if let unsent { write(HostReply(progress: unsent.0, step: unsent.1)) }
        write(reply)
    }

    /// Sends a reply that neither reports progress nor ends the attempt.
    func send(_ reply: HostReply) {
        write(reply)
    }

    private func write(_ reply: HostReply) {
        state.withLock { _ in
            // A failed write means the supervisor is gone; standard input closing ends the process.
            try? output.write(contentsOf: HostLine.encode(reply))
        }
    }
}
