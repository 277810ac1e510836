import Foundation
import TaskforgeTestSupport
import Testing

@testable import Datasets

@Suite struct CSVReaderTests {
    func rows(_ path: String, options: ReaderOptions = ReaderOptions()) throws -> [[String]] {
        let reader = try openDataset(path: path, format: .csv, options: options)
        var out = [reader.columns]
        while let r = try reader.next() {
            out.append((0..<r.count).map { String(decoding: r.bytes($0), as: UTF8.self) })
        }
        return out
    }

    func write(_ text: String, _ name: String = "t.csv") throws -> String {
        try write(Array(text.utf8), name)
    }

    func write(_ bytes: [UInt8], _ name: String = "t.csv") throws -> String {
        let dir = try Oracle.temporaryDirectory("csv")
        let url = dir.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }

    @Test func readsWhatPythonsCSVModuleReadsOnFuzzedFiles() async throws {
        let dir = try Oracle.temporaryDirectory("fuzz")
        let count = 300
        try await Oracle.run("csv_fuzz.py", [dir.path, "\(count)", "19"])
        // Small windows as well as the default, so records cross refills.
        for options in [ReaderOptions(), ReaderOptions(chunkBytes: 64)] {
            for k in 0..<count {
                let expected =
                    try JSONSerialization.jsonObject(
                        with: Data(contentsOf: dir.appendingPathComponent("fuzz_\(k).json"))) as! [[String]]
                let got = try rows(dir.appendingPathComponent("fuzz_\(k).csv").path, options: options)
                #expect(got == expected, "fuzz_\(k).csv")
            }
        }
    }

    @Test func rfc4180Basics() throws {
        let path = try write("\u{FEFF}a,b,c\r\n1,\"x, \"\"y\"\"\",\"two\nlines\"\r\n\r\n2,,NA\n3,\"\",z")
        let reader = try openDataset(path: path)
        #expect(reader.columns == ["a", "b", "c"])
        let first = try #require(try reader.next())
        #expect(first.strings() == ["1", "x, \"y\"", "two\nlines"])
        #expect(first.line == 2)
        let second = try #require(try reader.next())
        #expect(second.strings() == ["2", nil, nil])
        #expect(second.line == 5)
        let third = try #require(try reader.next())
        #expect(third.strings() == ["3", nil, "z"])
        #expect(try reader.next() == nil)
    }

    @Test func gzipIsReadTransparently() async throws {
        let dir = try Oracle.temporaryDirectory("gz")
        let plain = dir.appendingPathComponent("d.csv")
        try Data("a,b\n1,\"x\ny\"\n2,z\n".utf8).write(to: plain)
        let gzip = try await ProcessRunner.run(URL(fileURLWithPath: "/usr/bin/env"), ["gzip", "-k", plain.path])
        #expect(gzip.status == 0, "\(gzip.stderr)")
        #expect(try rows(plain.path + ".gz") == [["a", "b"], ["1", "x\ny"], ["2", "z"]])
        try Data([0x1F, 0x8B, 8, 0, 0, 0]).write(to: dir.appendingPathComponent("bad.csv.gz"))
        #expect(throws: DatasetError.self) { try rows(dir.appendingPathComponent("bad.csv.gz").path) }
    }

    func error(_ path: String, options: ReaderOptions = ReaderOptions()) -> DatasetError? {
        do {
            _ = try rows(path, options: options)
            return nil
        } catch let error as DatasetError {
            return error
        } catch {
            return nil
        }
    }

    @Test func badInputsGetTypedErrors() throws {
        #expect(error(try write("a,b\n1,2\n3\n")) == .raggedRow(line: 3, expected: 2, found: 1))
        #expect(error(try write("a,b\n1,2,3\n")) == .raggedRow(line: 2, expected: 2, found: 3))
        #expect(error(try write("a,b\n1,2\n\"3,4\n5,6\n")) == .unterminatedQuote(line: 3))
        #expect(error(try write([0x61, 0x2C, 0x62, 0x0A, 0x31, 0x2C, 0xFF, 0x0A])) == .invalidUTF8(line: 2))
        #expect(error(try write([0x61, 0x2C, 0x62, 0x0A, 0x31, 0x2C, 0xC3, 0x28, 0x0A])) == .invalidUTF8(line: 2))
        // Inside a long field, where the reader moves eight bytes at a time.
        let longUTF8 = Array("a,b\n1,abcdefghijklmnop".utf8) + [0xFF] + Array("qrstuvwxyz0123456789\n".utf8)
        #expect(error(try write(longUTF8)) == .invalidUTF8(line: 2))
        #expect(error(try write("")) == .emptyFile)
        #expect(error(try write("\u{FEFF}\n\n")) == .emptyFile)
        #expect(error(try write("a,b\r\n")) == .headerOnly)
        #expect(error(try write("a,a\n1,2\n")) == .duplicateColumn(line: 1, name: "a"))
        let long = "a\n" + String(repeating: "x", count: 5000) + "\n"
        #expect(
            error(try write(long), options: ReaderOptions(maxRecordBytes: 1000, chunkBytes: 256))
                == .lineTooLong(line: 2, limit: 1000))
    }

    /// A 2 GB line, never written to disk: a source that produces it on demand. The reader must stop
    /// after its limit, having buffered about the limit, not the line.
    @Test func aTwoGigabyteLineFailsFastInBoundedMemory() async throws {
        final class EndlessLine: ByteSource {
            var produced: Int64 = 0
            let total: Int64 = 2 << 30
            var bytesConsumed: Int64 { produced }
            var totalBytes: Int64? { total + 2 }
            func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
                if produced == 0 {
                    buffer[0] = UInt8(ascii: "a")
                    buffer[1] = 10
                    produced = 2
                    return 2
                }
                let n = Int(min(Int64(buffer.count), total - produced))
                if n <= 0 { return 0 }
                memset(buffer.baseAddress!, 0x78, n)
                produced += Int64(n)
                return n
            }
        }
        // A second of scanning in a debug build: on a thread of its own, asserted here.
        let (outcome, produced, seconds) = try await offTaskThreads { () -> (Result<Void, any Error>, Int64, Double) in
            let source = EndlessLine()
            let start = Date()
            let reader = try CSVReader(source: source)
            let outcome = Result { _ = try reader.next() }
            return (outcome, source.produced, Date().timeIntervalSince(start))
        }
        #expect(throws: DatasetError.lineTooLong(line: 2, limit: 16 << 20)) { try outcome.get() }
        #expect(produced < 40 << 20)
        #expect(seconds < 10)
    }
}
