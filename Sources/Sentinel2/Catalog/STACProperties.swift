import Foundation

/// The `properties` of a STAC item: the keys this module reads, typed, and every other key kept as JSON.
public struct STACProperties: Sendable, Hashable, Codable {
    /// Acquisition time (`datetime`); nil when the item gives only a range or `null`.
    public var datetime: Date?
    /// Cloudy share of the scene in percent (`eo:cloud_cover`).
    public var cloudCover: Double?
    /// EPSG code of the asset grids (`proj:epsg`).
    public var epsg: Int?
    /// Coordinate reference system as `EPSG:n` (`proj:code`, projection extension 2.0).
    public var projectionCode: String?
    /// Satellite, e.g. `sentinel-2a` (`platform`).
    public var platform: String?
    /// Satellite family, e.g. `sentinel-2` (`constellation`).
    public var constellation: String?
    /// Sun elevation above the horizon in degrees (`view:sun_elevation`).
    public var sunElevation: Double?
    /// Sun azimuth in degrees clockwise from north (`view:sun_azimuth`).
    public var sunAzimuth: Double?
    /// View zenith angle at the ground in degrees (`view:incidence_angle`).
    public var viewIncidenceAngle: Double?
    /// View azimuth (ground towards sensor) in degrees clockwise from north (`view:azimuth`).
    public var viewAzimuth: Double?
    /// Scene mean solar zenith in degrees (`s2:mean_solar_zenith`, Planetary Computer).
    public var meanSolarZenith: Double?
    /// Scene mean solar azimuth in degrees (`s2:mean_solar_azimuth`, Planetary Computer).
    public var meanSolarAzimuth: Double?
    /// Sentinel-2 processing baseline such as `05.10` (`s2:processing_baseline`).
    public var processingBaseline: String?
    /// Every other property, kept as read.
    public var additionalFields: [String: STACValue]

    /// Properties from their parts.
    public init(
        datetime: Date?, cloudCover: Double? = nil, epsg: Int? = nil, projectionCode: String? = nil,
        platform: String? = nil, constellation: String? = nil,
        sunElevation: Double? = nil, sunAzimuth: Double? = nil,
        viewIncidenceAngle: Double? = nil, viewAzimuth: Double? = nil,
        meanSolarZenith: Double? = nil, meanSolarAzimuth: Double? = nil,
        processingBaseline: String? = nil, additionalFields: [String: STACValue] = [:]
    ) {
        self.datetime = datetime
        self.cloudCover = cloudCover
        self.epsg = epsg
        self.projectionCode = projectionCode
        self.platform = platform
        self.constellation = constellation
        self.sunElevation = sunElevation
        self.sunAzimuth = sunAzimuth
        self.viewIncidenceAngle = viewIncidenceAngle
        self.viewAzimuth = viewAzimuth
        self.meanSolarZenith = meanSolarZenith
        self.meanSolarAzimuth = meanSolarAzimuth
        self.processingBaseline = processingBaseline
        self.additionalFields = additionalFields
    }

    private enum Key {
        static let datetime = "datetime", cloudCover = "eo:cloud_cover", epsg = "proj:epsg"
        static let projectionCode = "proj:code", platform = "platform", constellation = "constellation"
        static let sunElevation = "view:sun_elevation", sunAzimuth = "view:sun_azimuth"
        static let viewIncidenceAngle = "view:incidence_angle", viewAzimuth = "view:azimuth"
        static let meanSolarZenith = "s2:mean_solar_zenith", meanSolarAzimuth = "s2:mean_solar_azimuth"
        static let processingBaseline = "s2:processing_baseline"
        static let all: Set<String> = [
            datetime, cloudCover, epsg, projectionCode, platform, constellation, sunElevation, sunAzimuth,
            viewIncidenceAngle, viewAzimuth, meanSolarZenith, meanSolarAzimuth, processingBaseline,
        ]
    }

    /// Reads the properties; a `datetime` that is not RFC 3339 is an error, unknown keys are kept.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: AnyCodingKey.self)
        func number(_ key: String) throws -> Double? {
            try container.decodeIfPresent(Double.self, forKey: AnyCodingKey(key))
        }
        func text(_ key: String) throws -> String? {
            try container.decodeIfPresent(String.self, forKey: AnyCodingKey(key))
        }
        if let datetimeText = try text(Key.datetime) {
            guard let date = RFC3339.date(from: datetimeText) else {
                throw DecodingError.dataCorruptedError(
                    forKey: AnyCodingKey(Key.datetime), in: container,
                    debugDescription: "datetime \"\(datetimeText)\" is not an RFC 3339 timestamp")
            }
            datetime = date
        } else {
            datetime = nil
        }
        cloudCover = try number(Key.cloudCover)
        if let epsgNumber = try number(Key.epsg) {
            guard let code = Int(exactly: epsgNumber) else {
                throw DecodingError.dataCorruptedError(
                    forKey: AnyCodingKey(Key.epsg), in: container,
                    debugDescription: "proj:epsg \(epsgNumber) is not an integer")
            }
            epsg = code
        } else {
            epsg = nil
        }
        projectionCode = try text(Key.projectionCode)
        platform = try text(Key.platform)
        constellation = try text(Key.constellation)
        sunElevation = try number(Key.sunElevation)
        sunAzimuth = try number(Key.sunAzimuth)
        viewIncidenceAngle = try number(Key.viewIncidenceAngle)
        viewAzimuth = try number(Key.viewAzimuth)
        meanSolarZenith = try number(Key.meanSolarZenith)
        meanSolarAzimuth = try number(Key.meanSolarAzimuth)
        processingBaseline = try text(Key.processingBaseline)
        additionalFields = [:]
        for key in container.allKeys where !Key.all.contains(key.stringValue) {
            additionalFields[key.stringValue] = try container.decode(STACValue.self, forKey: key)
        }
    }

    /// Writes the properties with their unknown keys; `datetime` is always written (`null` when unknown).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: AnyCodingKey.self)
        for (key, value) in additionalFields where !Key.all.contains(key) {
            try container.encode(value, forKey: AnyCodingKey(key))
        }
        if let datetime {
            try container.encode(RFC3339.string(from: datetime), forKey: AnyCodingKey(Key.datetime))
        } else {
            try container.encodeNil(forKey: AnyCodingKey(Key.datetime))
        }
        try container.encodeIfPresent(cloudCover, forKey: AnyCodingKey(Key.cloudCover))
        try container.encodeIfPresent(epsg, forKey: AnyCodingKey(Key.epsg))
        try container.encodeIfPresent(projectionCode, forKey: AnyCodingKey(Key.projectionCode))
        try container.encodeIfPresent(platform, forKey: AnyCodingKey(Key.platform))
        try container.encodeIfPresent(constellation, forKey: AnyCodingKey(Key.constellation))
        try container.encodeIfPresent(sunElevation, forKey: AnyCodingKey(Key.sunElevation))
        try container.encodeIfPresent(sunAzimuth, forKey: AnyCodingKey(Key.sunAzimuth))
        try container.encodeIfPresent(viewIncidenceAngle, forKey: AnyCodingKey(Key.viewIncidenceAngle))
        try container.encodeIfPresent(viewAzimuth, forKey: AnyCodingKey(Key.viewAzimuth))
        try container.encodeIfPresent(meanSolarZenith, forKey: AnyCodingKey(Key.meanSolarZenith))
        try container.encodeIfPresent(meanSolarAzimuth, forKey: AnyCodingKey(Key.meanSolarAzimuth))
        try container.encodeIfPresent(processingBaseline, forKey: AnyCodingKey(Key.processingBaseline))
    }
}
