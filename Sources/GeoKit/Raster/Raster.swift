import CGDAL
import Foundation

/// A GDAL raster dataset, closed when the object goes away.
///
/// Not thread-safe (GDAL datasets are not): use one `Raster` from one thread at a time.
public final class Raster {
    let handle: GDALDatasetH
    /// Datasets this one reads from (the source of a warped VRT), kept open while it lives.
    private let sources: [Raster]

    init(handle: GDALDatasetH, sources: [Raster] = []) {
        self.handle = handle
        self.sources = sources
    }

    deinit { GDALClose(handle) }

    /// Opens a raster file read-only; fails when GDAL cannot read it as a raster.
    public static func open(_ url: URL) throws -> Raster {
        let handle = try GDALCall.run("open raster \(url.lastPathComponent)") {
            GDALOpenEx(url.path, UInt32(GDAL_OF_RASTER | GDAL_OF_READONLY | GDAL_OF_VERBOSE_ERROR), nil, nil, nil)
        }
        return Raster(handle: handle)
    }

    /// Creates a raster with `driver` ("GTiff", "MEM") at `url` (ignored by MEM), with `options` such as
    /// `TILED=YES`.
    public static func create(
        driver: String, at url: URL?, width: Int, height: Int, bands: Int, type: RasterDataType, options: [String] = []
    ) throws -> Raster {
        let name = url?.path ?? ""
        let handle = try GDALCall.run("create \(driver) raster \(url?.lastPathComponent ?? "in memory")") {
            () -> GDALDatasetH? in
            guard let driverHandle = GDALGetDriverByName(driver) else { return nil }
            let list = CStringList(options)
            return GDALCreate(driverHandle, name, Int32(width), Int32(height), Int32(bands), type.gdal, list.pointer)
        }
        return Raster(handle: handle)
    }

    /// Writes a copy of this raster with `driver` ("PNG", "GTiff") to `url`, and closes it.
    public func copy(driver: String, to url: URL, options: [String] = []) throws {
        let copy = try GDALCall.run("write \(driver) \(url.lastPathComponent)", failOnErrorMessage: true) {
            () -> GDALDatasetH? in
            guard let driverHandle = GDALGetDriverByName(driver) else { return nil }
            let list = CStringList(options)
            return GDALCreateCopy(driverHandle, url.path, handle, 0, list.pointer, nil, nil)
        }
        GDALClose(copy)
    }

    public var width: Int { Int(GDALGetRasterXSize(handle)) }
    public var height: Int { Int(GDALGetRasterYSize(handle)) }
    public var bandCount: Int { Int(GDALGetRasterCount(handle)) }
    /// The whole raster as a window.
    public var fullWindow: PixelWindow { PixelWindow(column: 0, row: 0, width: width, height: height) }

    /// The raster's geotransform, or nil when it has none (not georeferenced).
    public var geoTransform: GeoTransform? {
        var coefficients = [Double](repeating: 0, count: 6)
        let found = GDALGetGeoTransform(handle, &coefficients) == CE_None
        return found ? GeoTransform(coefficients: coefficients) : nil
    }

    public func setGeoTransform(_ transform: GeoTransform) throws {
        var coefficients = transform.coefficients
        try GDALCall.check("set geotransform") { GDALSetGeoTransform(handle, &coefficients) }
    }

    /// The raster's coordinate reference system, or nil when it has none.
    public var spatialReference: SpatialReference? {
        GDALGetSpatialRef(handle).map { SpatialReference(cloning: $0) }
    }

    public func setSpatialReference(_ reference: SpatialReference) throws {
        try GDALCall.check("set the coordinate reference system") { GDALSetSpatialRef(handle, reference.handle) }
    }

    /// The nodata value of a band (bands count from 1), nil when it has none.
    public func noDataValue(band: Int = 1) -> Double? {
        var has: Int32 = 0
        let value = GDALGetRasterNoDataValue(GDALGetRasterBand(handle, Int32(band)), &has)
        return has != 0 ? value : nil
    }

    public func setNoDataValue(_ value: Double, band: Int = 1) throws {
        try GDALCall.check("set nodata") { GDALSetRasterNoDataValue(GDALGetRasterBand(handle, Int32(band)), value) }
    }

    /// The description of a band (its name, such as `B02`), empty when it has none.
    public func bandDescription(band: Int) -> String {
        GDALGetDescription(GDALGetRasterBand(handle, Int32(band))).map { String(cString: $0) } ?? ""
    }

    /// Names a band (GeoTIFF keeps it as the band's description).
    public func setBandDescription(_ description: String, band: Int) {
        GDALSetDescription(GDALGetRasterBand(handle, Int32(band)), description)
    }

    /// The cells of `window` in `band`, row by row, resampled (nearest) to `bufferWidth` x `bufferHeight`
    /// when those are given.
    public func read<Cell: RasterCell>(
        _ window: PixelWindow, band: Int = 1, as type: Cell.Type = Cell.self, bufferWidth: Int? = nil,
        bufferHeight: Int? = nil
    ) throws -> [Cell] {
        try io(GF_Read, band: GDALGetRasterBand(handle, Int32(band)), window, bufferWidth, bufferHeight, .zero)
    }

    /// The validity of the cells of `window` in `band` (GDAL's mask band: 0 for nodata, 255 for valid).
    public func readValidity(_ window: PixelWindow, band: Int = 1) throws -> [UInt8] {
        try io(GF_Read, band: GDALGetMaskBand(GDALGetRasterBand(handle, Int32(band))), window, nil, nil, 0)
    }

    /// Writes `cells` (row by row, `window.cellCount` of them) into `window` of `band`.
    public func write<Cell: RasterCell>(_ cells: [Cell], _ window: PixelWindow, band: Int = 1) throws {
        precondition(cells.count == window.cellCount, "write needs one value per cell of the window")
        var buffer = cells
        try GDALCall.check("write raster cells") {
            buffer.withUnsafeMutableBytes { bytes in
                GDALRasterIO(
                    GDALGetRasterBand(handle, Int32(band)), GF_Write, Int32(window.column), Int32(window.row),
                    Int32(window.width), Int32(window.height), bytes.baseAddress, Int32(window.width),
                    Int32(window.height), Cell.gdalType, 0, 0)
            }
        }
    }

    /// Writes pending blocks to disk.
    public func flush() throws {
        try GDALCall.run("flush raster", failOnErrorMessage: true) {
            GDALFlushCache(handle); return ()
        }
    }

    private func io<Cell: RasterCell>(
        _ direction: GDALRWFlag, band: GDALRasterBandH?, _ window: PixelWindow, _ bufferWidth: Int?,
        _ bufferHeight: Int?, _ zero: Cell
    ) throws -> [Cell] {
        let width = bufferWidth ?? window.width
        let height = bufferHeight ?? window.height
        var buffer = [Cell](repeating: zero, count: width * height)
        try GDALCall.check("read raster cells") {
            buffer.withUnsafeMutableBytes { bytes in
                GDALRasterIO(
                    band, direction, Int32(window.column), Int32(window.row), Int32(window.width),
                    Int32(window.height), bytes.baseAddress, Int32(width), Int32(height), Cell.gdalType, 0, 0)
            }
        }
        return buffer
    }
}
