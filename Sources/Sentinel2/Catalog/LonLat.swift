/// A point on the WGS84 ellipsoid in degrees.
public struct LonLat: Sendable, Hashable, Codable {
    /// Longitude in degrees east, −180...180.
    public var longitude: Double
    /// Latitude in degrees north, −90...90.
    public var latitude: Double

    /// A point from its longitude and latitude in degrees.
    public init(longitude: Double, latitude: Double) {
        self.longitude = longitude
        self.latitude = latitude
    }
}
