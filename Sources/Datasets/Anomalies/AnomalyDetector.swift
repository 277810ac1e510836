/// The anomaly detection methods of `dataset_anomalies`.
public enum AnomalyMethod: String, Sendable, Codable, CaseIterable {
    /// |x - mean| / std > threshold (default 3), std with ddof 0 (as `scipy.stats.zscore`); score |z|.
    case zscore
    /// Outside Tukey's fences [q1 - k·IQR, q3 + k·IQR] (k default 1.5, linear quantiles); score: the
    /// distance beyond the nearer quartile in IQRs.
    case iqr
    /// Modified z-score 0.6745 (x - median) / MAD > threshold (default 3.5; Iglewicz and Hoaglin). When
    /// MAD = 0: (x - median) / (1.253314 · meanAD) instead, and no flags when meanAD is 0 too.
    case mad
    /// `IsolationForest` over the selected columns together; flagged when the score exceeds 0.5.
    case isolationForest = "isolation_forest"
}

public struct AnomalyOptions: Sendable {
    public var method: AnomalyMethod
    /// Default: every numeric column.
    public var columns: [String]?
    /// zscore: 3; mad: 3.5; unused by the others.
    public var threshold: Double?
    /// iqr's fence multiplier.
    public var k: Double
    public var trees: Int
    public var sampleSize: Int
    public var seed: UInt64
    public var exactValuesPerColumn: Int
    /// Write every row's score to the output, not only flagged rows.
    public var writeEveryRow: Bool

    public init(
        method: AnomalyMethod, columns: [String]? = nil, threshold: Double? = nil, k: Double = 1.5, trees: Int = 100,
        sampleSize: Int = 256, seed: UInt64 = 42, exactValuesPerColumn: Int = 1 << 20, writeEveryRow: Bool = false
    ) {
        self.method = method
        self.columns = columns
        self.threshold = threshold
        self.k = k
        self.trees = max(1, trees)
        self.sampleSize = max(2, sampleSize)
        self.seed = seed
        self.exactValuesPerColumn = exactValuesPerColumn
        self.writeEveryRow = writeEveryRow
    }
}

public struct FlaggedRow: Sendable, Codable, Equatable {
    /// 0-based data row (the header is not a row).
    public var row: Int
    /// 1-based line where the row starts in the file.
    public var line: Int
    public var score: Double
    /// The columns that fired (isolation forest: the column that isolated the row).
    public var columns: [String]
}

public struct AnomalyResult: Sendable, Codable, Equatable {
    public var method: AnomalyMethod
    public var rows: Int
    public var flaggedRows: Int
    /// Flags per column.
    public var counts: [String: Int]
    /// The 20 highest scores among flagged rows.
    public var top: [FlaggedRow]
    /// The fitted limits per column (zscore: mean, std; iqr: fences; mad: median, MAD).
    public var parameters: [String: [String: Double]]
}

/// The `dataset_anomalies` computation.
public enum AnomalyDetector {
    /// Fits on one or two passes, then streams every flagged row (JSON Lines: row, line, score, columns)
    /// to `output`, which appears only when complete. Memory: per column a `Moments` or quantile budget;
    /// the isolation forest keeps a reservoir sample of trees × sampleSize rows and its trees.
    /// - Throws: `.invalidColumn`, the reader's errors, `CancellationError` (every 4096 rows).
    public static func detect(
        input: String, output: String, options: AnomalyOptions, types: [ColumnType]? = nil,
        readerOptions: ReaderOptions = ReaderOptions(), progress: ProgressHandler? = nil
    ) throws -> AnomalyResult {
        let columnTypes = try types ?? Profiler.profile(path: input, options: readerOptions).columnTypes
        var reader = try openDataset(path: input, options: readerOptions)
        let names = reader.columns
        let selection = try NumericSelection(names: names, types: columnTypes, requested: options.columns)
        let columns = selection.indices
        let k = columns.count
        let passes = options.method == .mad ? 3 : 2
        let size = reader.totalBytes ?? 0
        var done: Int64 = 0
        func checkpoint(_ rows: Int) throws {
            if rows & 4095 == 0 {
                try Task.checkCancellation()
                try progress?(done + reader.bytesConsumed, size * Int64(passes))
            }
        }
        func nextPass() throws {
            done += size
            reader = try openDataset(path: input, format: reader.format, options: readerOptions)
        }

        // Pass 1: moments and quantile values per column; the reservoir for the forest.
        var moments = [Moments](repeating: Moments(), count: k)
        var values = (0..<k).map {
            ColumnValues(budget: options.exactValuesPerColumn, seed: options.seed &+ UInt64($0))
        }
        let needsValues = options.method == .iqr || options.method == .mad
        var reservoir: [Double] = []
        let reservoirRows = options.trees * options.sampleSize
        var random = SeededGenerator(seed: options.seed)
        var row = [Double](repeating: 0, count: k)
        var rows = 0
        while let record = try reader.next() {
            for (j, c) in columns.enumerated() {
                if record.missing[c] {
                    row[j] = .nan
                    continue
                }
                let x = try selection.value(record, c, names)
                row[j] = x
                withUnsafePointer(to: x) { moments[j].add(block: UnsafeBufferPointer(start: $0, count: 1)) }
                if needsValues { values[j].add(x) }
            }
            if options.method == .isolationForest {
                // Algorithm R: every row has the same chance to be in the sample.
                if rows < reservoirRows {
                    reservoir.append(contentsOf: row)
                } else {
                    let slot = Int(random.next() % UInt64(rows + 1))
                    if slot < reservoirRows { reservoir.replaceSubrange(slot * k..<(slot + 1) * k, with: row) }
                }
            }
            rows += 1
            try checkpoint(rows)
        }
        var parameters: [String: [String: Double]] = [:]
        for j in 0..<k { values[j].finish() }

        // The rule per column: a score and whether it fires.
        var center = [Double](repeating: 0, count: k)
        var scale = [Double](repeating: 0, count: k)
        var low = [Double](repeating: 0, count: k)
        var high = [Double](repeating: 0, count: k)
        let threshold = options.threshold ?? (options.method == .mad ? 3.5 : 3)
        switch options.method {
        case .zscore:
            for j in 0..<k {
                center[j] = moments[j].mean
                scale[j] = (moments[j].variance(ddof: 0) ?? 0).squareRoot()
                parameters[names[columns[j]]] = ["mean": center[j], "std": scale[j], "threshold": threshold]
            }
        case .iqr:
            for j in 0..<k {
                let q = values[j].quantiles([0.25, 0.75])
                let q1 = q[0] ?? 0
                let q3 = q[1] ?? 0
                center[j] = q1
                high[j] = q3
                scale[j] = q3 - q1
                low[j] = q1 - options.k * scale[j]
                parameters[names[columns[j]]] = [
                    "q1": q1, "q3": q3, "lower": low[j], "upper": q3 + options.k * scale[j],
                ]
            }
        case .mad:
            // Pass 2: the median absolute deviation (and the mean one, for MAD = 0).
            let medians = (0..<k).map { values[$0].median() ?? 0 }
            values = (0..<k).map {
                ColumnValues(budget: options.exactValuesPerColumn, seed: options.seed &+ UInt64($0))
            }
            var absoluteSums = [Double](repeating: 0, count: k)
            try nextPass()
            var n = 0
            while let record = try reader.next() {
                for (j, c) in columns.enumerated() where !record.missing[c] {
                    let d = abs(try selection.value(record, c, names) - medians[j])
                    values[j].add(d)
                    absoluteSums[j] += d
                }
                n += 1
                try checkpoint(n)
            }
            for j in 0..<k {
                values[j].finish()
                let mad = values[j].median() ?? 0
                let count = Double(moments[j].count)
                let meanAD = count > 0 ? absoluteSums[j] / count : 0
                center[j] = medians[j]
                // Both rules as one divisor: 0.6745 (x - m) / MAD = (x - m) / (MAD / 0.6745).
                scale[j] = mad > 0 ? mad / 0.6745 : 1.253314 * meanAD
                parameters[names[columns[j]]] = ["median": medians[j], "mad": mad, "mean_absolute_deviation": meanAD]
            }
        case .isolationForest:
            for j in 0..<k {
                let mean = moments[j].mean
                parameters[names[columns[j]]] = ["imputed_mean": mean]
                var i = j
                while i < reservoir.count {
                    if reservoir[i].isNaN { reservoir[i] = mean }
                    i += k
                }
            }
        }
        values = []
        let forest =
            options.method == .isolationForest
            ? IsolationForest(
                sample: reservoir, features: k, trees: options.trees, sampleSize: options.sampleSize,
                seed: options.seed)
            : nil
        reservoir = []

        // Last pass: score, flag, stream.
        try nextPass()
        let writer = try JSONLinesOutput(path: output)
        var counts = [Int](repeating: 0, count: k)
        var top: [FlaggedRow] = []
        var flagged = 0
        var index = 0
        var fired: [String] = []
        while let record = try reader.next() {
            var score = 0.0
            fired.removeAll(keepingCapacity: true)
            if let forest {
                for (j, c) in columns.enumerated() {
                    row[j] = record.missing[c] ? moments[j].mean : try selection.value(record, c, names)
                }
                let (s, feature) = row.withUnsafeBufferPointer { forest.score($0) }
                score = s
                if s > 0.5 && k > 0 {
                    fired.append(names[columns[feature]])
                    counts[feature] += 1
                }
            } else {
                for (j, c) in columns.enumerated() where !record.missing[c] {
                    let x = try selection.value(record, c, names)
                    var s = 0.0
                    var fires = false
                    switch options.method {
                    case .zscore:
                        if scale[j] > 0 {
                            s = abs(x - center[j]) / scale[j]
                            fires = s > threshold
                        }
                    case .iqr:
                        let beyond = max(center[j] - x, x - high[j], 0)
                        s = scale[j] > 0 ? beyond / scale[j] : beyond
                        fires = x < low[j] || x > high[j] + options.k * scale[j]
                    case .mad:
                        if scale[j] > 0 {
                            s = abs(x - center[j]) / scale[j]
                            fires = s > threshold
                        }
                    case .isolationForest:
                        break
                    }
                    if fires {
                        fired.append(names[columns[j]])
                        counts[j] += 1
                        score = max(score, s)
                    } else if fired.isEmpty {
                        score = max(score, s)
                    }
                }
            }
            if !fired.isEmpty || options.writeEveryRow {
                let flag = FlaggedRow(row: index, line: record.line, score: score, columns: fired)
                try writer.write(flag)
                if !fired.isEmpty {
                    flagged += 1
                    if top.count < 20 || score > top[top.count - 1].score {
                        let at = top.firstIndex { $0.score < score } ?? top.count
                        top.insert(flag, at: at)
                        if top.count > 20 { top.removeLast() }
                    }
                }
            }
            index += 1
            try checkpoint(index)
        }
        try writer.commit()
        try progress?(done + reader.bytesConsumed, size * Int64(passes))
        var countsByName: [String: Int] = [:]
        for j in 0..<k { countsByName[names[columns[j]]] = counts[j] }
        return AnomalyResult(
            method: options.method, rows: rows, flaggedRows: flagged, counts: countsByName, top: top,
            parameters: parameters)
    }
}

/// Flagged rows as JSON Lines, through `DatasetWriter`'s partial-file-then-rename.
struct JSONLinesOutput {
    let writer: DatasetWriter

    init(path: String) throws { writer = try DatasetWriter(path: path, format: .jsonLines, columns: []) }

    func write(_ row: FlaggedRow) throws {
        var line =
            "{\"row\": \(row.row), \"line\": \(row.line), \"score\": \(row.score.isFinite ? "\(row.score)" : "null"), "
        line += "\"columns\": [" + row.columns.map { DatasetWriter.jsonString($0) }.joined(separator: ", ") + "]}\n"
        writer.buffer.append(contentsOf: line.utf8)
        if writer.buffer.count >= 1 << 20 { try writer.flush() }
    }

    func commit() throws { try writer.commit() }
}
