/// A lon/lat box in degrees (WGS84). A valid box has min < max on both axes, longitudes in
/// −180...180 and latitudes in −90...90; boxes crossing the antimeridian are not represented.
public struct GeoBoundingBox: Sendable, Hashable, Codable {
    /// Western edge, degrees east.
    public var minLongitude: Double
    /// Southern edge, degrees north.
    public var minLatitude: Double
    /// Eastern edge, degrees east.
    public var maxLongitude: Double
    /// Northern edge, degrees north.
    public var maxLatitude: Double

    /// A box from its edges as given; check `isValid` when the numbers come from input.
    public init(minLongitude: Double, minLatitude: Double, maxLongitude: Double, maxLatitude: Double) {
        self.minLongitude = minLongitude
        self.minLatitude = minLatitude
        self.maxLongitude = maxLongitude
        self.maxLatitude = maxLatitude
    }

    /// A box from `[minLon, minLat, maxLon, maxLat]` (GeoJSON/STAC order), or from the 3-D form
    /// `[minLon, minLat, minZ, maxLon, maxLat, maxZ]`; nil when the array has another length or the
    /// box is not valid.
    public init?(_ array: [Double]) {
        switch array.count {
        case 4: self.init(minLongitude: array[0], minLatitude: array[1], maxLongitude: array[2], maxLatitude: array[3])
        case 6: self.init(minLongitude: array[0], minLatitude: array[1], maxLongitude: array[3], maxLatitude: array[4])
        default: return nil
        }
        guard isValid else { return nil }
    }

    /// The smallest box holding all `points`; nil when there are none or they span no area.
    public init?(enclosing points: [LonLat]) {
        guard let first = points.first else { return nil }
        self.init(
            minLongitude: first.longitude, minLatitude: first.latitude,
            maxLongitude: first.longitude, maxLatitude: first.latitude)
        for point in points.dropFirst() {
            minLongitude = min(minLongitude, point.longitude)
            minLatitude = min(minLatitude, point.latitude)
            maxLongitude = max(maxLongitude, point.longitude)
            maxLatitude = max(maxLatitude, point.latitude)
        }
        guard isValid else { return nil }
    }

    /// Whether the edges are finite, ordered (min < max) and inside the lon/lat ranges.
    public var isValid: Bool {
        let values = [minLongitude, minLatitude, maxLongitude, maxLatitude]
        return values.allSatisfy(\.isFinite)
            && minLongitude < maxLongitude && minLatitude < maxLatitude
            && minLongitude >= -180 && maxLongitude <= 180
            && minLatitude >= -90 && maxLatitude <= 90
    }

    /// The box as `[minLon, minLat, maxLon, maxLat]`, the GeoJSON/STAC order.
    public var array: [Double] { [minLongitude, minLatitude, maxLongitude, maxLatitude] }

    /// The middle of the box.
    public var center: LonLat {
        LonLat(longitude: (minLongitude + maxLongitude) / 2, latitude: (minLatitude + maxLatitude) / 2)
    }

    /// The four corners, counter-clockwise from the south-west one.
    public var corners: [LonLat] {
        [
            LonLat(longitude: minLongitude, latitude: minLatitude),
            LonLat(longitude: maxLongitude, latitude: minLatitude),
            LonLat(longitude: maxLongitude, latitude: maxLatitude),
            LonLat(longitude: minLongitude, latitude: maxLatitude),
        ]
    }

    /// Whether `point` lies inside the box or on its edge.
    public func contains(_ point: LonLat) -> Bool {
        point.longitude >= minLongitude && point.longitude <= maxLongitude
            && point.latitude >= minLatitude && point.latitude <= maxLatitude
    }

    /// Whether the two boxes share at least one point (touching edges count).
    public func intersects(_ other: GeoBoundingBox) -> Bool {
        minLongitude <= other.maxLongitude && other.minLongitude <= maxLongitude
            && minLatitude <= other.maxLatitude && other.minLatitude <= maxLatitude
    }
}
