import Foundation
import TaskRuntime
import Testing

@testable import Datasets

@Suite struct NormalizationTests {
    static let columns = ["gauss", "skewed", "count", "constant", "ratio"]

    func check(_ file: String, _ method: NormalizationMethod, range: (Double, Double) = (0, 1)) async throws {
        let dir = try Oracle.temporaryDirectory("normalize")
        let input = dir.appendingPathComponent(file).path
        let output = dir.appendingPathComponent("out-" + file).path
        try await Oracle.run("generate.py", [input, "1500", "5"])
        let result = try await onOwnThread(named: "normalize") {
            try Normalizer.normalize(
                input: input, output: output, method: method, columns: Self.columns, featureRange: range)
        }
        #expect(result.columns.map(\.column) == Self.columns)
        let e =
            try await Oracle.json(
                "normalize.py", [input, output, method.rawValue, "\(range.0)", "\(range.1)"] + Self.columns)
            as! [String: Any]
        #expect(number(e["max_relative_difference"])! <= 1e-9, "\(method) \(file)")
        #expect(e["missing_moved"] as? Int == 0)
        #expect(e["passthrough_changed"] as? Int == 0)
        let params = e["params"] as! [String: Any]
        let scale = try #require(numbers(params["scale"]))
        for (j, f) in result.columns.enumerated() {
            #expect(close(f.scale, scale[j]), "\(f.column) scale \(f.scale) vs \(scale[j])")
            if let center = numbers(params["center"]) {
                #expect(close(f.center ?? .nan, center[j]), "\(f.column) center")
            }
            if let offset = numbers(params["offset"]) {
                #expect(close(f.offset ?? .nan, offset[j]), "\(f.column) offset")
            }
        }
        // The constant column: zscore and robust centre it (scale 1), minmax maps it to the low end.
        let constant = try #require(result.columns.first { $0.column == "constant" })
        #expect(constant.scale == (method == .minmax ? range.1 - range.0 : 1))
    }

    @Test(arguments: NormalizationMethod.allCases)
    func csvEqualsScikitLearn(_ method: NormalizationMethod) async throws { try await check("data.csv", method) }

    @Test(arguments: NormalizationMethod.allCases)
    func jsonLinesEqualsScikitLearn(_ method: NormalizationMethod) async throws {
        try await check("data.jsonl", method)
    }

    @Test func minmaxHonoursTheFeatureRange() async throws { try await check("data.csv", .minmax, range: (-1, 3)) }

    @Test func refusesTextAndUnknownColumns() throws {
        let dir = try Oracle.temporaryDirectory("normalize")
        let input = dir.appendingPathComponent("d.csv").path
        try Data("a,b\n1,x\n2,y\n".utf8).write(to: URL(fileURLWithPath: input))
        let output = dir.appendingPathComponent("o.csv").path
        #expect(throws: DatasetError.invalidColumn(name: "b", reason: "holds string, not numbers")) {
            try Normalizer.normalize(input: input, output: output, method: .zscore, columns: ["b"])
        }
        #expect(throws: DatasetError.invalidColumn(name: "z", reason: "no such column")) {
            try Normalizer.normalize(input: input, output: output, method: .zscore, columns: ["z"])
        }
        #expect(!FileManager.default.fileExists(atPath: output))
        #expect(!FileManager.default.fileExists(atPath: output + ".partial"))
    }
}
