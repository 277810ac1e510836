import Datasets
import Foundation
import TaskRuntime

extension Handlers {
    /// Flags the anomalous rows of the job's dataset (``AnomalyDetector``, docs/tasks/datasets.md) and
    /// writes every flagged row, with its line, score and the columns that fired, as flagged.jsonl.
    static func datasetAnomalies(
        _ input: DatasetAnomalies.Input, _ job: JobContext
    ) async throws -> DatasetAnomalies.Output {
        let (file, profile) = try DatasetRun.table(input.dataset, of: job)
        let options = AnomalyOptions(
            method: AnomalyMethod(rawValue: input.method.rawValue) ?? .zscore, columns: input.columns,
            threshold: input.threshold, k: input.k, seed: UInt64(input.seed))
        let directory = try DatasetRun.workDirectory(for: job)
        defer { try? FileManager.default.removeItem(at: directory) }
        let flaggedURL = directory.appendingPathComponent("flagged.jsonl")
        let (source, target) = (file.url.path, flaggedURL.path)
        let result = try await DatasetRun.run(job, step: "scoring") { progress in
            try AnomalyDetector.detect(
                input: source, output: target, options: options, types: profile.columnTypes, progress: progress)
        }
        let flagged = try await job.artifacts.write(
            name: "flagged.jsonl", contentType: "application/x-ndjson", from: flaggedURL)
        let output = try DatasetRun.json(result).adding([
            "dataset": .string(file.id.lowercasedString), "flagged": .string(flagged.id.lowercasedString),
        ])
        job.logger.info("dataset scored", metadata: ["rows": "\(result.rows)", "flagged": "\(result.flaggedRows)"])
        return try output.decode(as: DatasetAnomalies.Output.self)
    }
}
