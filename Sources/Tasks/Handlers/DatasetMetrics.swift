import Datasets
import Foundation
import TaskRuntime

extension Handlers {
    /// Measures the job's dataset in one pass (``MetricsComputation``, docs/tasks/datasets.md) and writes
    /// the metrics as report.json and the histograms and top values, drawn, as summary.html.
    static func datasetMetrics(_ input: DatasetMetrics.Input, _ job: JobContext) async throws -> DatasetMetrics.Output {
        let (file, profile) = try DatasetRun.table(input.dataset, of: job)
        let path = file.url.path
        let metrics = try await DatasetRun.run(job, step: "measuring") { progress in
            try MetricsComputation.compute(path: path, types: profile.columnTypes, progress: progress)
        }
        let directory = try DatasetRun.workDirectory(for: job)
        defer { try? FileManager.default.removeItem(at: directory) }

        var output = try DatasetRun.json(metrics).adding(["dataset": .string(file.id.lowercasedString)])
        let reportURL = directory.appendingPathComponent("report.json")
        try output.canonicalData().write(to: reportURL)
        let report = try await job.artifacts.write(
            name: "report.json", contentType: "application/json", from: reportURL)
        let summaryURL = directory.appendingPathComponent("summary.html")
        try Data(MetricsSummary.html(metrics, datasetName: file.name).utf8).write(to: summaryURL)
        let summary = try await job.artifacts.write(
            name: "summary.html", contentType: "text/html; charset=utf-8", from: summaryURL)
        output = output.adding([
            "report": .string(report.id.lowercasedString), "summary": .string(summary.id.lowercasedString),
        ])
        job.logger.info("dataset measured", metadata: ["rows": "\(metrics.rows)", "columns": "\(metrics.columns)"])
        return try output.decode(as: DatasetMetrics.Output.self)
    }
}
