/// What the atmosphere does to one band for one AOD and geometry.
///
/// Over a Lambertian surface of reflectance ρs the top-of-atmosphere reflectance is
/// ρtoa = ρpath + T ρs / (1 − S ρs).
public struct AtmosphericTerms: Sendable, Hashable {
    /// Reflectance of the atmosphere alone over a black surface.
    public var pathReflectance: Double
    /// Total (direct + diffuse) two-way transmittance T(µs)·T(µv).
    public var transmittance: Double
    /// Spherical albedo of the atmosphere: the fraction of upwelling diffuse light it sends back down.
    public var sphericalAlbedo: Double

    /// Terms from their three values.
    public init(pathReflectance: Double, transmittance: Double, sphericalAlbedo: Double) {
        self.pathReflectance = pathReflectance
        self.transmittance = transmittance
        self.sphericalAlbedo = sphericalAlbedo
    }

    /// The top-of-atmosphere reflectance over a surface of reflectance `surface`:
    /// ρtoa = ρpath + T ρs / (1 − S ρs).
    public func topOfAtmosphere(surface: Double) -> Double {
        pathReflectance + transmittance * surface / (1 - sphericalAlbedo * surface)
    }

    /// The surface reflectance that gives `topOfAtmosphere`, the exact inverse of
    /// `topOfAtmosphere(surface:)`: with y = ρtoa − ρpath, ρs = y / (T + S y).
    /// Negative when the reflectance is below the path reflectance.
    public func surface(topOfAtmosphere: Double) -> Double {
        let y = topOfAtmosphere - pathReflectance
        return y / (transmittance + sphericalAlbedo * y)
    }
}
