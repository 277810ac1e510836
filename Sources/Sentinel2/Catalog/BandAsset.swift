import Foundation

/// One band file of a scene and how its stored numbers become physical values:
/// `value = DN · scale + offset`; cells whose DN equals `nodata` are missing.
public struct BandAsset: Sendable, Hashable {
    /// The local file.
    public var url: URL
    /// Multiplier from DN to value.
    public var scale: Double
    /// Added after scaling.
    public var offset: Double
    /// The DN of missing cells, if any.
    public var nodata: Double?

    /// A band file with its scaling.
    public init(url: URL, scale: Double, offset: Double, nodata: Double?) {
        self.url = url
        self.scale = scale
        self.offset = offset
        self.nodata = nodata
    }
}
