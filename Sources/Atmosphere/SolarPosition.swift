import Foundation

/// The position of the sun in the sky, from NOAA's low-precision "General Solar Position
/// Calculations" (fractional-year Fourier series for the equation of time and the declination,
/// accurate to a few tenths of a degree).
public enum SolarPosition {
    /// Solar zenith and azimuth (degrees; azimuth clockwise from north) at `date` (UTC) over a place (NOAA's low-precision formulas).
    ///
    /// `longitude` is in degrees east, `latitude` in degrees north. Atmospheric refraction is ignored.
    public static func at(_ date: Date, longitude: Double, latitude: Double) -> (zenith: Double, azimuth: Double) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .hour, .minute, .second, .nanosecond], from: date)
        let dayOfYear = calendar.ordinality(of: .day, in: .year, for: date) ?? 1
        let daysInYear = calendar.range(of: .day, in: .year, for: date)?.count ?? 365
        let hours =
            Double(parts.hour ?? 0) + Double(parts.minute ?? 0) / 60
            + (Double(parts.second ?? 0) + Double(parts.nanosecond ?? 0) / 1e9) / 3600

        // Fractional year γ (radians), equation of time (minutes), declination δ (radians).
        let gamma = 2 * Double.pi / Double(daysInYear) * (Double(dayOfYear - 1) + (hours - 12) / 24)
        let equationOfTime =
            229.18
            * (0.000075 + 0.001868 * cos(gamma) - 0.032077 * sin(gamma)
                - 0.014615 * cos(2 * gamma) - 0.040849 * sin(2 * gamma))
        let declination =
            0.006918 - 0.399912 * cos(gamma) + 0.070257 * sin(gamma)
            - 0.006758 * cos(2 * gamma) + 0.000907 * sin(2 * gamma)
            - 0.002697 * cos(3 * gamma) + 0.00148 * sin(3 * gamma)

        // True solar time (minutes) and hour angle (radians, positive in the afternoon).
        let trueSolarTime = hours * 60 + equationOfTime + 4 * longitude
        let hourAngle = (trueSolarTime / 4 - 180) * .pi / 180
        let phi = latitude * .pi / 180

        // The sun's direction in local east/north/up coordinates.
        let east = -cos(declination) * sin(hourAngle)
        let north = sin(declination) * cos(phi) - cos(declination) * sin(phi) * cos(hourAngle)
        let up = sin(declination) * sin(phi) + cos(declination) * cos(phi) * cos(hourAngle)

        let zenith = acos(min(1, max(-1, up))) * 180 / .pi
        var azimuth = atan2(east, north) * 180 / .pi
        if azimuth < 0 { azimuth += 360 }
        return (zenith, azimuth)
    }
}
