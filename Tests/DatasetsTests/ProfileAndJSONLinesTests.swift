import Foundation
import TaskRuntime
import Testing

@testable import Datasets

@Suite struct ProfileAndJSONLinesTests {
    func write(_ text: String, _ name: String) throws -> String {
        let url = try Oracle.temporaryDirectory("profile").appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    @Test func infersTypesCountsNullsAndPreviews() throws {
        let path = try write(
            """
            i,n,b,d,t,s,empty
            1,1.5,true,2024-01-31,2024-01-31T10:00:00Z,x,
            -2,,False,2024-02-29,2024-02-01 08:30,y,
            3,1e3,TRUE,,2024-03-01,"z, w",NA

            """, "p.csv")
        let p = try Profiler.profile(path: path, previewRows: 2)
        #expect(p.format == .csv)
        #expect(p.rowCount == 3)
        #expect(p.columnTypes == [.integer, .number, .boolean, .date, .dateTime, .string, .string])
        #expect(p.columns.map(\.nullCount) == [0, 1, 0, 1, 0, 0, 3])
        #expect(
            p.preview == [
                ["1", "1.5", "true", "2024-01-31", "2024-01-31T10:00:00Z", "x", nil],
                ["-2", nil, "False", "2024-02-29", "2024-02-01 08:30", "y", nil],
            ])
    }

    @Test func jsonLinesProfileAndValues() throws {
        let path = try write(
            """
            {"a": 1, "b": "x\\ny", "c": true, "d": null}
            {"b": "\\u00e9\\ud83d\\ude00", "a": 2.5}

            {"a": -3, "b": "1", "c": false, "d": 4}
            """, "p.jsonl")
        let p = try Profiler.profile(path: path)
        #expect(p.format == .jsonLines)
        #expect(p.rowCount == 3)
        #expect(p.columnTypes == [.number, .string, .boolean, .integer])
        #expect(p.columns.map(\.nullCount) == [0, 0, 1, 2])
        #expect(p.preview[1] == ["2.5", "é😀", nil, nil])
    }

    func error(_ text: String, _ name: String = "e.jsonl", options: ReaderOptions = ReaderOptions()) -> DatasetError? {
        do {
            let reader = try openDataset(path: try write(text, name), options: options)
            while try reader.next() != nil {}
            return nil
        } catch let error as DatasetError {
            return error
        } catch {
            return nil
        }
    }

    @Test func jsonLinesBadInputsGetTypedErrors() throws {
        #expect(error("{\"a\": 1}\n{\"a\": {\"x\": 1}}\n") == .nestedValue(line: 2, column: "a"))
        #expect(error("{\"a\": [1]}\n{\"a\": 2}\n") == .nestedValue(line: 1, column: "a"))
        #expect(error("{\"a\": 1}\n{\"b\": 2}\n") == .invalidJSON(line: 2, reason: "key 'b' is not in the first line"))
        #expect(error("{\"a\": 1}\n[1, 2]\n") == .invalidJSON(line: 2, reason: "a line must hold one JSON object"))
        #expect(error("{\"a\": 1}\n{\"a\": tru}\n") == .invalidJSON(line: 2, reason: "'tru' is not a JSON value"))
        #expect(error("{\"a\": 1}\n{\"a\": 1, \"a\": 2}\n") == .duplicateColumn(line: 2, name: "a"))
        #expect(error("") == .emptyFile)
        #expect(error("\n \n") == .emptyFile)
        #expect(error("{\"a\": 1}\n") == .headerOnly)
        #expect(error("{\"a\": 1}\n{\"a\": \"\u{FFFD}\"}\n") == nil)
        let long = "{\"a\": 1}\n{\"a\": \"" + String(repeating: "x", count: 3000) + "\"}\n"
        #expect(
            error(long, options: ReaderOptions(maxRecordBytes: 1000, chunkBytes: 128))
                == .lineTooLong(line: 2, limit: 1000))
    }

    @Test func jsonLinesInvalidUTF8IsTyped() throws {
        let url = try Oracle.temporaryDirectory("utf8").appendingPathComponent("u.jsonl")
        try Data(Array("{\"a\": \"x\"}\n{\"a\": \"".utf8) + [0xC3, 0x28] + Array("\"}\n".utf8)).write(to: url)
        let reader = try openDataset(path: url.path)
        _ = try reader.next()
        #expect(throws: DatasetError.invalidUTF8(line: 2)) { _ = try reader.next() }
    }

    @Test func computationsReportProgressAndStopWhenCancelled() async throws {
        let dir = try Oracle.temporaryDirectory("cancel")
        let path = dir.appendingPathComponent("c.csv").path
        var text = "x,y\n"
        for i in 0..<200_000 { text += "\(i),\(i % 7)\n" }
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        final class Seen: @unchecked Sendable {
            var last: Int64 = 0
            var calls = 0
        }
        let seen = Seen()
        let size = Int64(text.utf8.count)
        _ = try await onOwnThread(named: "progress") {
            try MetricsComputation.compute(path: path, types: [.integer, .integer]) { read, total in
                seen.calls += 1
                seen.last = read
                #expect(total == size)
            }
        }
        #expect(seen.calls > 10)
        #expect(seen.last == Int64(text.utf8.count))
        let task = Task {
            withUnsafeCurrentTask { $0?.cancel() }
            return try MetricsComputation.compute(path: path, types: [.integer, .integer])
        }
        await #expect(throws: CancellationError.self) { try await task.value }
        let normalize = Task {
            withUnsafeCurrentTask { $0?.cancel() }
            return try Normalizer.normalize(
                input: path, output: path + ".out", method: .zscore, types: [.integer, .integer])
        }
        await #expect(throws: CancellationError.self) { try await normalize.value }
        #expect(!FileManager.default.fileExists(atPath: path + ".out"))
    }
}
