import Atmosphere
import Foundation

/// A Sentinel-2 L2A scene of the catalog, with local band files.
public struct Scene: Sendable, Hashable {
    /// Item id.
    public var id: String
    /// Acquisition time.
    public var datetime: Date
    /// Cloudy share of the scene in percent.
    public var cloudCover: Double
    /// Outer ring of every polygon of the item geometry (one ring for a Polygon, one per part for a
    /// MultiPolygon); holes are dropped.
    public var footprint: [[LonLat]]
    /// Lon/lat box of the scene (the item bbox, or the box around the footprint).
    public var bbox: GeoBoundingBox
    /// EPSG code of the band grids (`proj:epsg`, or `proj:code` `EPSG:n`), if the item gives one.
    public var epsg: Int?
    /// Sun and view angles of the scene (see `STACItem.scene(itemURL:)` for where they come from).
    public var geometry: SunViewGeometry
    /// The band files present: every required band, and B11 and AOT when the item has them locally.
    public var bands: [SentinelBand: BandAsset]
    /// The STAC item file the scene was read from.
    public var itemURL: URL

    /// A scene from its parts.
    public init(
        id: String, datetime: Date, cloudCover: Double, footprint: [[LonLat]], bbox: GeoBoundingBox,
        epsg: Int?, geometry: SunViewGeometry, bands: [SentinelBand: BandAsset], itemURL: URL
    ) {
        self.id = id
        self.datetime = datetime
        self.cloudCover = cloudCover
        self.footprint = footprint
        self.bbox = bbox
        self.epsg = epsg
        self.geometry = geometry
        self.bands = bands
        self.itemURL = itemURL
    }

    /// Fraction (0...1) of `bbox` inside the footprint, estimated from the centres of a 32×32 grid
    /// of points over the box (point-in-polygon on lon/lat).
    public func coverage(of bbox: GeoBoundingBox) -> Double {
        FootprintGeometry.fractionInside(bbox, rings: footprint)
    }

    /// Whether the footprint and `bbox` share at least one point.
    public func intersects(_ bbox: GeoBoundingBox) -> Bool {
        self.bbox.intersects(bbox) && FootprintGeometry.intersects(bbox, rings: footprint)
    }

    /// Whether the scene has the Sen2Cor AOT band.
    public var hasAOT: Bool { bands[.AOT] != nil }
    /// Whether the scene carries the L2A water vapour band (WVP).
    public var hasWVP: Bool { bands[.WVP] != nil }
}
