/// One asset of a STAC item: a file the item points at.
public struct STACAsset: Sendable, Codable, Hashable {
    /// Where the file is: a path relative to the item file, an absolute path or a URL.
    public var href: String
    /// Media type, e.g. `image/tiff; application=geotiff; profile=cloud-optimized`.
    public var type: String?
    /// Roles such as `data`, `reflectance`, `thumbnail`.
    public var roles: [String]?
    /// A human-readable title.
    public var title: String?
    /// The `raster:bands` entries (STAC raster extension), one per band of the file.
    public var rasterBands: [RasterBandInfo]?
    /// Every other key of the asset (`eo:bands`, `gsd`, `proj:shape`, ...), kept as read.
    public var additionalFields: [String: STACValue]

    /// The media type of a cloud-optimized GeoTIFF.
    public static let cloudOptimizedGeoTIFF = "image/tiff; application=geotiff; profile=cloud-optimized"

    /// An asset from its parts.
    public init(
        href: String, type: String? = STACAsset.cloudOptimizedGeoTIFF, roles: [String]? = ["data"],
        title: String? = nil, rasterBands: [RasterBandInfo]? = nil,
        additionalFields: [String: STACValue] = [:]
    ) {
        self.href = href
        self.type = type
        self.roles = roles
        self.title = title
        self.rasterBands = rasterBands
        self.additionalFields = additionalFields
    }

    private static let knownKeys: Set<String> = ["href", "type", "roles", "title", "raster:bands"]

    /// Reads an asset, keeping unknown keys.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: AnyCodingKey.self)
        href = try container.decode(String.self, forKey: AnyCodingKey("href"))
        type = try container.decodeIfPresent(String.self, forKey: AnyCodingKey("type"))
        roles = try container.decodeIfPresent([String].self, forKey: AnyCodingKey("roles"))
        title = try container.decodeIfPresent(String.self, forKey: AnyCodingKey("title"))
        rasterBands = try container.decodeIfPresent([RasterBandInfo].self, forKey: AnyCodingKey("raster:bands"))
        additionalFields = [:]
        for key in container.allKeys where !Self.knownKeys.contains(key.stringValue) {
            additionalFields[key.stringValue] = try container.decode(STACValue.self, forKey: key)
        }
    }

    /// Writes the asset with its unknown keys.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: AnyCodingKey.self)
        for (key, value) in additionalFields where !Self.knownKeys.contains(key) {
            try container.encode(value, forKey: AnyCodingKey(key))
        }
        try container.encode(href, forKey: AnyCodingKey("href"))
        try container.encodeIfPresent(type, forKey: AnyCodingKey("type"))
        try container.encodeIfPresent(roles, forKey: AnyCodingKey("roles"))
        try container.encodeIfPresent(title, forKey: AnyCodingKey("title"))
        try container.encodeIfPresent(rasterBands, forKey: AnyCodingKey("raster:bands"))
    }
}
