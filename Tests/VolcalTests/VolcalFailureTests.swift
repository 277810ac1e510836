import TaskRuntime
import Testing

@testable import Tasks

/// Every failure ends the job at once with its own code and the surveyor's message.
@Suite("Volcal: failures as job errors")
struct VolcalFailureTests {
    static let failures: [VolcalFailure] = [
        .invalidRaster(input: "pre", detail: "not recognized"), .noGeoreference(input: "post"), .rastersDisjoint,
        .invalidVector(detail: "no .shx"), .noPolygon(detail: "points"), .noOverlap, .noValidCells(cells: 12),
    ]

    @Test(arguments: failures) func isAPermanentTaskErrorWithItsCode(_ failure: VolcalFailure) {
        let error = failure.taskError
        #expect(!error.isTransient)
        #expect(error.code.rawValue == failure.code)
        #expect(error.message == failure.message)
    }

    @Test func everyCodeIsDistinct() {
        #expect(Set(Self.failures.map(\.code)).count == Self.failures.count)
    }
}
