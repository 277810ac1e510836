import Foundation
import TaskSchema
import Testing

@Suite("RFC 3339 timestamps")
struct RFC3339TimestampTests {
    @Test(arguments: [
        ("2026-01-31T09:30:00Z", 1_769_851_800.0),
        ("2026-01-31t09:30:00z", 1_769_851_800.0),
        ("2026-01-31T09:30:00.25Z", 1_769_851_800.25),
        ("2026-01-31T23:30:00+23:00", 1_769_819_400.0),
        ("2026-01-31T09:30:00-05:30", 1_769_871_600.0),
        ("1970-01-01T00:00:00Z", 0.0),
        ("1969-12-31T23:59:60Z", 0.0),
        ("2000-02-29T00:00:00Z", 951_782_400.0),
        ("0000-01-01T00:00:00Z", -62_167_219_200.0),
    ])
    func readsEveryFormTheDateTimeFormatAccepts(text: String, seconds: Double) {
        #expect(RFC3339Timestamp.date(text)?.timeIntervalSince1970 == seconds, "\(text)")
    }

    @Test(arguments: [
        "2026-01-31 09:30:00Z", "2026-01-31T09:30:00", "2026-02-30T00:00:00Z", "2026-01-31T24:00:00Z", "", "now",
    ])
    func refusesWhatIsNoDateTime(text: String) {
        #expect(RFC3339Timestamp.date(text) == nil)
    }
}
