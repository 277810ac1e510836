/// The `dataset_metrics` computation: one pass, memory bounded by the columns and `MetricsOptions`.
public enum MetricsComputation {
    static let probabilities = [0.05, 0.25, 0.5, 0.75, 0.95]

    /// Computes the metrics of the dataset at `path`, with column types from its recorded profile.
    /// - Parameters:
    ///   - types: one per column (from `Profiler`); integer and number columns get numeric metrics,
    ///     the others text metrics. nil profiles the file first (one more pass).
    ///   - progress: called every 4096 rows with the bytes read.
    /// - Throws: the reader's `DatasetError`s; `.invalidColumn` when a value of a numeric column is not
    ///   a number; `CancellationError` (checked every 4096 rows).
    public static func compute(
        path: String, types: [ColumnType]? = nil, options: MetricsOptions = MetricsOptions(),
        readerOptions: ReaderOptions = ReaderOptions(), progress: ProgressHandler? = nil
    ) throws -> DatasetMetrics {
        let columnTypes = try types ?? Profiler.profile(path: path, options: readerOptions).columnTypes
        if let metrics = try ParallelMetrics.compute(
            path: path, types: columnTypes, options: options, readerOptions: readerOptions, progress: progress)
        {
            return metrics
        }
        let reader = try openDataset(path: path, options: readerOptions)
        return try compute(reader: reader, types: columnTypes, options: options, progress: progress)
    }

    public static func compute(
        reader: any RecordReader, types: [ColumnType], options: MetricsOptions = MetricsOptions(),
        progress: ProgressHandler? = nil
    ) throws -> DatasetMetrics {
        let names = reader.columns
        guard types.count == names.count else {
            throw DatasetError.invalidColumn(name: "*", reason: "\(types.count) types for \(names.count) columns")
        }
        let part = MetricsPart(names: names, types: types, options: options)
        try part.consume(reader) {
            try Task.checkCancellation()
            try progress?(reader.bytesConsumed, reader.totalBytes)
        }
        try progress?(reader.bytesConsumed, reader.totalBytes)
        return part.result()
    }

    static func summarize(_ a: inout NumericAccumulator, name: String, type: ColumnType) -> NumericColumnMetrics {
        a.values.finish()
        let q = a.values.quantiles(probabilities)
        var quantiles: Quantiles?
        if let p5 = q[0], let p25 = q[1], let p50 = q[2], let p75 = q[3], let p95 = q[4] {
            quantiles = Quantiles(p5: p5, p25: p25, p50: p50, p75: p75, p95: p95)
        }
        let variance = a.moments.variance(ddof: 1)
        let distinct = a.values.distinctExact() ?? Int((a.distinctSketch?.estimate ?? 0).rounded())
        let hasValues = a.count > 0
        return NumericColumnMetrics(
            name: name, type: type, count: a.count, missing: a.missing, distinct: distinct,
            distinctExact: a.values.isExact, zeros: a.zeros, negatives: a.negatives,
            mean: hasValues ? a.moments.mean : nil, std: variance.map { $0.squareRoot() }, variance: variance,
            min: hasValues ? a.minimum : nil, max: hasValues ? a.maximum : nil, sum: a.sum + a.sumCompensation,
            skewness: a.minimum < a.maximum ? a.moments.skewness : nil,
            kurtosis: a.minimum < a.maximum ? a.moments.kurtosis : nil, quantiles: quantiles,
            quantilesExact: a.values.isExact, iqr: quantiles.map { $0.p75 - $0.p25 },
            histogram: hasValues ? a.values.histogram(minimum: a.minimum, maximum: a.maximum) : nil)
    }

    static func summarize(_ a: TextAccumulator, name: String, type: ColumnType) -> TextColumnMetrics {
        var top: [ValueCount]
        let distinct: Int
        if let exact = a.exact {
            // Ties broken by value, so the list is the same from run to run.
            top = exact.counts.indices.sorted {
                exact.counts[$0] != exact.counts[$1]
                    ? exact.counts[$0] > exact.counts[$1] : exact.values[$0] < exact.values[$1]
            }.prefix(10).map { ValueCount(value: exact.values[$0], count: exact.counts[$0]) }
            distinct = exact.count
        } else {
            top = (a.heavy?.top(10) ?? []).map { ValueCount(value: $0.value, count: $0.count) }
            distinct = Int((a.distinctSketch?.estimate ?? 0).rounded())
        }
        let hasValues = a.count > 0
        return TextColumnMetrics(
            name: name, type: type, count: a.count, missing: a.missing, distinct: distinct,
            distinctExact: a.exact != nil, minLength: hasValues ? a.minLength : nil,
            maxLength: hasValues ? a.maxLength : nil,
            meanLength: hasValues ? Double(a.totalLength) / Double(a.count) : nil, top: top, topExact: a.exact != nil)
    }
}
