import Foundation
import TaskforgeTestSupport
import Testing

/// Runs the Python oracles in Tests/DatasetsTests/Oracles (pandas, scikit-learn, DuckDB, csv), in
/// the test run's one oracle interpreter (``PythonOracles``). A missing interpreter or library fails
/// the test: these oracles are the point of the suite, so they are never skipped (scripts/test
/// installs them).
enum Oracle {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Runs `Oracles/<script> args...` and returns its standard output.
    @discardableResult
    static func run(_ script: String, _ arguments: [String]) async throws -> Data {
        let answer = try await PythonOracles.shared.run(script, arguments)
        guard answer.status == 0 else {
            throw Failure(description: "oracle \(script) failed (\(answer.status)): \(answer.stderr)")
        }
        return Data(answer.stdout.utf8)
    }

    static func json(_ script: String, _ arguments: [String]) async throws -> Any {
        try JSONSerialization.jsonObject(with: try await run(script, arguments), options: [.fragmentsAllowed])
    }

    /// A fresh directory under the system's temporary one.
    static func temporaryDirectory(_ name: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("datasets-\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

/// Relative closeness, with an absolute floor for values that should be zero.
func close(_ a: Double, _ b: Double, relative: Double = 1e-9, absolute: Double = 1e-12) -> Bool {
    if a.isNaN && b.isNaN { return true }
    if a == b { return true }
    return abs(a - b) <= max(relative * max(abs(a), abs(b)), absolute)
}

/// A number from an oracle's JSON: floats arrive as repr strings (exact through strtod), integers as numbers.
func number(_ any: Any?) -> Double? {
    if let s = any as? String { return Double(s) }
    if let n = any as? NSNumber { return n.doubleValue }
    return nil
}

func numbers(_ any: Any?) -> [Double]? {
    (any as? [Any])?.map { number($0) ?? .nan }
}
