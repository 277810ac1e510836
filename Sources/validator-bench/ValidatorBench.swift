import Foundation
import TaskSchema
import ValidatorSuite

/// Inputs per second of the interpreter and of the generated validators over every case of the
/// vendored JSON-Schema-Test-Suite (`ValidatorSuite`), both collecting every violation, beside the
/// Python peers `scripts/bench validators` measured on the same cases (docs/benchmarks.md).
///
/// `validator-bench export PATH` writes the cases (schema and values of each group) for the peers;
/// `validator-bench [--seconds S] [--peers PATH]` measures and prints the table, with ratios to the
/// peers' rates in PATH (a JSON object of name -> inputs/s) when given.
@main
struct ValidatorBench {
    static func main() throws {
        var arguments = Array(CommandLine.arguments.dropFirst())
        let (groups, skipped) = try SchemaTestSuite.load()
        if arguments.first == "export", arguments.count == 2 {
            return try export(groups, to: arguments[1])
        }
        var seconds = 2.0
        var peersPath: String?
        while !arguments.isEmpty {
            let option = arguments.removeFirst()
            guard !arguments.isEmpty else { throw usage() }
            switch option {
            case "--seconds": seconds = Double(arguments.removeFirst()) ?? seconds
            case "--peers": peersPath = arguments.removeFirst()
            default: throw usage()
            }
        }
        let skippedCases = skipped.reduce(0) { $0 + $1.values }
        var rates = try measure(groups, skippedCases: skippedCases, skippedGroups: skipped.count, seconds: seconds)
        if let peersPath { rates += try peerRates(peersPath) }
        report(rates)
    }

    /// The groups' schemas and values as JSON, for the Python peers.
    static func export(_ groups: [SchemaTestSuite.Group], to path: String) throws {
        let cases = JSONValue.array(groups.map { .object(["schema": $0.json, "values": .array($0.values)]) })
        try cases.canonicalData().write(to: URL(fileURLWithPath: path))
    }

    /// The interpreter's and the generated validators' rates.
    static func measure(
        _ groups: [SchemaTestSuite.Group], skippedCases: Int, skippedGroups: Int, seconds: Double
    ) throws -> [(String, Double)] {
        let cases = groups.reduce(0) { $0 + $1.values.count }
        print(
            "JSON-Schema-Test-Suite draft 2020-12, supported keywords: \(cases) cases in \(groups.count) groups; "
                + "skipped \(skippedCases) cases in \(skippedGroups) groups")
        var generated: [@Sendable (JSONValue) -> [Violation]] = []
        var validityChecks: [@Sendable (JSONValue) -> Bool] = []
        for group in groups {
            let name = SchemaTestSuite.validatorName(file: group.file, index: group.index)
            guard let validate = SuiteValidators.validators[name], let isValid = SuiteValidators.validityChecks[name]
            else { throw usage("no generated validator \(name)") }
            generated.append(validate)
            validityChecks.append(isValid)
        }
        let interpreterRate = rate(groups, cases: cases, seconds: seconds) { groups[$0].schema.validate($1).count }
        let generatedRate = rate(groups, cases: cases, seconds: seconds) { generated[$0]($1).count }
        // A valid value counts as no violation, an invalid one as one, so the work is used.
        let validityRate = rate(groups, cases: cases, seconds: seconds) { validityChecks[$0]($1) ? 0 : 1 }
        return [
            ("interpreter (all violations)", interpreterRate), ("generated (all violations)", generatedRate),
            ("generated isValid", validityRate),
        ]
    }

    /// The rates `scripts/validators/peers.py` measured, by name.
    static func peerRates(_ path: String) throws -> [(String, Double)] {
        // Foundation's parser: JSONValue(json:) inlined here crashed the Swift 6.3.1 compiler (release).
        let peers = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path)))
        return ((peers as? [String: Any]) ?? [:]).sorted { $0.key < $1.key }.compactMap { name, value in
            (value as? Double).map { (name, $0) }
        }
    }

    /// The table, and each generated validator's rate as a ratio to each of the others'.
    static func report(_ rates: [(String, Double)]) {
        print("validator".padding(toLength: 44, withPad: " ", startingAt: 0) + "  inputs/s")
        for (name, rate) in rates {
            print(name.padding(toLength: 44, withPad: " ", startingAt: 0) + "  " + String(format: "%10.0f", rate))
        }
        for (generated, generatedRate) in rates.filter({ $0.0.hasPrefix("generated") }) {
            for (name, rate) in rates where !name.hasPrefix("generated") {
                print("\(generated) / \(name): " + String(format: "%.2fx", generatedRate / rate))
            }
        }
    }

    /// The best of three runs of at least `seconds / 3` each, in inputs per second; `validate` checks a
    /// value against the group of the given index and returns how many violations it found.
    static func rate(
        _ groups: [SchemaTestSuite.Group], cases: Int, seconds: Double, _ validate: (Int, JSONValue) -> Int
    ) -> Double {
        var best = 0.0
        var violations = 0
        for _ in 0..<3 {
            let clock = ContinuousClock()
            let start = clock.now
            var rounds = 0
            repeat {
                for (index, group) in groups.enumerated() {
                    for value in group.values { violations &+= validate(index, value) }
                }
                rounds += 1
            } while (clock.now - start) < .seconds(seconds / 3)
            let elapsed = clock.now - start
            let elapsedSeconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
            best = max(best, Double(rounds * cases) / elapsedSeconds)
        }
        // Printed so that the violations are used and the work cannot be optimised away.
        FileHandle.standardError.write(Data("  (\(violations) violations counted)\n".utf8))
        return best
    }

    static func usage(
        _ message: String = "usage: validator-bench [export PATH] [--seconds S] [--peers PATH]"
    )
        -> BenchError
    {
        BenchError(description: message)
    }
}

/// A wrong command line, or a suite group without its generated validator.
struct BenchError: Error, CustomStringConvertible {
    let description: String
}
