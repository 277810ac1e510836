import CoreMetrics
import Foundation
import Metrics

/// The job metrics, emitted through the swift-metrics API (the process chooses the backend):
///
/// - `taskforge_jobs_submitted_total{task, version}`: jobs the API queued (not deduplicated or replayed ones);
/// - `taskforge_jobs_finished_total{task, version, outcome}`: jobs a worker brought to a final state,
///   `outcome` one of `succeeded`, `failed`, `cancelled`, `quarantined`;
/// - `taskforge_attempt_duration_seconds{task}`: a timer (histogram) of each attempt that ran;
/// - `taskforge_pickup_latency_seconds{queue}`: a timer of the time from a job's ready time
///   (`run_at`) to its claim.
public struct TaskMetrics: Sendable {
    private let factory: (any MetricsFactory)?

    /// Metrics made by `factory`, or by the process's bootstrapped `MetricsSystem` (the default).
    public init(factory: (any MetricsFactory)? = nil) {
        self.factory = factory
    }

    /// A job the API queued.
    public func jobSubmitted(_ job: Job) {
        counter("taskforge_jobs_submitted_total", [("task", job.task), ("version", String(job.version))]).increment()
    }

    /// A job that reached its final state `outcome` (not a retry, not a stage that moved on).
    public func jobFinished(_ job: Job, outcome: JobState) {
        counter(
            "taskforge_jobs_finished_total",
            [("task", job.task), ("version", String(job.version)), ("outcome", outcome.rawValue)]
        ).increment()
    }

    /// How long an attempt of `job` ran, from its start to its result.
    public func attemptRan(_ job: Job, for duration: Duration) {
        timer("taskforge_attempt_duration_seconds", [("task", job.task)]).record(duration: duration)
    }

    /// The time from the job's ready time (`run_at`) to its claim (`started_at`).
    public func jobPickedUp(_ job: Job) {
        guard let startedAt = job.startedAt else { return }
        let latency = max(0, startedAt.timeIntervalSince(job.runAt))
        timer("taskforge_pickup_latency_seconds", [("queue", job.queue)]).recordSeconds(latency)
    }

    private func counter(_ label: String, _ dimensions: [(String, String)]) -> Counter {
        factory.map { Counter(label: label, dimensions: dimensions, factory: $0) }
            ?? Counter(label: label, dimensions: dimensions)
    }

    private func timer(_ label: String, _ dimensions: [(String, String)]) -> CoreMetrics.Timer {
        factory.map { CoreMetrics.Timer(label: label, dimensions: dimensions, factory: $0) }
            ?? CoreMetrics.Timer(label: label, dimensions: dimensions)
    }
}
