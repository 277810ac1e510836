/// The footprint of a STAC item: a GeoJSON Polygon or MultiPolygon in lon/lat degrees.
/// Each polygon is a list of rings, the first the outer boundary and any others holes;
/// a ring lists its points with the first repeated at the end, as GeoJSON requires.
public enum STACGeometry: Sendable, Hashable, Codable {
    /// A GeoJSON Polygon: its rings.
    case polygon([[LonLat]])
    /// A GeoJSON MultiPolygon: its polygons, each a list of rings.
    case multiPolygon([[[LonLat]]])

    /// A polygon with one outer ring and no holes; the ring is closed when its last point differs from its first.
    public static func polygon(ring: [LonLat]) -> STACGeometry {
        guard let first = ring.first, ring.last != first else { return .polygon([ring]) }
        return .polygon([ring + [first]])
    }

    /// The outer ring of every polygon (holes dropped).
    public var outerRings: [[LonLat]] {
        switch self {
        case .polygon(let rings): Array(rings.prefix(1))
        case .multiPolygon(let polygons): polygons.compactMap(\.first)
        }
    }

    private enum CodingKeys: String, CodingKey {
        case type, coordinates
    }

    /// Reads a GeoJSON Polygon or MultiPolygon; positions may carry a third (height) value, which is dropped.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let type = try container.decode(String.self, forKey: .type)
        switch type {
        case "Polygon":
            let rings = try container.decode([[[Double]]].self, forKey: .coordinates)
            self = .polygon(try rings.map { try Self.ring($0, in: container) })
        case "MultiPolygon":
            let polygons = try container.decode([[[[Double]]]].self, forKey: .coordinates)
            self = .multiPolygon(try polygons.map { try $0.map { try Self.ring($0, in: container) } })
        default:
            throw DecodingError.dataCorruptedError(
                forKey: .type, in: container,
                debugDescription: "geometry type \(type) is not supported (Polygon or MultiPolygon expected)")
        }
    }

    /// Writes the GeoJSON form with `[longitude, latitude]` positions.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .polygon(let rings):
            try container.encode("Polygon", forKey: .type)
            try container.encode(rings.map(Self.positions), forKey: .coordinates)
        case .multiPolygon(let polygons):
            try container.encode("MultiPolygon", forKey: .type)
            try container.encode(polygons.map { $0.map(Self.positions) }, forKey: .coordinates)
        }
    }

    private static func ring(
        _ positions: [[Double]], in container: KeyedDecodingContainer<CodingKeys>
    ) throws -> [LonLat] {
        try positions.map { position in
            guard position.count >= 2 else {
                throw DecodingError.dataCorruptedError(
                    forKey: .coordinates, in: container, debugDescription: "a position has fewer than two numbers")
            }
            return LonLat(longitude: position[0], latitude: position[1])
        }
    }

    private static func positions(_ ring: [LonLat]) -> [[Double]] {
        ring.map { [$0.longitude, $0.latitude] }
    }
}
