import Atmosphere
import Foundation
import GeoKit

/// Writes synthetic Sentinel-2 scene catalogs: the shape of L1C-like top-of-atmosphere reflectance in
/// an L2A-style product layout, forward-modelled from a known aerosol field over a synthetic land of
/// dark vegetation, bare soil and water with clouds and their shadows, so that the AOD retrieval can
/// be tested against the truth.
public enum SyntheticCatalog {
    /// The reflectance bands written (asset keys and file names without `.tif`), in the order of
    /// ``TOALookup/bands``.
    static let reflectanceBandNames = ["B02", "B04", "B8A", "B11", "B12"]
    /// Rows computed and written at a time (a multiple of the GeoTIFF tile height, 256).
    static let rowsPerBlock = 256
    /// GeoTIFF creation options of the integer bands.
    static let integerOptions = ["TILED=YES", "COMPRESS=DEFLATE", "PREDICTOR=2"]
    /// GeoTIFF creation options of the Float32 truth.
    static let floatOptions = ["TILED=YES", "COMPRESS=DEFLATE"]

    /// Writes one scene per area and date into `folder/<id>/` (B02.tif, B04.tif, B8A.tif, B11.tif,
    /// B12.tif, SCL.tif, AOT.tif unless `includeAOT` is off, WVP.tif when `includeWVP` is on,
    /// truth_aod.tif and the STAC item `<id>.json`) and returns them, area by area and date by date within an area. The same spec
    /// writes the same bytes.
    public static func write(_ spec: SyntheticCatalogSpec, to folder: URL) throws -> [SyntheticScene] {
        precondition(spec.pixelSize > 0, "the pixel size must be positive")
        // The 6S table ends at AOD 3: a scene beyond it would be made by clamping, not by 6S.
        precondition(spec.aod.bounds.upperBound <= 3, "the AOD field must stay within 0...3, the 6S table's range")
        precondition(
            (0...6).contains(spec.waterVapour), "the water vapour must lie within 0...6 g/cm², the 6S table's range")
        var scenes: [SyntheticScene] = []
        for areaIndex in spec.areas.indices {
            for dateIndex in spec.dates.indices {
                let model = try SyntheticSceneModel(spec, area: areaIndex, date: dateIndex)
                scenes.append(try write(model, spec: spec, to: folder))
            }
        }
        return scenes
    }

    /// Writes the scene of `model` into `folder/<id>/`.
    static func write(_ model: SyntheticSceneModel, spec: SyntheticCatalogSpec, to folder: URL) throws -> SyntheticScene
    {
        let directory = folder.appendingPathComponent(model.id, isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let cloudCells = try writeRasters(model, spec: spec, in: directory)
        let cellCount = model.width * model.height
        let cloudCover = cellCount > 0 ? 100 * Double(cloudCells) / Double(cellCount) : 0
        let itemURL = directory.appendingPathComponent("\(model.id).json")
        let item = SyntheticItem.make(model, spec: spec, cloudCover: cloudCover)
        try item.encoded().write(to: itemURL)
        return SyntheticScene(
            id: model.id, itemURL: itemURL, cloudCover: cloudCover, date: model.acquired, epsg: model.epsg,
            areaIndex: model.areaIndex)
    }

    /// A georeferenced GeoTIFF for the scene's grid with nodata set.
    static func create(
        _ name: String, in directory: URL, _ model: SyntheticSceneModel, type: RasterDataType, noData: Double?,
        reference: SpatialReference
    ) throws -> Raster {
        let raster = try Raster.create(
            driver: "GTiff", at: directory.appendingPathComponent(name), width: model.width, height: model.height,
            bands: 1, type: type, options: type == .float32 ? floatOptions : integerOptions)
        try raster.setGeoTransform(model.geoTransform)
        try raster.setSpatialReference(reference)
        if let noData { try raster.setNoDataValue(noData) }
        return raster
    }

    /// A reflectance as a UInt16 DN (ρ·10000, 1...65535; 0 is nodata).
    @inline(__always)
    static func reflectanceDN(_ value: Double) -> UInt16 {
        UInt16(min(65535, max(1, (value * 10000).rounded())))
    }

    /// Writes the rasters block of rows by block of rows; returns the number of cloud cells.
    static func writeRasters(_ model: SyntheticSceneModel, spec: SyntheticCatalogSpec, in directory: URL) throws -> Int
    {
        let includeAOT = spec.includeAOT
        let reference = try SpatialReference(epsg: model.epsg)
        let bandRasters = try reflectanceBandNames.map {
            try create("\($0).tif", in: directory, model, type: .uint16, noData: 0, reference: reference)
        }
        let scl = try create("SCL.tif", in: directory, model, type: .byte, noData: 0, reference: reference)
        let aot =
            includeAOT
            ? try create("AOT.tif", in: directory, model, type: .uint16, noData: 0, reference: reference) : nil
        let truth = try create("truth_aod.tif", in: directory, model, type: .float32, noData: nil, reference: reference)
        let wvp =
            spec.includeWVP
            ? try create("WVP.tif", in: directory, model, type: .uint16, noData: 0, reference: reference) : nil
        let wvpCells = [UInt16](
            repeating: UInt16(max(1, (spec.waterVapour * 1000).rounded())), count: rowsPerBlock * model.width)

        let lookup = try TOALookup(geometry: model.geometry, gas: .standard(waterVapour: spec.waterVapour))
        let width = model.width
        var cloudCells = 0
        for top in stride(from: 0, to: model.height, by: rowsPerBlock) {
            let rows = min(rowsPerBlock, model.height - top)
            let count = rows * width
            var bands = [[UInt16]](repeating: [UInt16](repeating: 0, count: count), count: reflectanceBandNames.count)
            var classes = [UInt8](repeating: 0, count: count)
            var aotCells = [UInt16](repeating: 0, count: includeAOT ? count : 0)
            var truthCells = [Float](repeating: 0, count: count)
            for row in 0..<rows {
                for column in 0..<width {
                    let index = row * width + column
                    let cell = model.cell(column: column, row: top + row)
                    classes[index] = cell.scl
                    truthCells[index] = Float(cell.aod)
                    if includeAOT { aotCells[index] = UInt16(min(65535, max(1, (cell.aod * 1000).rounded()))) }
                    if let cloud = cell.cloud {
                        cloudCells += 1
                        let dn = reflectanceDN(cloud)
                        for band in bands.indices { bands[band][index] = dn }
                    } else {
                        let surface = cell.surface
                        bands[0][index] = reflectanceDN(
                            lookup.topOfAtmosphere(band: 0, surface: surface.blue, aod: cell.aod))
                        bands[1][index] = reflectanceDN(
                            lookup.topOfAtmosphere(band: 1, surface: surface.red, aod: cell.aod))
                        bands[2][index] = reflectanceDN(
                            lookup.topOfAtmosphere(band: 2, surface: surface.nir, aod: cell.aod))
                        bands[3][index] = reflectanceDN(
                            lookup.topOfAtmosphere(band: 3, surface: surface.swir16, aod: cell.aod))
                        bands[4][index] = reflectanceDN(
                            lookup.topOfAtmosphere(band: 4, surface: surface.swir22, aod: cell.aod))
                    }
                }
            }
            let window = PixelWindow(column: 0, row: top, width: width, height: rows)
            for (raster, cells) in zip(bandRasters, bands) { try raster.write(cells, window) }
            try scl.write(classes, window)
            if let aot { try aot.write(aotCells, window) }
            if let wvp { try wvp.write(Array(wvpCells.prefix(count)), window) }
            try truth.write(truthCells, window)
        }
        for raster in bandRasters { try raster.flush() }
        try scl.flush()
        try aot?.flush()
        try wvp?.flush()
        try truth.flush()
        return cloudCells
    }
}
