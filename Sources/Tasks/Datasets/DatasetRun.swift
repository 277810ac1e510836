import Datasets
import Foundation
import Synchronization
import TaskRuntime

/// What the three dataset tasks share: the recorded profile of the job's dataset, a blocking
/// computation run on a thread of its own with its progress forwarded and cancellation honoured
/// within a few thousand rows, and results turned into the tasks' snake_case JSON.
enum DatasetRun {
    /// The job's dataset `id`: its local copy and the profile recorded when it was stored.
    static func table(_ id: String, of job: JobContext) throws -> (file: DatasetFile, profile: DatasetProfile) {
        let file = try job.dataset(id)
        do {
            return (file, try file.profile.decode(as: DatasetProfile.self, keys: .convertFromSnakeCase))
        } catch {
            throw TaskError.permanent(.invalidDataset, "the recorded profile of dataset \(id) cannot be read: \(error)")
        }
    }

    /// Runs `work` on a thread of its own (it reads whole files), reporting its progress to the job as
    /// `step`; a cancelled attempt stops it at its next progress report (every 4096 rows).
    static func run<T: Sendable>(
        _ job: JobContext, step: String, _ work: @escaping @Sendable (_ progress: @escaping ProgressHandler) throws -> T
    ) async throws -> T {
        let cancelled = Atomic<Bool>(false)
        let (fractions, continuation) = AsyncStream.makeStream(of: Double.self, bufferingPolicy: .bufferingNewest(1))
        let computation = Task {
            try await onOwnThread(named: "dataset") {
                defer { continuation.finish() }
                return try work { read, total in
                    if cancelled.load(ordering: .relaxed) { throw CancellationError() }
                    if let total, total > 0 { continuation.yield(min(1, Double(read) / Double(total))) }
                }
            }
        }
        await withTaskCancellationHandler {
            for await fraction in fractions { await job.progress(fraction * 100, step: step) }
        } onCancel: {
            cancelled.store(true, ordering: .relaxed)
        }
        do {
            return try await computation.value
        } catch let error as DatasetError {
            throw error.taskError
        }
    }

    /// `value` as JSON with snake_case keys, the form the tasks' outputs and reports use.
    static func json(_ value: some Encodable) throws -> JSONValue {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.sortedKeys]
        return try JSONValue(json: try encoder.encode(value))
    }

    /// `name` without its format suffixes (`sales.csv.gz` -> `sales`).
    static func baseName(_ name: String) -> String {
        var base = name
        for suffix in [".gz", ".csv", ".jsonl", ".ndjson"] where base.lowercased().hasSuffix(suffix) {
            base.removeLast(suffix.count)
        }
        return base.isEmpty ? "dataset" : base
    }

    /// A scratch directory for the attempt's output files, removed by the caller.
    static func workDirectory(for job: JobContext) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent(
            "dataset-\(job.jobID.lowercasedString)-\(job.attempt)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

extension DatasetError {
    /// How a job fails on it: a column the input names that cannot be used is the input's fault; a
    /// file that no longer reads as it did when it was profiled is the dataset's. Neither heals on retry.
    var taskError: TaskError {
        switch self {
        case .invalidColumn: TaskError.permanent(.invalidInput, description)
        case .io: TaskError.transient(.filesMissing, description)
        default: TaskError.permanent(.invalidDataset, description)
        }
    }
}

extension JSONValue {
    /// This object with `members` added (replacing members of the same name).
    func adding(_ members: [String: JSONValue]) -> JSONValue {
        .object((objectValue ?? [:]).merging(members) { _, new in new })
    }

    /// Decodes this value with `keys` as the decoder's key strategy.
    func decode<T: Decodable>(as type: T.Type, keys: JSONDecoder.KeyDecodingStrategy) throws -> T {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = keys
        return try decoder.decode(type, from: try canonicalData())
    }
}
