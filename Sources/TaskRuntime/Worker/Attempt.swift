import Foundation
import Logging

/// One attempt of one claimed job: the handler looked up, the job's files fetched, progress
/// reported, the handler run within its timeout while the worker may stop it, and the outcome
/// decided and written. The worker starts one for each job it claims.
struct Attempt {
    /// What a worker's attempts share.
    struct Environment: Sendable {
        var store: any JobStore
        var catalog: TaskCatalog
        var configuration: WorkerConfiguration
        var runner: any AttemptRunner
        var artifacts: (any ArtifactSink)?
        var inputFiles: (any InputFileSource)?
        var metrics: TaskMetrics
        var running: RunningAttempts
        var completions: CompletionWriter
    }

    let job: Job
    let environment: Environment
    private var logger: Logger

    init(of job: Job, in environment: Environment, logger: Logger) {
        self.job = job
        self.environment = environment
        self.logger = logger
        for (key, value) in job.logMetadata { self.logger[metadataKey: key] = value }
    }

    /// What an attempt decided once its handler returned: the outcome to write and the version of
    /// the handler that ran (none when no handler ran).
    struct Verdict: Sendable {
        var outcome: AttemptOutcome
        var handlerVersion: Int?
    }

    /// Runs the handler and decides the outcome, without writing it: the worker frees the job's slot
    /// here and the outcome goes to the store with the next batch of completions (``record(_:)``).
    /// Returns nil when the lease was lost, whose result must not be written.
    mutating func perform() async -> Verdict? {
        guard let entry = environment.catalog.entry(named: job.task) else {
            let error = TaskError.permanent(.unknownTask, "this worker has no handler for task '\(job.task)'")
            return Verdict(outcome: .failed(error.jobError, progress: job.progress))
        }
        let definition = entry.definition
        let stage = definition.stages.indices.contains(job.stageIndex) ? definition.stages[job.stageIndex] : nil
        if let stage { logger[metadataKey: "stage"] = "\(stage.name)" }
        logger.info("attempt started")
        environment.metrics.jobPickedUp(job)
        let started = ContinuousClock.now
        let files: InputFiles
        do {
            files = try await fetchInputFiles(definition: definition)
        } catch {
            let outcome = self.outcome(
                of: .failure(error), definition: definition, timeout: definition.timeout, stopReason: nil,
                progress: job.progress)
            return Verdict(outcome: outcome)
        }
        // The smallest of the stage's (or task's) timeout, the deployment's cap and the job's own.
        let timeout = [environment.configuration.maxRuntime, job.timeout].compactMap { $0 }.reduce(
            stage?.timeout ?? definition.timeout, min)
        let (result, stopReason, progress) = await runHandler(of: entry, stage: stage, files: files, timeout: timeout)
        await environment.inputFiles?.release(files)
        environment.metrics.attemptRan(job, for: ContinuousClock.now - started)
        if stopReason == .leaseLost {
            logger.warning("attempt abandoned: its lease was taken over; its result is discarded")
            return nil
        }
        let outcome = self.outcome(
            of: result, definition: definition, timeout: timeout, stopReason: stopReason, progress: progress)
        return Verdict(outcome: outcome, handlerVersion: definition.version)
    }

    /// Ends a job the worker claimed but never started: given back to its queue at shutdown, or
    /// cancelled when a client asked while it waited; a lost lease writes nothing.
    func end(unstartedBecause reason: StopReason) async {
        switch reason {
        case .shutdown: await record(Verdict(outcome: .released))
        case .cancelRequested: await record(Verdict(outcome: .cancelled(progress: job.progress)))
        case .leaseLost: logger.warning("a claimed job's lease was taken over before it started")
        }
    }

    /// Runs the handler as a task the worker can stop (cancel, lost lease, shutdown), with a context
    /// whose progress reports go to the store; returns its result, why it was stopped if it was, and
    /// the last progress reported.
    private func runHandler(
        of entry: TaskEntry, stage: Stage?, files: InputFiles, timeout: Duration
    ) async -> (Result<JSONValue, any Error>, StopReason?, progress: Double) {
        let definition = entry.definition
        // A staged job reports its overall progress under the declared stage name.
        let stageIndex = job.stageIndex
        let reporter = ProgressReporter(
            lease: job.lease, store: environment.store, initialStage: job.stage,
            initialProgress: definition.overallProgress(stage: stageIndex, percent: 0),
            interval: environment.configuration.progressInterval)
        if let stage, job.stage != stage.name {
            await reporter.report(definition.overallProgress(stage: stageIndex, percent: 0), stage: stage.name)
        }
        let context = JobContext(
            jobID: job.id, taskName: job.task, taskVersion: job.version, attempt: job.attempt, stage: stage?.name,
            logger: logger, services: environment.catalog.services, artifacts: environment.artifacts,
            inputFiles: files,
            reportProgress: { percent, step in
                await reporter.report(
                    definition.overallProgress(stage: stageIndex, percent: percent),
                    stage: definition.stages.isEmpty ? step : nil)
            })
        let handler = Task { [job, runner = environment.runner] in
            do {
                return Result<JSONValue, any Error>.success(
                    try await runner.run(job, entry: entry, timeout: timeout, context: context))
            } catch {
                return .failure(error)
            }
        }
        environment.running.insert(job.lease, handler)
        let result = await withTaskCancellationHandler {
            await handler.value
        } onCancel: {
            handler.cancel()
        }
        let stopReason = environment.running.remove(job.lease)
        return (result, stopReason, await reporter.close())
    }

    /// The job's uploaded files as local copies, for a task that declares files, and the artifacts
    /// of its completed stages, for a later stage; none otherwise. A worker without an artifact store
    /// fails a job that has files; its earlier stages could not have written artifacts either.
    private func fetchInputFiles(definition: TaskDefinition) async throws -> InputFiles {
        let uploads = !definition.files.isEmpty
        let datasets = definition.input.readsDatasets
        let completedStages = job.stageIndex > 0 ? job.stageResults : []
        guard let inputFiles = environment.inputFiles else {
            guard !uploads && !datasets else {
                throw TaskError.permanent(
                    .filesMissing, "this worker has no artifact store to fetch the job's input files or datasets from")
            }
            return InputFiles()
        }
        guard uploads || datasets || !completedStages.isEmpty else { return InputFiles() }
        return try await inputFiles.fetch(
            jobID: job.id, uploads: uploads, datasets: datasets, completedStages: completedStages)
    }

    // MARK: The outcome

    private func outcome(
        of result: Result<JSONValue, any Error>, definition: TaskDefinition, timeout: Duration,
        stopReason: StopReason?, progress: Double
    ) -> AttemptOutcome {
        let error: TaskError
        switch (result, stopReason) {
        case (.success(let output), _):
            return .success(of: job, output: output, definition: definition)
        case (.failure, .cancelRequested):
            return .cancelled(progress: progress)
        case (.failure, .shutdown):
            return .released
        case (.failure(is AttemptTimedOut), _):
            error = .transient(
                .taskRuntimeExceeded, "the attempt ran longer than its timeout of \(timeout.compactDescription)")
        case (.failure(let crash as HandlerProcessCrashed), _):
            return crashOutcome(crash, definition: definition, progress: progress)
        case (.failure(let failure), _):
            error = TaskError(describing: failure)
        }
        guard error.isTransient, job.attempt < job.maxAttempts,
            let retryAt = retryTime(definition: definition, notBefore: error.retryAfter)
        else {
            return .failed(error.jobError, progress: progress)
        }
        return .retry(error.jobError, retryAt: retryAt, progress: progress)
    }

    /// A crash is retried like a transient failure, unless attempts are spent or the job has now
    /// crashed ``WorkerConfiguration/quarantineAfterCrashes`` processes: then it is quarantined.
    private func crashOutcome(
        _ crash: HandlerProcessCrashed, definition: TaskDefinition, progress: Double
    ) -> AttemptOutcome {
        let crashes = job.crashes + 1
        let spent = job.attempt >= job.maxAttempts || crashes >= environment.configuration.quarantineAfterCrashes
        let error = JobError(
            code: .workerCrashed,
            message: "the handler process died running this attempt (\(crash.description))"
                + (spent ? "; quarantined after \(crashes) crash(es): retry it with `taskforge jobs retry`" : ""),
            retryable: !spent)
        return .crashed(error, retryAt: spent ? nil : retryTime(definition: definition), progress: progress)
    }

    /// Now plus a full-jitter backoff from the task's retry policy, or plus `notBefore` (the
    /// handler's ``TaskError/retryAfter``) when that is longer.
    private func retryTime(definition: TaskDefinition, notBefore: Duration? = nil) -> Date? {
        let ceiling = definition.retry.delayCeiling(afterAttempt: job.attempt)
        let backoff = Double.random(in: 0...max(ceiling.seconds, 0))
        return Date().addingTimeInterval(max(backoff, notBefore?.seconds ?? 0))
    }

    /// Writes the outcome with the worker's next batch of completions, and logs it.
    func record(_ verdict: Verdict) async {
        let outcome = verdict.outcome
        do {
            let written = try await environment.completions.write(
                Completion(lease: job.lease, outcome: outcome, handlerVersion: verdict.handlerVersion))
            guard written else {
                logger.warning("attempt result discarded: the job no longer carries this attempt's lease")
                return
            }
            if let final = outcome.finalState { environment.metrics.jobFinished(job, outcome: final) }
            log(outcome)
        } catch {
            // The lease will expire and the rescue loop will retry the job.
            logger.error("recording the attempt failed", metadata: ["error": "\(error)"])
        }
    }

    private func log(_ outcome: AttemptOutcome) {
        switch outcome {
        case .succeeded:
            logger.info("attempt succeeded")
        case .failed(let error, _):
            logger.warning("job failed", metadata: ["code": "\(error.code)", "error": "\(error.message)"])
        case .retry(let error, let retryAt, _):
            logger.warning(
                "attempt failed; retrying",
                metadata: ["code": "\(error.code)", "error": "\(error.message)", "retryAt": "\(retryAt)"])
        case .cancelled:
            logger.info("job cancelled")
        case .crashed(let error, let retryAt, _):
            logger.error(
                retryAt == nil ? "job quarantined" : "attempt crashed its process; retrying",
                metadata: ["code": "\(error.code)", "error": "\(error.message)"])
        case .released:
            logger.info("job given back at shutdown")
        case .advanced(let next):
            logger.info(
                "stage succeeded; the job moves to the next stage",
                metadata: ["nextStage": "\(next.nextStageName)", "queue": "\(next.nextQueue)"])
        }
    }
}

extension Job {
    /// The metadata every log line about the job carries.
    var logMetadata: Logger.Metadata {
        JobContext.metadata(jobID: id, taskName: task, taskVersion: version, attempt: attempt)
    }
}
