import Foundation

/// Limits of the metrics computation: what is exact and what is sketched.
public struct MetricsOptions: Sendable {
    /// Values per numeric column kept for exact quantiles, distinct count and histogram (8 bytes each);
    /// beyond it: KLL (rank error <= 0.01), HyperLogLog (0.81% standard error), CDF histogram.
    public var exactValuesPerColumn: Int
    /// Distinct values per text column counted exactly; beyond it: Space-Saving with `heavyHitters`
    /// counters (counts over by at most N/heavyHitters) and HyperLogLog for the distinct count.
    public var exactDistinctTextValues: Int
    public var heavyHitters: Int
    /// Rows whose fingerprints are kept for exact duplicate detection (8 bytes each, table at most 2x:
    /// 16 MiB by default).
    public var exactDuplicateRows: Int
    public var seed: UInt64
    /// Workers reading an uncompressed CSV file in parallel, each from a record boundary (default: the
    /// processor count, at most 4). The budgets above are shared: each worker gets its share, so memory
    /// does not grow with workers (a part that outgrows its share goes to the sketches).
    public var workers: Int
    /// Files smaller than this many bytes per worker are read by one.
    public var minimumBytesPerWorker: Int

    public init(
        exactValuesPerColumn: Int = 1 << 20, exactDistinctTextValues: Int = 200_000, heavyHitters: Int = 1000,
        exactDuplicateRows: Int = 1 << 20, seed: UInt64 = 19,
        workers: Int = min(4, ProcessInfo.processInfo.activeProcessorCount), minimumBytesPerWorker: Int = 16 << 20
    ) {
        self.workers = max(1, workers)
        self.minimumBytesPerWorker = max(1, minimumBytesPerWorker)
        self.exactValuesPerColumn = max(1, exactValuesPerColumn)
        self.exactDistinctTextValues = max(1, exactDistinctTextValues)
        self.heavyHitters = max(10, heavyHitters)
        self.exactDuplicateRows = max(1, exactDuplicateRows)
        self.seed = seed
    }
}

/// Quantiles 5/25/50/75/95.
public struct Quantiles: Sendable, Codable, Equatable {
    public var p5, p25, p50, p75, p95: Double
}

public struct NumericColumnMetrics: Sendable, Codable, Equatable {
    public var name: String
    public var type: ColumnType
    public var count: Int
    public var missing: Int
    public var distinct: Int
    /// False when `distinct` is the HyperLogLog estimate (the column outgrew its budget).
    public var distinctExact: Bool
    public var zeros: Int
    public var negatives: Int
    public var mean: Double?
    /// Sample standard deviation and variance (ddof 1), as pandas.
    public var std: Double?
    public var variance: Double?
    public var min: Double?
    public var max: Double?
    public var sum: Double
    public var skewness: Double?
    public var kurtosis: Double?
    public var quantiles: Quantiles?
    /// False when the quantiles come from the KLL sketch (rank error <= 0.01).
    public var quantilesExact: Bool
    public var iqr: Double?
    public var histogram: Histogram?
}

public struct ValueCount: Sendable, Codable, Equatable {
    public var value: String
    public var count: Int
}

public struct TextColumnMetrics: Sendable, Codable, Equatable {
    public var name: String
    public var type: ColumnType
    public var count: Int
    public var missing: Int
    public var distinct: Int
    public var distinctExact: Bool
    public var minLength: Int?
    public var maxLength: Int?
    public var meanLength: Double?
    /// The 10 most frequent values. Exact when `topExact`; otherwise each count is at most N/1000 over.
    public var top: [ValueCount]
    public var topExact: Bool
}

/// A warning about a column or the dataset, after ydata-profiling's alerts.
public struct Alert: Sendable, Codable, Equatable {
    public enum Kind: String, Sendable, Codable {
        case constant
        case highMissing = "high_missing"
        case highCardinality = "high_cardinality"
        case skewed, zeros
        case unique, duplicates
    }
    public var kind: Kind
    /// nil for dataset-wide alerts.
    public var column: String?
    public var detail: String
}

/// The result of `MetricsComputation.compute`.
public struct DatasetMetrics: Sendable, Codable, Equatable {
    public var rows: Int
    public var columns: Int
    public var missingCells: Int
    public var duplicateRows: Int
    public var duplicateRowsExact: Bool
    public var numeric: [NumericColumnMetrics]
    public var text: [TextColumnMetrics]
    public var alerts: [Alert]
}

/// Progress of a pass over a file: bytes consumed so far and the file's size when known.
/// Called every few thousand rows with the bytes read; throwing (`CancellationError`) stops the computation.
public typealias ProgressHandler = (_ bytesRead: Int64, _ totalBytes: Int64?) throws -> Void
