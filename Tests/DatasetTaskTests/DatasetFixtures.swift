import Crypto
import Foundation
import TaskRuntime
import TaskforgeTestSupport
import Tasks
import Testing

/// The Python oracles of the dataset engine (Tests/DatasetsTests/Oracles: pandas, scikit-learn,
/// DuckDB), run on the bytes the API stored and wrote, in the test run's one oracle interpreter
/// (``PythonOracles``). A missing interpreter or library fails the test (scripts/test installs them).
enum Oracles {
    static func run(_ script: String, _ arguments: [String]) async throws -> JSONValue {
        let answer = try await PythonOracles.shared.run(script, arguments)
        guard answer.status == 0 else {
            throw TestFailure("oracle \(script) failed (\(answer.status)): \(answer.stderr)")
        }
        return try JSONValue(json: Data(answer.stdout.utf8))
    }

    /// A seeded dataset by the oracles' generator (missing values, a constant and a skewed column,
    /// planted outliers, quoted commas, quotes and newlines): its path in `directory`.
    static func generate(_ name: String, rows: Int, seed: Int, in directory: URL) async throws -> URL {
        let url = directory.appendingPathComponent(name)
        let answer = try await PythonOracles.shared.run("generate.py", [url.path, "\(rows)", "\(seed)"])
        guard answer.status == 0 else { throw TestFailure("generate.py failed: \(answer.stderr)") }
        return url
    }
}

/// A number of an oracle's JSON: floats arrive as repr strings (exact through strtod), integers as numbers.
func oracleNumber(_ value: JSONValue?) -> Double? {
    switch value {
    case .string(let text)?: Double(text)
    default: value?.doubleValue
    }
}

/// Relative closeness, with an absolute floor for values that should be zero.
func close(_ a: Double?, _ b: Double?, relative: Double = 1e-9) -> Bool {
    guard let a, let b else { return a == nil && b == nil }
    return a == b || abs(a - b) <= max(relative * max(abs(a), abs(b)), 1e-12)
}

/// A fresh directory under the system's temporary one, removed by the caller.
func scratchDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("dataset-api-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

extension APIEndpoint {
    /// Uploads the file at `url` as a dataset and returns its JSON; the upload must succeed.
    func uploadDataset(
        _ url: URL, contentType: String = "text/csv", headers: [String: String] = [:]
    ) async throws -> JSONValue {
        let reply = try await upload(
            "/v1/datasets?name=\(url.lastPathComponent)", try Data(contentsOf: url), contentType: contentType,
            headers: headers)
        #expect(reply.status == 201, "\(String(decoding: reply.body, as: UTF8.self))")
        return reply.json
    }
}

/// The lowercase hex SHA-256 of `data`.
func sha256Hex(_ data: Data) -> String {
    Hex.encode(SHA256.hash(data: data))
}
