import Foundation
import TaskRuntime
import Testing

/// `UUID.random()`, the job ID: a version 4 UUID of RFC 9562, never the same twice.
@Suite struct RandomUUIDTests {
    @Test func isAVersion4UUIDWithTheRFCVariant() {
        for _ in 0..<1_000 {
            let text = UUID.random().uuidString
            let characters = Array(text)
            #expect(characters[14] == "4", "version nibble of \(text)")
            #expect("89AB".contains(characters[19]), "variant of \(text)")
        }
    }

    @Test func repeatsNoneInAHundredThousand() {
        let ids = (0..<100_000).map { _ in UUID.random() }
        #expect(Set(ids).count == ids.count)
        // Every random bit is used: each of the 30 random hex digits takes several values.
        let digits = ids.prefix(1_000).map { Array($0.uuidString.replacingOccurrences(of: "-", with: "")) }
        for position in 0..<32 where position != 12 {
            #expect(Set(digits.map { $0[position] }).count > (position == 16 ? 3 : 12), "hex digit \(position)")
        }
    }
}
