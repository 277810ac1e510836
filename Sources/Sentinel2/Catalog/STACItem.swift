import Foundation

/// A STAC Item (GeoJSON Feature) as written and read: the keys this module uses are typed, every
/// other key is kept as JSON so real items (Element84 Earth Search, Microsoft Planetary Computer)
/// survive a round trip. Decoding ignores nothing and rejects nothing it does not need;
/// `encoded()` writes deterministic, pretty JSON with sorted keys.
public struct STACItem: Sendable, Codable, Hashable {
    /// GeoJSON type, `Feature` for an item.
    public var type: String
    /// STAC version, `1.0.0` for items written here.
    public var stacVersion: String
    /// Schema URLs of the extensions the item uses (`stac_extensions`).
    public var stacExtensions: [String]
    /// Item id, e.g. `S2B_33UUP_20240520_0_L2A`.
    public var id: String
    /// Collection id, e.g. `sentinel-2-l2a`.
    public var collection: String?
    /// `[minLon, minLat, maxLon, maxLat]` of the footprint (or the 3-D six-number form).
    public var bbox: [Double]?
    /// The footprint; nil when the item has `"geometry": null`.
    public var geometry: STACGeometry?
    /// The item properties.
    public var properties: STACProperties
    /// The item's files by asset key (`B02`, `blue`, `scl`, ...).
    public var assets: [String: STACAsset]
    /// Links to related documents, kept as read.
    public var links: [STACValue]
    /// Every other top-level key, kept as read.
    public var additionalFields: [String: STACValue]

    /// The extensions an item written by `init(id:datetime:...)` declares.
    public static let defaultExtensions = [
        "https://stac-extensions.github.io/eo/v1.1.0/schema.json",
        "https://stac-extensions.github.io/projection/v1.1.0/schema.json",
        "https://stac-extensions.github.io/raster/v1.1.0/schema.json",
        "https://stac-extensions.github.io/view/v1.0.0/schema.json",
    ]

    /// An item from all its parts.
    public init(
        id: String, collection: String? = nil, bbox: [Double]?, geometry: STACGeometry?,
        properties: STACProperties, assets: [String: STACAsset], links: [STACValue] = [],
        stacExtensions: [String] = STACItem.defaultExtensions, type: String = "Feature",
        stacVersion: String = "1.0.0", additionalFields: [String: STACValue] = [:]
    ) {
        self.type = type
        self.stacVersion = stacVersion
        self.stacExtensions = stacExtensions
        self.id = id
        self.collection = collection
        self.bbox = bbox
        self.geometry = geometry
        self.properties = properties
        self.assets = assets
        self.links = links
        self.additionalFields = additionalFields
    }

    /// A Sentinel-2 L2A item as a scene generator writes it.
    /// - Parameters:
    ///   - id: Item id.
    ///   - datetime: Acquisition time.
    ///   - cloudCover: Cloudy share in percent (`eo:cloud_cover`).
    ///   - footprint: Outer ring of the footprint polygon (closed automatically when open).
    ///   - bbox: The item bbox; nil to take the box around `footprint`.
    ///   - epsg: EPSG code of the asset grids (`proj:epsg`).
    ///   - solarZenith: Sun zenith in degrees, written as `view:sun_elevation` = 90 − zenith.
    ///   - solarAzimuth: Sun azimuth in degrees (`view:sun_azimuth`).
    ///   - viewZenith: View zenith in degrees (`view:incidence_angle`).
    ///   - viewAzimuth: View azimuth in degrees (`view:azimuth`).
    ///   - platform: Satellite (`platform`); `constellation` is always `sentinel-2`.
    ///   - assets: Files by asset key, e.g. `SentinelBand.B02.assetKeys[0]`.
    public init(
        id: String, datetime: Date, cloudCover: Double, footprint: [LonLat], bbox: GeoBoundingBox? = nil,
        epsg: Int? = nil, solarZenith: Double? = nil, solarAzimuth: Double? = nil,
        viewZenith: Double? = nil, viewAzimuth: Double? = nil, platform: String = "sentinel-2a",
        assets: [String: STACAsset]
    ) {
        let properties = STACProperties(
            datetime: datetime, cloudCover: cloudCover, epsg: epsg, platform: platform, constellation: "sentinel-2",
            sunElevation: solarZenith.map { 90 - $0 }, sunAzimuth: solarAzimuth,
            viewIncidenceAngle: viewZenith, viewAzimuth: viewAzimuth)
        self.init(
            id: id, collection: "sentinel-2-l2a", bbox: (bbox ?? GeoBoundingBox(enclosing: footprint))?.array,
            geometry: .polygon(ring: footprint), properties: properties, assets: assets)
    }

    /// Reads an item from JSON text.
    public static func decoded(from data: Data) throws -> STACItem {
        try JSONDecoder().decode(STACItem.self, from: data)
    }

    /// The item as pretty-printed JSON with sorted keys (same item, same bytes).
    public func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }

    private enum Key {
        static let type = "type", stacVersion = "stac_version", stacExtensions = "stac_extensions", id = "id"
        static let collection = "collection", bbox = "bbox", geometry = "geometry", properties = "properties"
        static let assets = "assets", links = "links"
        static let all: Set<String> = [
            type, stacVersion, stacExtensions, id, collection, bbox, geometry, properties, assets, links,
        ]
    }

    /// Reads an item; `type`, `stac_version`, `id` and `properties` are required, the rest may be missing.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: AnyCodingKey.self)
        type = try container.decode(String.self, forKey: AnyCodingKey(Key.type))
        stacVersion = try container.decode(String.self, forKey: AnyCodingKey(Key.stacVersion))
        stacExtensions = try container.decodeIfPresent([String].self, forKey: AnyCodingKey(Key.stacExtensions)) ?? []
        id = try container.decode(String.self, forKey: AnyCodingKey(Key.id))
        collection = try container.decodeIfPresent(String.self, forKey: AnyCodingKey(Key.collection))
        bbox = try container.decodeIfPresent([Double].self, forKey: AnyCodingKey(Key.bbox))
        geometry = try container.decodeIfPresent(STACGeometry.self, forKey: AnyCodingKey(Key.geometry))
        properties = try container.decode(STACProperties.self, forKey: AnyCodingKey(Key.properties))
        assets = try container.decodeIfPresent([String: STACAsset].self, forKey: AnyCodingKey(Key.assets)) ?? [:]
        links = try container.decodeIfPresent([STACValue].self, forKey: AnyCodingKey(Key.links)) ?? []
        additionalFields = [:]
        for key in container.allKeys where !Key.all.contains(key.stringValue) {
            additionalFields[key.stringValue] = try container.decode(STACValue.self, forKey: key)
        }
    }

    /// Writes the item with its unknown keys; `geometry` is written as `null` when absent.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: AnyCodingKey.self)
        for (key, value) in additionalFields where !Key.all.contains(key) {
            try container.encode(value, forKey: AnyCodingKey(key))
        }
        try container.encode(type, forKey: AnyCodingKey(Key.type))
        try container.encode(stacVersion, forKey: AnyCodingKey(Key.stacVersion))
        try container.encode(stacExtensions, forKey: AnyCodingKey(Key.stacExtensions))
        try container.encode(id, forKey: AnyCodingKey(Key.id))
        try container.encodeIfPresent(collection, forKey: AnyCodingKey(Key.collection))
        try container.encodeIfPresent(bbox, forKey: AnyCodingKey(Key.bbox))
        if let geometry {
            try container.encode(geometry, forKey: AnyCodingKey(Key.geometry))
        } else {
            try container.encodeNil(forKey: AnyCodingKey(Key.geometry))
        }
        try container.encode(properties, forKey: AnyCodingKey(Key.properties))
        try container.encode(assets, forKey: AnyCodingKey(Key.assets))
        try container.encode(links, forKey: AnyCodingKey(Key.links))
    }
}
