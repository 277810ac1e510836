import Foundation

/// Coalesces a handler's progress reports into at most one store write per `interval` per job.
/// The latest value is always the one written; ``close()`` hands back the final value so the
/// attempt's last write carries it, and writes a stage (a handler's step) the throttle held back.
actor ProgressReporter {
    private let lease: Lease
    private let store: any JobStore
    private let interval: Duration
    private let clock = ContinuousClock()
    private var latest: Double = 0
    private var written: Double = 0
    private var stage: String?
    private var writtenStage: String?
    private var lastWrite: ContinuousClock.Instant?
    private var pendingFlush: Task<Void, Never>?
    private var closed = false

    /// `initialProgress` is the job's progress when the attempt starts (a later stage of a staged job
    /// starts past 0), returned by ``close()`` when nothing is reported.
    init(lease: Lease, store: any JobStore, initialStage: String?, initialProgress: Double = 0, interval: Duration) {
        self.lease = lease
        self.latest = initialProgress
        self.written = initialProgress
        self.store = store
        self.interval = interval
        self.stage = initialStage
        self.writtenStage = initialStage
    }

    func report(_ progress: Double, stage newStage: String? = nil) {
        guard !closed else { return }
        latest = min(max(progress.isFinite ? progress : 0, 0), 100)
        if let newStage { stage = newStage }
        guard pendingFlush == nil else { return }
        let elapsed = lastWrite.map { clock.now - $0 } ?? interval
        let delay = elapsed >= interval ? Duration.zero : interval - elapsed
        pendingFlush = Task { [weak self] in
            try? await Task.sleep(for: delay)
            await self?.flush()
        }
    }

    /// Stops reporting and returns the last value reported. A stage reported after the last write
    /// is written now: the attempt's end records the progress, not the stage.
    func close() async -> Double {
        closed = true
        pendingFlush?.cancel()
        pendingFlush = nil
        if stage != writtenStage {
            writtenStage = stage
            _ = try? await store.reportProgress(lease, progress: latest, stage: stage)
        }
        return latest
    }

    private func flush() async {
        pendingFlush = nil
        guard !closed, latest != written || stage != writtenStage else { return }
        lastWrite = clock.now
        written = latest
        writtenStage = stage
        _ = try? await store.reportProgress(lease, progress: latest, stage: stage)
    }
}
