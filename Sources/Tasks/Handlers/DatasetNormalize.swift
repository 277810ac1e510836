import Datasets
import Foundation
import TaskRuntime

extension Handlers {
    /// Normalizes the job's dataset in two passes (``Normalizer``, docs/tasks/datasets.md) and stores the
    /// result as a new dataset, profiled, owned by the job's owner, so that the next job can read it.
    static func datasetNormalize(
        _ input: DatasetNormalize.Input, _ job: JobContext
    ) async throws -> DatasetNormalize.Output {
        let (file, profile) = try DatasetRun.table(input.dataset, of: job)
        let range = input.featureRange ?? [0, 1]
        guard range.count == 2, range[0] < range[1] else {
            throw TaskError.permanent(.invalidInput, "feature_range must be [low, high] with low < high, not \(range)")
        }
        let method = NormalizationMethod(rawValue: input.method.rawValue) ?? .zscore
        let directory = try DatasetRun.workDirectory(for: job)
        defer { try? FileManager.default.removeItem(at: directory) }
        let suffix = profile.format == .csv ? "csv" : "jsonl"
        let outputURL = directory.appendingPathComponent("normalized.\(suffix)")
        let (source, target, columns) = (file.url.path, outputURL.path, input.columns)
        let (result, written) = try await DatasetRun.run(job, step: "normalizing") { progress in
            let result = try Normalizer.normalize(
                input: source, output: target, method: method, columns: columns, featureRange: (range[0], range[1]),
                types: profile.columnTypes, progress: progress)
            return (result, try Profiler.profile(path: target, format: profile.format))
        }
        let name = "\(DatasetRun.baseName(file.name))-\(method.rawValue).\(suffix)"
        let stored = try await job.artifacts.writeDataset(
            name: name, contentType: profile.format == .csv ? "text/csv" : "application/x-ndjson", from: outputURL,
            description: DatasetDescription(
                format: written.format.rawValue, rowCount: written.rowCount, profile: try DatasetRun.json(written)))
        let output = try DatasetRun.json(result).adding([
            "dataset": .string(stored.id.lowercasedString), "source_dataset": .string(file.id.lowercasedString),
        ])
        job.logger.info(
            "dataset normalized", metadata: ["rows": "\(result.rows)", "datasetId": "\(stored.id.lowercasedString)"])
        return try output.decode(as: DatasetNormalize.Output.self)
    }
}
