import Foundation

/// Why a catalog folder cannot be read or a STAC item yields no usable scene.
public enum CatalogError: Error, Sendable, Hashable, CustomStringConvertible, LocalizedError {
    /// The catalog folder does not exist.
    case folderNotFound(URL)
    /// The catalog path exists but is a file.
    case notAFolder(URL)
    /// The item describes another mission; the associated text says what it names instead.
    case notSentinel2(String)
    /// The item has no (or a `null`) `datetime`.
    case missingDatetime
    /// The item has no `eo:cloud_cover`.
    case missingCloudCover
    /// The item has no geometry or only empty rings.
    case missingGeometry
    /// Neither the item bbox nor the footprint gives a valid lon/lat box.
    case invalidBoundingBox([Double])
    /// No asset of the item carries a required band.
    case missingBand(SentinelBand)
    /// A required band's href points at a remote location (http, https, s3, ...).
    case remoteHref(band: SentinelBand, href: String)
    /// A required band's href cannot be read as a path or URL.
    case invalidHref(band: SentinelBand, href: String)
    /// A required band's file does not exist.
    case missingFile(band: SentinelBand, url: URL)

    /// A one-line explanation.
    public var description: String {
        switch self {
        case .folderNotFound(let url): "catalog folder \(url.path) does not exist"
        case .notAFolder(let url): "catalog path \(url.path) is a file, not a folder"
        case .notSentinel2(let what): "not a Sentinel-2 item (\(what))"
        case .missingDatetime: "item has no datetime"
        case .missingCloudCover: "item has no eo:cloud_cover"
        case .missingGeometry: "item has no polygon geometry"
        case .invalidBoundingBox(let values): "item bbox \(values) is not a valid lon/lat box"
        case .missingBand(let band):
            "missing required band \(band.rawValue) (asset key \(band.assetKeys.joined(separator: " or ")))"
        case .remoteHref(let band, let href):
            "band \(band.rawValue) href \(href) is remote; only local files are supported"
        case .invalidHref(let band, let href): "band \(band.rawValue) href \(href) is not a valid path or URL"
        case .missingFile(let band, let url): "band \(band.rawValue) file \(url.path) does not exist"
        }
    }

    /// Same as `description`.
    public var errorDescription: String? { description }
}
