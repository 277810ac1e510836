import Foundation

/// The metrics pass over an uncompressed CSV file by several workers, each on a stretch of the file.
///
/// A stretch starts after a line feed near an even split. That line feed may sit inside a quoted field,
/// so the split is checked rather than trusted: the worker before it must end exactly there (its last
/// record ends at the split). If any split fails, the caller reads the file with one reader instead,
/// so quoted newlines cost time, never correctness. Errors of a worker count only once the splits
/// before it were confirmed, with their lines moved to the file's numbering.
enum ParallelMetrics {
    final class Shared: @unchecked Sendable {
        let lock = NSLock()
        var stopped = false
        var bytes: [Int64]
        init(workers: Int) { bytes = [Int64](repeating: 0, count: workers) }
        func stop() { lock.withLock { stopped = true } }
        var isStopped: Bool { lock.withLock { stopped } }
        func report(_ worker: Int, _ n: Int64) { lock.withLock { bytes[worker] = n } }
        var total: Int64 { lock.withLock { bytes.reduce(0, +) } }
    }

    struct Outcome {
        var part: MetricsPart?
        var error: Error?
        /// Ended exactly at the next worker's start.
        var endedAtSplit = false
        var lines = 0
    }

    /// nil when the file is not one this pass splits (gzip, JSON Lines, too small, one worker, no line
    /// feeds to split at) or a split fell inside a quoted field: the caller then reads it sequentially.
    static func compute(
        path: String, types: [ColumnType], options: MetricsOptions, readerOptions: ReaderOptions,
        progress: ProgressHandler?
    ) throws -> DatasetMetrics? {
        guard options.workers > 1, guessFormat(path: path) == .csv else { return nil }
        let probe = try FileByteSource(path: path)
        var magic = [UInt8](repeating: 0, count: 2)
        _ = try magic.withUnsafeMutableBytes { try probe.pread(into: $0, at: 0) }
        guard !(magic[0] == 0x1F && magic[1] == 0x8B), let size = probe.totalBytes else { return nil }
        let head = try CSVReader(source: FileByteSource(path: path), options: readerOptions)
        guard head.columns.count == types.count else { return nil }
        let headerEnd = head.nextOffset
        let workers = Int(min(Int64(options.workers), (size - headerEnd) / Int64(options.minimumBytesPerWorker)))
        guard workers > 1 else { return nil }
        var starts: [Int64] = [headerEnd]
        for i in 1..<workers {
            let nominal = headerEnd + (size - headerEnd) * Int64(i) / Int64(workers)
            guard let start = try lineStart(after: nominal, in: probe, size: size), start > starts[starts.count - 1]
            else { return nil }
            starts.append(start)
        }
        let ends = Array(starts.dropFirst()) + [size]
        let job = Job(
            path: path, types: types, options: options, readerOptions: readerOptions, head: head, starts: starts,
            ends: ends)
        let shared = job.shared

        // The first worker runs on the calling thread, where cancellation can be seen.
        let first = WorkerThreads.run(
            count: starts.count,
            first: {
                job.run(0) { bytes in
                    shared.report(0, bytes)
                    do {
                        try Task.checkCancellation()
                        try progress?(shared.total, size)
                    } catch {
                        shared.stop()
                        throw error
                    }
                }
            },
            others: { i in
                let outcome = job.run(i) { bytes in
                    shared.report(i, bytes)
                    if shared.isStopped { throw CancellationError() }
                }
                shared.lock.withLock { job.outcomes[i] = outcome }
            })
        var outcomes = shared.lock.withLock { job.outcomes }
        outcomes[0] = first

        var shift = 0
        for i in outcomes.indices {
            if i > 0 && !outcomes[i - 1].endedAtSplit { return nil }
            if let error = outcomes[i].error {
                if let error = error as? DatasetError { throw i == 0 ? error : error.shifted(by: shift) }
                if error is CancellationError, outcomes[0].error == nil { return nil }
                throw error
            }
            shift += outcomes[i].lines
        }
        guard let total = outcomes[0].part else { return nil }
        total.raiseBudgets(to: options)
        for i in outcomes.indices.dropFirst() {
            if let part = outcomes[i].part { total.merge(part) }
            outcomes[i].part = nil  // its memory goes before the next one's is added
        }
        if total.rows == 0 { throw DatasetError.headerOnly }
        try progress?(size, size)
        return total.result()
    }

    /// One parallel pass: what every worker reads, and what each found.
    final class Job: @unchecked Sendable {
        let path: String
        let types: [ColumnType]
        let options: MetricsOptions
        let readerOptions: ReaderOptions
        let head: CSVReader
        let starts: [Int64]
        let ends: [Int64]
        let shared: Shared
        var outcomes: [Outcome]

        init(
            path: String, types: [ColumnType], options: MetricsOptions, readerOptions: ReaderOptions, head: CSVReader,
            starts: [Int64], ends: [Int64]
        ) {
            self.path = path
            self.types = types
            self.options = options
            self.readerOptions = readerOptions
            self.head = head
            self.starts = starts
            self.ends = ends
            shared = Shared(workers: starts.count)
            outcomes = [Outcome](repeating: Outcome(), count: starts.count)
        }

        /// Worker i: from its start (the first one: after the header) to the next worker's start.
        func run(_ i: Int, _ checkpoint: @escaping (Int64) throws -> Void) -> Outcome {
            var outcome = Outcome()
            do {
                let reader: CSVReader
                let base: Int64
                if i == 0 {
                    reader = head
                    base = 0
                } else {
                    reader = try CSVReader(
                        source: FileByteSource(path: path, offset: starts[i]), options: readerOptions,
                        columns: head.columns)
                    base = starts[i]
                }
                var share = options
                share.exactValuesPerColumn = max(1, options.exactValuesPerColumn / starts.count)
                share.exactDistinctTextValues = max(1, options.exactDistinctTextValues / starts.count)
                share.exactDuplicateRows = max(1, options.exactDuplicateRows / starts.count)
                let part = MetricsPart(names: head.columns, types: types, options: share)
                let end = ends[i]
                try part.consume(reader, until: { base + reader.nextOffset >= end }) {
                    try checkpoint(reader.bytesConsumed)
                }
                outcome.part = part
                outcome.endedAtSplit = base + reader.nextOffset == end
                outcome.lines = reader.linesConsumed
            } catch {
                outcome.error = error
                shared.stop()
            }
            return outcome
        }
    }

    /// The offset just after the first line feed at or after `offset`.
    static func lineStart(after offset: Int64, in file: FileByteSource, size: Int64) throws -> Int64? {
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        var at = offset
        while at < size {
            let n = try buffer.withUnsafeMutableBytes { try file.pread(into: $0, at: at) }
            if n <= 0 { return nil }
            if let i = buffer[0..<n].firstIndex(of: 10) {
                let start = at + Int64(i) + 1
                return start < size ? start : nil
            }
            at += Int64(n)
        }
        return nil
    }
}
