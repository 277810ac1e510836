import Foundation
import TaskRuntime
import Testing

@testable import Datasets

@Suite struct AnomalyTests {
    static let columns = ["gauss", "other", "skewed", "zeros", "constant", "count"]

    struct Case {
        let input: String
        let expected: [String: Any]
        let planted: Set<Int>
    }

    func prepare(_ file: String, rows: Int = 2000, columns: [String] = Self.columns) async throws -> Case {
        let dir = try Oracle.temporaryDirectory("anomalies")
        let input = dir.appendingPathComponent(file).path
        try await Oracle.run("generate.py", [input, "\(rows)", "11"])
        let expected = try await Oracle.json("anomalies.py", [input, "42"] + columns) as! [String: Any]
        let planted = try JSONSerialization.jsonObject(
            with: Data(contentsOf: URL(fileURLWithPath: input + ".outliers.json")))
        return Case(input: input, expected: expected, planted: Set(planted as! [Int]))
    }

    func flagged(_ path: String) throws -> [FlaggedRow] {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        return try text.split(separator: "\n").map { try JSONDecoder().decode(FlaggedRow.self, from: Data($0.utf8)) }
    }

    @Test(arguments: ["data.csv", "data.jsonl"])
    func zscoreIQRAndMADFlagTheRowsPandasFlags(_ file: String) async throws {
        let c = try await prepare(file)
        for method in [AnomalyMethod.zscore, .iqr, .mad] {
            let output = c.input + ".\(method.rawValue).jsonl"
            let input = c.input
            let result = try await onOwnThread(named: "anomalies") {
                try AnomalyDetector.detect(
                    input: input, output: output, options: AnomalyOptions(method: method, columns: Self.columns))
            }
            let e = c.expected[method.rawValue] as! [String: Any]
            let rows = try flagged(output)
            #expect(Set(rows.map(\.row)) == Set(e["rows"] as! [Int]), "\(method) \(file)")
            #expect(result.flaggedRows == rows.count)
            #expect(result.counts == e["counts"] as! [String: Int], "\(method) counts")
            #expect(result.top.count == min(20, rows.count))
            #expect(result.top.map(\.score) == rows.map(\.score).sorted(by: >).prefix(20).map { $0 })
            // Planted outliers are far out in gauss and other: every method catches them.
            #expect(c.planted.isSubset(of: Set(rows.map(\.row))), "\(method) misses planted outliers")
        }
    }

    @Test func isolationForestFindsThePlantedOutliersAndRanksLikeScikitLearn() async throws {
        let columns = ["gauss", "other"]
        let c = try await prepare("data.csv", rows: 3000, columns: columns)
        let output = c.input + ".forest.jsonl"
        let options = AnomalyOptions(method: .isolationForest, columns: columns, writeEveryRow: true)
        let input = c.input
        let result = try await onOwnThread(named: "forest") {
            try AnomalyDetector.detect(input: input, output: output, options: options)
        }
        let rows = try flagged(output)
        #expect(rows.count == result.rows)
        let flaggedRows = Set(rows.filter { !$0.columns.isEmpty }.map(\.row))
        let recall = Double(c.planted.intersection(flaggedRows).count) / Double(c.planted.count)
        #expect(recall >= 0.9, "recall \(recall)")
        let sklearn = try #require(numbers(c.expected["isolation_forest_scores"]))
        let rho = spearman(rows.sorted { $0.row < $1.row }.map(\.score), sklearn)
        #expect(rho >= 0.9, "Spearman \(rho)")
        // Reproducible for a seed.
        let again = try AnomalyDetector.detect(input: c.input, output: output + "2", options: options)
        #expect(again == result)
        #expect(try flagged(output + "2") == rows)
    }

    @Test func madFallsBackToTheMeanAbsoluteDeviationWhenMADIsZero() async throws {
        // Mostly zeros: MAD is 0, the mean absolute deviation is not.
        let dir = try Oracle.temporaryDirectory("mad")
        let input = dir.appendingPathComponent("z.csv").path
        var text = "x\n"
        for i in 0..<100 { text += i % 10 == 0 ? "1\n" : "0\n" }
        text += "50\n"
        try Data(text.utf8).write(to: URL(fileURLWithPath: input))
        let result = try AnomalyDetector.detect(
            input: input, output: input + ".out", options: AnomalyOptions(method: .mad))
        #expect(result.parameters["x"]?["mad"] == 0)
        #expect(result.top.first?.row == 100)
        let expected = try await Oracle.json("anomalies.py", [input, "1", "x"]) as! [String: Any]
        let rows = try flagged(input + ".out")
        #expect(Set(rows.map(\.row)) == Set((expected["mad"] as! [String: Any])["rows"] as! [Int]))
    }
}

/// Spearman's rank correlation (average ranks for ties).
func spearman(_ a: [Double], _ b: [Double]) -> Double {
    func ranks(_ x: [Double]) -> [Double] {
        let order = x.indices.sorted { x[$0] < x[$1] }
        var r = [Double](repeating: 0, count: x.count)
        var i = 0
        while i < order.count {
            var j = i
            while j + 1 < order.count && x[order[j + 1]] == x[order[i]] { j += 1 }
            for k in i...j { r[order[k]] = Double(i + j) / 2 }
            i = j + 1
        }
        return r
    }
    let ra = ranks(a)
    let rb = ranks(b)
    let n = Double(a.count)
    let ma = ra.reduce(0, +) / n
    let mb = rb.reduce(0, +) / n
    var sab = 0.0
    var saa = 0.0
    var sbb = 0.0
    for i in ra.indices {
        sab += (ra[i] - ma) * (rb[i] - mb)
        saa += (ra[i] - ma) * (ra[i] - ma)
        sbb += (rb[i] - mb) * (rb[i] - mb)
    }
    return sab / (saa * sbb).squareRoot()
}
