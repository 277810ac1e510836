#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How `Normalizer` scales a column, after scikit-learn's scalers.
public enum NormalizationMethod: String, Sendable, Codable, CaseIterable {
    /// StandardScaler: (x - mean) / std with the population std (ddof 0); a column without spread is only
    /// centred (scale 1), by sklearn's `_is_constant_feature` rule.
    case zscore
    /// MinMaxScaler: x · scale + min, scale = (hi - lo) / (max - min), min = lo - data_min · scale; a zero
    /// range counts as 1.
    case minmax
    /// RobustScaler: (x - median) / (q75 - q25), linear quantiles; a zero IQR counts as 1.
    case robust
}

/// The fitted parameters of one column, enough to replay the transform.
public struct FittedScaler: Sendable, Codable, Equatable {
    public var column: String
    public var method: NormalizationMethod
    /// Values seen (missing ones excluded).
    public var count: Int
    /// zscore: mean; robust: median; minmax: nil.
    public var center: Double?
    /// zscore: std (ddof 0, 1 when constant); robust: IQR (1 when 0); minmax: sklearn's `scale_`.
    public var scale: Double
    /// minmax: sklearn's `min_` (the offset added after scaling).
    public var offset: Double?
    public var dataMin: Double?
    public var dataMax: Double?
    /// False when robust's quantiles came from the sketch (column beyond the exact budget).
    public var exact: Bool

    @inline(__always)
    public func apply(_ x: Double) -> Double {
        switch method {
        case .zscore, .robust: (x - (center ?? 0)) / scale
        case .minmax: x * scale + (offset ?? 0)
        }
    }
}

public struct NormalizationResult: Sendable, Codable, Equatable {
    public var method: NormalizationMethod
    public var rows: Int
    public var format: DatasetFormat
    public var columns: [FittedScaler]
}

/// The `dataset_normalize` computation: two passes (fit, then transform), output in the input's format.
public enum Normalizer {
    /// Normalizes `columns` (default: every numeric one) of the dataset at `input` into `output`.
    ///
    /// Missing values stay as they were; other columns are written byte for byte as read (CSV fields
    /// with their quotes, JSON values as their text); rows end with LF. The output appears only when
    /// complete (written beside it, then renamed). Memory: the reader's window plus, for `robust`,
    /// `exactValuesPerColumn` values a column (then a KLL sketch).
    /// - Throws: `DatasetError.invalidColumn` for an unknown or non-numeric column, the reader's errors,
    ///   `CancellationError` (checked every 4096 rows).
    public static func normalize(
        input: String, output: String, method: NormalizationMethod, columns: [String]? = nil,
        featureRange: (Double, Double) = (0, 1), types: [ColumnType]? = nil,
        exactValuesPerColumn: Int = 1 << 20, readerOptions: ReaderOptions = ReaderOptions(),
        progress: ProgressHandler? = nil
    ) throws -> NormalizationResult {
        let columnTypes = try types ?? Profiler.profile(path: input, options: readerOptions).columnTypes
        let fitReader = try openDataset(path: input, options: readerOptions)
        let names = fitReader.columns
        let selected = try NumericSelection(names: names, types: columnTypes, requested: columns)
        let k = selected.indices.count
        var moments = [Moments](repeating: Moments(), count: k)
        var minima = [Double](repeating: .infinity, count: k)
        var maxima = [Double](repeating: -.infinity, count: k)
        var values = (0..<k).map { ColumnValues(budget: exactValuesPerColumn, seed: UInt64($0)) }
        var blocks = [[Double]](repeating: [], count: k)
        var rows = 0
        let total = fitReader.totalBytes.map { $0 * 2 }
        while let record = try fitReader.next() {
            rows += 1
            for (j, c) in selected.indices.enumerated() where !record.missing[c] {
                let x = try selected.value(record, c, names)
                if x < minima[j] { minima[j] = x }
                if x > maxima[j] { maxima[j] = x }
                blocks[j].append(x)
                if blocks[j].count == 4096 { flush(j) }
            }
            if rows & 4095 == 0 {
                try Task.checkCancellation()
                try progress?(fitReader.bytesConsumed, total)
            }
        }
        func flush(_ j: Int) {
            blocks[j].withUnsafeBufferPointer { block in
                moments[j].add(block: block)
                if method == .robust { values[j].add(contentsOf: block) }
            }
            blocks[j].removeAll(keepingCapacity: true)
        }
        for j in 0..<k { flush(j) }

        let eps = Double.ulpOfOne
        var fitted: [FittedScaler] = []
        for (j, c) in selected.indices.enumerated() {
            let n = Int(moments[j].count)
            var f = FittedScaler(
                column: names[c], method: method, count: n, center: nil, scale: 1, offset: nil,
                dataMin: n > 0 ? minima[j] : nil, dataMax: n > 0 ? maxima[j] : nil, exact: true)
            switch method {
            case .zscore:
                let mean = moments[j].mean
                let variance = moments[j].variance(ddof: 0) ?? 0
                // sklearn's _is_constant_feature: a variance within rounding of zero.
                let bound = Double(n) * eps * variance + pow(Double(n) * mean * eps, 2)
                f.center = mean
                f.scale = variance <= bound ? 1 : variance.squareRoot()
            case .minmax:
                let range = n > 0 ? maxima[j] - minima[j] : 0
                let scale = (featureRange.1 - featureRange.0) / (range < 10 * eps ? 1 : range)
                f.scale = scale
                f.offset = featureRange.0 - (n > 0 ? minima[j] : 0) * scale
            case .robust:
                values[j].finish()
                let q = values[j].quantiles([0.25, 0.75])
                let median = values[j].median() ?? 0
                let iqr = (q[1] ?? 0) - (q[0] ?? 0)
                f.center = median
                f.scale = iqr < 10 * eps ? 1 : iqr
                f.exact = values[j].isExact
            }
            fitted.append(f)
        }
        values = []

        let reader = try openDataset(path: input, format: fitReader.format, options: readerOptions)
        let writer = try DatasetWriter(path: output, format: reader.format, columns: names)
        var scalerOf = [Int: FittedScaler]()
        for (j, c) in selected.indices.enumerated() { scalerOf[c] = fitted[j] }
        let first = fitReader.totalBytes ?? 0
        var written = 0
        while let record = try reader.next() {
            written += 1
            try writer.write(record) { c in
                guard let scaler = scalerOf[c], !record.missing[c],
                    let parsed = ValueParsing.number(record.content[c], record.contentLength[c])
                else { return nil }
                return "\(scaler.apply(parsed.value))"
            }
            if written & 4095 == 0 {
                try Task.checkCancellation()
                try progress?(first + reader.bytesConsumed, total)
            }
        }
        try writer.commit()
        try progress?(first + reader.bytesConsumed, total)
        return NormalizationResult(method: method, rows: rows, format: reader.format, columns: fitted)
    }
}

/// The numeric columns a computation works on: the requested ones, checked, or every numeric one.
struct NumericSelection {
    let indices: [Int]

    /// - Throws: `.invalidColumn` for a name that does not exist or is not numeric.
    init(names: [String], types: [ColumnType], requested: [String]?) throws {
        if let requested, !requested.isEmpty {
            indices = try requested.map { name in
                guard let c = names.firstIndex(of: name) else {
                    throw DatasetError.invalidColumn(name: name, reason: "no such column")
                }
                guard types[c].isNumeric else {
                    throw DatasetError.invalidColumn(name: name, reason: "holds \(types[c].rawValue), not numbers")
                }
                return c
            }
        } else {
            indices = names.indices.filter { types[$0].isNumeric }
        }
    }

    /// The value of a present field of a numeric column.
    /// - Throws: `.invalidValue` when it is not a number (the file changed since it was profiled).
    @inline(__always)
    func value(_ record: Record, _ c: Int, _ names: [String]) throws -> Double {
        guard let parsed = ValueParsing.number(record.content[c], record.contentLength[c]) else {
            let text = String(decoding: record.bytes(c), as: UTF8.self)
            throw DatasetError.invalidValue(line: record.line, column: names[c], value: text)
        }
        return parsed.value
    }
}
