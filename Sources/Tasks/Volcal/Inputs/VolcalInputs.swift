import Foundation

/// The uploaded files of one calculation, under whatever names they arrived with.
public struct VolcalInputs: Sendable, Hashable {
    /// The surface before (any raster GDAL reads: GeoTIFF, ERDAS IMG, ASCII grid, ...).
    public var pre: URL
    /// The surface after; resampled onto `pre`'s grid when the grids differ.
    public var post: URL
    /// The shapefile's geometry (`.shp`) and index (`.shx`), both required.
    public var shp: URL
    public var shx: URL
    /// The shapefile's attributes (`.dbf`) and CRS (`.prj`), both optional; without a `.prj` the
    /// polygon is taken to be in the rasters' CRS, and the result says so.
    public var dbf: URL?
    public var prj: URL?

    public init(pre: URL, post: URL, shp: URL, shx: URL, dbf: URL? = nil, prj: URL? = nil) {
        self.pre = pre
        self.post = post
        self.shp = shp
        self.shx = shx
        self.dbf = dbf
        self.prj = prj
    }
}
