import Foundation

/// The metrics state of one stretch of a file: the whole file, or one worker's part of it in the
/// parallel pass. Parts of the same file merge into the state of their union.
final class MetricsPart: @unchecked Sendable {
    let names: [String]
    let types: [ColumnType]
    var options: MetricsOptions
    let numericColumns: [Int]
    let textColumns: [Int]
    let numeric: UnsafeMutablePointer<NumericAccumulator>
    let text: UnsafeMutablePointer<TextAccumulator>
    var fingerprints: RowFingerprints
    var rows = 0

    init(names: [String], types: [ColumnType], options: MetricsOptions) {
        self.names = names
        self.types = types
        self.options = options
        numericColumns = names.indices.filter { types[$0].isNumeric }
        textColumns = names.indices.filter { !types[$0].isNumeric }
        numeric = .allocate(capacity: max(1, numericColumns.count))
        for j in numericColumns.indices {
            (numeric + j).initialize(
                to: NumericAccumulator(budget: options.exactValuesPerColumn, seed: options.seed &+ UInt64(j)))
        }
        text = .allocate(capacity: max(1, textColumns.count))
        for j in textColumns.indices {
            (text + j).initialize(
                to: TextAccumulator(budget: options.exactDistinctTextValues, heavyCapacity: options.heavyHitters))
        }
        fingerprints = RowFingerprints(budget: options.exactDuplicateRows)
    }

    deinit {
        for j in numericColumns.indices { numeric[j].release() }
        numeric.deinitialize(count: numericColumns.count)
        numeric.deallocate()
        text.deinitialize(count: textColumns.count)
        text.deallocate()
    }

    /// Reads records until the reader ends or `until` says stop (checked before each record);
    /// `checkpoint` runs every 4096 rows (cancellation, progress).
    func consume(_ reader: any RecordReader, until stop: (() -> Bool)? = nil, checkpoint: () throws -> Void) throws {
        let numeric = self.numeric
        let text = self.text
        let numericIndex = numericColumns
        let textIndex = textColumns
        var fingerprints = self.fingerprints
        var rows = self.rows
        defer {
            self.fingerprints = fingerprints
            self.rows = rows
        }
        while stop?() != true, let record = try reader.next() {
            rows += 1
            var rowHash: UInt64 = 0x1234_5678
            for (j, c) in numericIndex.enumerated() {
                let p = record.content[c]
                let n = record.contentLength[c]
                if record.missing[c] {
                    numeric[j].missing += 1
                    rowHash = Hashing.combine(rowHash, 0xDEAD)
                    continue
                }
                guard let parsed = ValueParsing.number(p, n) else {
                    let value = String(decoding: UnsafeBufferPointer(start: p, count: n), as: UTF8.self)
                    throw DatasetError.invalidValue(line: record.line, column: names[c], value: value)
                }
                numeric[j].add(parsed.value)
                rowHash = Hashing.combine(rowHash, parsed.value == 0 ? 0 : parsed.value.bitPattern)
            }
            for (j, c) in textIndex.enumerated() {
                if record.missing[c] {
                    text[j].missing += 1
                    rowHash = Hashing.combine(rowHash, 0xBEEF)
                    continue
                }
                let p = record.content[c]
                let n = record.contentLength[c]
                let h = Hashing.bytes(p, n)
                text[j].add(p, n, hash: h)
                rowHash = Hashing.combine(rowHash, h)
            }
            fingerprints.add(Hashing.mix(rowHash))
            if rows & 4095 == 0 { try checkpoint() }
        }
    }

    /// Gives this part the whole budgets (it held a worker's share) before the others merge into it.
    func raiseBudgets(to whole: MetricsOptions) {
        options = whole
        for j in numericColumns.indices { numeric[j].values.budget = whole.exactValuesPerColumn }
        for j in textColumns.indices { text[j].budget = whole.exactDistinctTextValues }
        fingerprints.budget = whole.exactDuplicateRows
    }

    /// Adds the state of the part that follows this one in the file.
    func merge(_ other: MetricsPart) {
        for j in numericColumns.indices { numeric[j].merge(&other.numeric[j]) }
        for j in textColumns.indices { text[j].merge(other.text[j]) }
        fingerprints.merge(other.fingerprints)
        rows += other.rows
    }

    func result() -> DatasetMetrics {
        // The columns' sorts are independent: one per core (WorkerThreads).
        let numeric = self.numeric
        let slots = UnsafeMutablePointer<NumericColumnMetrics?>.allocate(capacity: max(1, numericColumns.count))
        slots.initialize(repeating: nil, count: max(1, numericColumns.count))
        defer {
            slots.deinitialize(count: max(1, numericColumns.count))
            slots.deallocate()
        }
        let columns = numericColumns
        let (names, types) = (self.names, self.types)
        nonisolated(unsafe) let numericPointer = numeric
        nonisolated(unsafe) let slotPointer = slots
        WorkerThreads.forEach(columns.count) { j in
            numericPointer[j].flush()
            slotPointer[j] = MetricsComputation.summarize(
                &numericPointer[j], name: names[columns[j]], type: types[columns[j]])
        }
        let numericResults = (0..<columns.count).compactMap { slots[$0] }
        var textResults: [TextColumnMetrics] = []
        for (j, c) in textColumns.enumerated() {
            textResults.append(MetricsComputation.summarize(text[j], name: names[c], type: types[c]))
        }
        let duplicates = fingerprints.result(rows: rows)
        let missingCells = numericResults.reduce(0) { $0 + $1.missing } + textResults.reduce(0) { $0 + $1.missing }
        var metrics = DatasetMetrics(
            rows: rows, columns: names.count, missingCells: missingCells, duplicateRows: duplicates.count,
            duplicateRowsExact: duplicates.exact, numeric: numericResults, text: textResults, alerts: [])
        metrics.alerts = Alerts.of(metrics)
        return metrics
    }
}
