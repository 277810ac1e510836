import Foundation
import Logging
import Synchronization

/// Runs each attempt in a supervised handler process (a ``HandlerHost``), so that a handler which
/// never checks cancellation (a tight loop, a blocking C call) can still be stopped: at its timeout
/// the process is asked to cancel, and killed and replaced if it has not answered `killGrace` later.
/// A process that dies running an attempt is reported as ``HandlerProcessCrashed``.
///
/// Processes are started on demand, one per attempt running at once, and reused while they live.
public final class HandlerProcessPool: AttemptRunner {
    private let executable: URL
    private let arguments: [String]
    private let killGrace: Duration
    private let logger: Logger
    private let idle = Mutex<[HandlerProcess]>([])

    /// A pool that starts `executable` with `arguments` (which must run a ``HandlerHost``).
    public init(executable: URL, arguments: [String], killGrace: Duration = .seconds(5), logger: Logger) {
        // Writing to a process that just died must fail with EPIPE, not kill the worker.
        signal(SIGPIPE, SIG_IGN)
        self.executable = executable
        self.arguments = arguments
        self.killGrace = killGrace
        self.logger = logger
    }

    public func run(_ job: Job, entry: TaskEntry, timeout: Duration, context: JobContext) async throws -> JSONValue {
        let process = try takeProcess()
        defer { if process.isAlive { idle.withLock { $0.append(process) } } }
        let request = HostRequest.Run(
            jobId: job.id, task: job.task, version: job.version, attempt: job.attempt, input: job.input,
            stage: job.stageIndex == 0 ? nil : job.stageIndex, previous: job.stageResults.last?.output,
            inputFiles: context.inputFiles.urls.isEmpty ? nil : context.inputFiles.urls.mapValues(\.path),
            stageArtifacts: context.inputFiles.stageArtifacts.isEmpty
                ? nil
                : Dictionary(
                    uniqueKeysWithValues: context.inputFiles.stageArtifacts.map { ($0.key.uuidString, $0.value.path) }),
            datasets: context.inputFiles.datasets.isEmpty ? nil : Array(context.inputFiles.datasets.values))
        do {
            return try await process.run(
                request, timeout: timeout, killGrace: killGrace, progress: { await context.progress($0, step: $1) },
                artifacts: { await context.artifacts.answer($0) })
        } catch let error as AttemptTimedOut where !process.isAlive {
            context.logger.warning(
                "killed the handler process: the handler ignored its timeout",
                metadata: ["pid": "\(process.processIdentifier)"])
            throw error
        }
    }

    /// Ends the idle processes. Call when no attempt runs any more.
    public func shutdown() {
        for process in idle.withLock({ idle in
            defer { idle = [] }; return idle
        }) {
            process.terminate()
        }
    }

    private func takeProcess() throws -> HandlerProcess {
        while let process = idle.withLock({ $0.popLast() }) {
            if process.isAlive { return process }
        }
        let process = try HandlerProcess(executable: executable, arguments: arguments)
        logger.debug("started a handler process", metadata: ["pid": "\(process.processIdentifier)"])
        return process
    }
}
