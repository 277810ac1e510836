import Foundation

/// Sun and sensor angles of a scene, degrees.
///
/// Azimuth convention: `relativeAzimuth` is the angle between the azimuth of the sun (seen from the
/// pixel) and the azimuth of the *line of sight* (the direction the sensor looks, from the sensor down
/// to the pixel). So 180° puts the sensor on the sun's side of the pixel (backscatter, the hot spot
/// when the zenith angles are equal) and 0° puts it opposite the sun (forward scattering). With
/// azimuths of the sun and of the sensor both measured from the pixel (as solar and viewing azimuth
/// angles usually are), `relativeAzimuth = 180° − |Δazimuth|` folded into 0...180.
public struct SunViewGeometry: Sendable, Hashable, Codable {
    /// Solar zenith angle in degrees, 0 = sun overhead; must be below 90.
    public var solarZenith: Double
    /// Viewing zenith angle in degrees, 0 = nadir; must be below 90.
    public var viewZenith: Double
    /// Relative azimuth in degrees (0...180), 180 = backscatter (see the type's convention).
    public var relativeAzimuth: Double

    /// A geometry from the solar zenith, viewing zenith and relative azimuth, all in degrees.
    public init(solarZenith: Double, viewZenith: Double, relativeAzimuth: Double) {
        self.solarZenith = solarZenith
        self.viewZenith = viewZenith
        self.relativeAzimuth = relativeAzimuth
    }

    /// The scattering angle Θ in degrees (180 = straight back toward the sun), from
    /// cos Θ = −µs µv + sin θs sin θv cos φ.
    public var scatteringAngle: Double {
        acos(scatteringCosine) * 180 / .pi
    }

    /// cos Θ = −µs µv + sin θs sin θv cos φ, clamped to −1...1.
    var scatteringCosine: Double {
        let s = solarZenith * .pi / 180, v = viewZenith * .pi / 180, phi = relativeAzimuth * .pi / 180
        let c = -cos(s) * cos(v) + sin(s) * sin(v) * cos(phi)
        return min(1, max(-1, c))
    }

    /// µs, the cosine of the solar zenith angle.
    var solarCosine: Double { cos(solarZenith * .pi / 180) }

    /// µv, the cosine of the viewing zenith angle.
    var viewCosine: Double { cos(viewZenith * .pi / 180) }

    /// The two-way air mass 1/µs + 1/µv, the path length gases absorb along.
    var airMass: Double { 1 / solarCosine + 1 / viewCosine }
}
