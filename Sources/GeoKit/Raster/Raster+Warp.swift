import CGDAL

extension Raster {
    /// This raster resampled onto the grid of `reference` (its CRS, geotransform and size) as a
    /// virtual dataset computed block by block when read, as Float32 with nodata NaN outside
    /// this raster's valid cells.
    public func warped(onto reference: Raster, resampling: Resampling) throws -> Raster {
        guard let transform = reference.geoTransform, transform.isNorthUp,
            let target = reference.spatialReference
        else {
            throw GeoError(operation: "warp: the reference raster has no north-up georeference", messages: [])
        }
        let extent = transform.extent(width: reference.width, height: reference.height)
        let arguments = [
            "-of", "VRT", "-t_srs", target.wkt, "-te", "\(extent.minX)", "\(extent.minY)", "\(extent.maxX)",
            "\(extent.maxY)", "-ts", "\(reference.width)", "\(reference.height)", "-r", resampling.gdalName,
            "-ot", "Float32", "-dstnodata", "nan",
        ]
        let list = CStringList(arguments)
        let options = try GDALCall.run("read the warp options") { GDALWarpAppOptionsNew(list.pointer, nil) }
        defer { GDALWarpAppOptionsFree(options) }
        let handle = try GDALCall.run("warp onto the reference grid") { warp(options) }
        return Raster(handle: handle, sources: [self])
    }

    private func warp(_ options: OpaquePointer) -> GDALDatasetH? {
        var source: GDALDatasetH? = handle
        var usageError: Int32 = 0
        return GDALWarp("", nil, 1, &source, options, &usageError)
    }
}
