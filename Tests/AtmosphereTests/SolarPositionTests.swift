import Foundation
import Testing

@testable import Atmosphere

/// The sun's position from NOAA's low-precision formulas.
@Suite("Solar position: known cases")
struct SolarPositionTests {
    func date(_ text: String) -> Date {
        ISO8601DateFormatter().date(from: text)!
    }

    @Test func juneSolsticeNoonOverTheEquatorIsAbout23Point4Degrees() {
        let sun = SolarPosition.at(date("2024-06-21T12:00:00Z"), longitude: 0, latitude: 0)
        #expect(abs(sun.zenith - 23.4) < 0.5)
        // The sun stands to the north.
        #expect(sun.azimuth < 10 || sun.azimuth > 350)
    }

    @Test func equinoxSolarNoonOverTheEquatorIsNearlyOverhead() {
        let sun = SolarPosition.at(date("2024-03-20T12:07:00Z"), longitude: 0, latitude: 0)
        #expect(sun.zenith < 2)
    }

    @Test func morningSunIsInTheEastAndEveningSunInTheWest() {
        let morning = SolarPosition.at(date("2024-06-21T07:00:00Z"), longitude: 10, latitude: 50)
        let evening = SolarPosition.at(date("2024-06-21T17:00:00Z"), longitude: 10, latitude: 50)
        #expect(morning.azimuth > 45 && morning.azimuth < 135)
        #expect(evening.azimuth > 225 && evening.azimuth < 315)
        #expect(morning.zenith < 90 && evening.zenith < 90)
    }
}
