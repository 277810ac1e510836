/// What the atmosphere does to one band for one AOD and geometry.
///
/// Over a Lambertian surface of reflectance ρs the top-of-atmosphere reflectance is
/// ρtoa = Tg (ρpath + T ρs / (1 − S ρs)), the coupling 6S's own atmospheric correction inverts.
public struct AtmosphericTerms: Sendable, Hashable {
    /// Intrinsic reflectance of the atmosphere alone over a black surface, without gaseous absorption.
    public var pathReflectance: Double
    /// Total (direct + diffuse) two-way scattering transmittance T(µs)·T(µv).
    public var transmittance: Double
    /// Spherical albedo of the atmosphere: the fraction of upwelling diffuse light it sends back down.
    public var sphericalAlbedo: Double
    /// Two-way total gaseous transmittance Tg (1 without gases).
    public var gasTransmittance: Double

    /// Terms from their values; `gasTransmittance` 1 means no gaseous absorption.
    public init(pathReflectance: Double, transmittance: Double, sphericalAlbedo: Double, gasTransmittance: Double = 1) {
        self.pathReflectance = pathReflectance
        self.transmittance = transmittance
        self.sphericalAlbedo = sphericalAlbedo
        self.gasTransmittance = gasTransmittance
    }

    /// The top-of-atmosphere reflectance over a surface of reflectance `surface`:
    /// ρtoa = Tg (ρpath + T ρs / (1 − S ρs)).
    @inline(__always)
    public func topOfAtmosphere(surface: Double) -> Double {
        gasTransmittance * (pathReflectance + transmittance * surface / (1 - sphericalAlbedo * surface))
    }

    /// The surface reflectance that gives `topOfAtmosphere`, the exact inverse of
    /// `topOfAtmosphere(surface:)`: with y = ρtoa / Tg − ρpath, ρs = y / (T + S y).
    /// Negative when the gas-corrected reflectance is below the path reflectance.
    @inline(__always)
    public func surface(topOfAtmosphere: Double) -> Double {
        let y = topOfAtmosphere / gasTransmittance - pathReflectance
        return y / (transmittance + sphericalAlbedo * y)
    }
}
