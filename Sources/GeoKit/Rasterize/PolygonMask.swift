import CGDAL

/// Burns polygons into a grid of cells: GDAL's rasterizer on an in-memory dataset, so memory stays at
/// one byte per cell of the grid asked for.
public enum PolygonMask {
    /// One byte per cell of the `width` x `height` grid at `transform` (row by row): 1 where the cell
    /// belongs to one of the polygons, 0 elsewhere. A cell belongs when its centre is inside, or with
    /// `allTouched` when the polygon touches it at all. The geometries must be in the grid's CRS.
    public static func cells(
        of geometries: [Geometry], width: Int, height: Int, transform: GeoTransform, allTouched: Bool
    ) throws -> [UInt8] {
        let grid = try Raster.create(driver: "MEM", at: nil, width: width, height: height, bands: 1, type: .byte)
        try grid.setGeoTransform(transform)
        var handles: [OGRGeometryH?] = geometries.map(\.handle)
        var bands: [Int32] = [1]
        var burn = [Double](repeating: 1, count: geometries.count)
        let options = CStringList(allTouched ? ["ALL_TOUCHED=TRUE"] : [])
        try GDALCall.check("rasterize the polygons") {
            GDALRasterizeGeometries(
                grid.handle, 1, &bands, Int32(handles.count), &handles, nil, nil, &burn, options.pointer, nil, nil)
        }
        return try withExtendedLifetime(geometries) { try grid.read(grid.fullWindow, as: UInt8.self) }
    }
}
