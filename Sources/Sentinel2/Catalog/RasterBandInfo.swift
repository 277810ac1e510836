/// One entry of an asset's `raster:bands` (STAC raster extension): how stored numbers become
/// physical values (`value = DN · scale + offset`) and which DN marks missing cells.
public struct RasterBandInfo: Sendable, Hashable, Codable {
    /// Multiplier from DN to value (`scale`).
    public var scale: Double?
    /// Added after scaling (`offset`).
    public var offset: Double?
    /// The DN of missing cells (`nodata`; the extension's `"nan"`, `"inf"`, `"-inf"` strings are read as such).
    public var nodata: Double?
    /// Storage type such as `uint16` (`data_type`).
    public var dataType: String?
    /// Cell size in metres (`spatial_resolution`).
    public var spatialResolution: Double?
    /// Every other key of the entry, kept as read.
    public var additionalFields: [String: STACValue]

    /// An entry from its parts.
    public init(
        scale: Double? = nil, offset: Double? = nil, nodata: Double? = nil, dataType: String? = nil,
        spatialResolution: Double? = nil, additionalFields: [String: STACValue] = [:]
    ) {
        self.scale = scale
        self.offset = offset
        self.nodata = nodata
        self.dataType = dataType
        self.spatialResolution = spatialResolution
        self.additionalFields = additionalFields
    }

    private static let knownKeys: Set<String> = ["scale", "offset", "nodata", "data_type", "spatial_resolution"]

    /// Reads an entry, keeping unknown keys.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: AnyCodingKey.self)
        scale = try container.decodeIfPresent(Double.self, forKey: AnyCodingKey("scale"))
        offset = try container.decodeIfPresent(Double.self, forKey: AnyCodingKey("offset"))
        nodata = try Self.decodeNodata(container)
        dataType = try container.decodeIfPresent(String.self, forKey: AnyCodingKey("data_type"))
        spatialResolution = try container.decodeIfPresent(Double.self, forKey: AnyCodingKey("spatial_resolution"))
        additionalFields = [:]
        for key in container.allKeys where !Self.knownKeys.contains(key.stringValue) {
            additionalFields[key.stringValue] = try container.decode(STACValue.self, forKey: key)
        }
    }

    /// Writes the entry; a non-finite `nodata` is written as the extension's string form.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: AnyCodingKey.self)
        for (key, value) in additionalFields where !Self.knownKeys.contains(key) {
            try container.encode(value, forKey: AnyCodingKey(key))
        }
        try container.encodeIfPresent(scale, forKey: AnyCodingKey("scale"))
        try container.encodeIfPresent(offset, forKey: AnyCodingKey("offset"))
        try container.encodeIfPresent(dataType, forKey: AnyCodingKey("data_type"))
        try container.encodeIfPresent(spatialResolution, forKey: AnyCodingKey("spatial_resolution"))
        if let nodata {
            let key = AnyCodingKey("nodata")
            if nodata.isNaN {
                try container.encode("nan", forKey: key)
            } else if nodata.isInfinite {
                try container.encode(nodata > 0 ? "inf" : "-inf", forKey: key)
            } else {
                try container.encode(nodata, forKey: key)
            }
        }
    }

    private static func decodeNodata(_ container: KeyedDecodingContainer<AnyCodingKey>) throws -> Double? {
        let key = AnyCodingKey("nodata")
        guard container.contains(key), try !container.decodeNil(forKey: key) else { return nil }
        if let number = try? container.decode(Double.self, forKey: key) { return number }
        switch try container.decode(String.self, forKey: key).lowercased() {
        case "nan": return .nan
        case "inf", "+inf": return .infinity
        case "-inf": return -.infinity
        case let other:
            throw DecodingError.dataCorruptedError(
                forKey: key, in: container, debugDescription: "nodata \"\(other)\" is neither a number nor nan/inf/-inf"
            )
        }
    }
}
