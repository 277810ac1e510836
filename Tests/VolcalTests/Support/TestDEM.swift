import CGDAL
import Foundation
import GeoKit
import TaskRuntime

@testable import Tasks

/// Writes the tests' surfaces (GeoTIFFs through GDAL) and polygons (shapefiles through OGR) into a
/// directory of its own, removed when the object goes away, and runs the calculation on them.
final class TestDEM {
    let directory: URL

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("volcal-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: directory) }

    /// A single-band Float32 GeoTIFF of `width` x `height` cells at `grid` in `epsg` (nil: no CRS;
    /// `georeferenced: false`: neither CRS nor geotransform), whose cell value is `height(x, y)` at the
    /// cell's centre; a nil height is nodata (−9999).
    func raster(
        _ name: String, width: Int, height: Int, grid: GeoTransform, epsg: Int?, georeferenced: Bool = true,
        _ surface: (Double, Double) -> Double?
    ) throws -> URL {
        let url = directory.appendingPathComponent("\(name).tif")
        let raster = try Raster.create(driver: "GTiff", at: url, width: width, height: height, bands: 1, type: .float32)
        if georeferenced {
            try raster.setGeoTransform(grid)
            if let epsg { try raster.setSpatialReference(SpatialReference(epsg: epsg)) }
        }
        try raster.setNoDataValue(-9999)
        var cells = [Float](repeating: -9999, count: width * height)
        for row in 0..<height {
            for column in 0..<width {
                let centre = grid.map(column: Double(column) + 0.5, row: Double(row) + 0.5)
                if let value = surface(centre.x, centre.y) { cells[row * width + column] = Float(value) }
            }
        }
        try raster.write(cells, raster.fullWindow)
        return url
    }

    /// A shapefile of one feature per WKT geometry (in `epsg`; nil writes no `.prj`), its parts renamed
    /// the way uploads arrive (arbitrary names, no common stem).
    func shapefile(
        _ name: String, _ wkts: [String], epsg: Int?, type: OGRwkbGeometryType = wkbPolygon
    ) throws
        -> (shp: URL, shx: URL, dbf: URL, prj: URL?)
    {
        let path = directory.appendingPathComponent("\(name).shp").path
        let dataset = GDALCreate(GDALGetDriverByName("ESRI Shapefile"), path, 0, 0, 0, GDT_Unknown, nil)!
        let reference = epsg.map { code -> OGRSpatialReferenceH in
            let handle = OSRNewSpatialReference(nil)!
            OSRImportFromEPSG(handle, Int32(code))
            return handle
        }
        let layer = GDALDatasetCreateLayer(dataset, name, reference, type, nil)!
        let field = OGR_Fld_Create("name", OFTString)
        OGR_L_CreateField(layer, field, 1)
        OGR_Fld_Destroy(field)
        for (index, wkt) in wkts.enumerated() {
            let feature = OGR_F_Create(OGR_L_GetLayerDefn(layer))!
            OGR_F_SetFieldString(feature, 0, "feature \(index)")
            var geometry: OGRGeometryH?
            var text: UnsafeMutablePointer<CChar>? = strdup(wkt)
            let start = text
            let parsed = OGR_G_CreateFromWkt(&text, nil, &geometry)
            free(start)
            OGR_F_SetGeometryDirectly(feature, geometry)
            let created = OGR_L_CreateFeature(layer, feature)
            OGR_F_Destroy(feature)
            guard parsed == OGRERR_NONE, created == OGRERR_NONE else {
                throw GeoError(operation: "write test feature \(wkt)", messages: [])
            }
        }
        GDALClose(dataset)
        reference.map { OSRRelease($0) }
        func upload(_ suffix: String) throws -> URL {
            let source = directory.appendingPathComponent("\(name).\(suffix)")
            let target = directory.appendingPathComponent("upload-\(UUID().uuidString)")
            try FileManager.default.moveItem(at: source, to: target)
            return target
        }
        return (try upload("shp"), try upload("shx"), try upload("dbf"), epsg == nil ? nil : try upload("prj"))
    }

    /// Runs the calculation on `pre`, `post` and the shapefile, in a work directory inside this one.
    func run(
        pre: URL, post: URL, shapefile: (shp: URL, shx: URL, dbf: URL, prj: URL?),
        options: VolcalOptions = VolcalOptions(),
        progress: @escaping @Sendable (VolcalProgress) -> Void = { _ in }
    ) async throws -> (result: VolumeResult, artifacts: VolcalArtifacts) {
        let inputs = VolcalInputs(
            pre: pre, post: post, shp: shapefile.shp, shx: shapefile.shx, dbf: shapefile.dbf, prj: shapefile.prj)
        let workDirectory = directory.appendingPathComponent("work-\(UUID().uuidString)")
        // Off the threads that run Swift tasks, as the handler runs it, and one calculation at a time:
        // the tests of the other suites share these two resources (and their deadlines).
        return try await onOwnThread(named: "volcal") {
            Self.oneAtATime.wait()
            defer { Self.oneAtATime.signal() }
            return try VolumeCalculator.run(
                inputs: inputs, options: options, workDirectory: workDirectory, progress: progress)
        }
    }

    private static let oneAtATime = DispatchSemaphore(value: 1)
}

extension TestDEM {
    /// The end-to-end inputs: a flat 100 m pre surface, the pit and mound after (cut 400 m³, fill
    /// 600 m³) on a 1 m grid of 100 × 100 cells, and a square area of interest without a CRS.
    func pitAndMoundUploads() throws -> (pre: URL, post: URL, shapefile: (shp: URL, shx: URL, dbf: URL, prj: URL?)) {
        let grid = UTMGrid(width: 100, height: 100, cell: 1)
        let pre = try raster("pre", on: grid) { _, _ in 100 }
        let post = try raster("post", on: grid) { x, y in 100 + Surfaces.pitAndMound(x, y) }
        return (pre, post, try shapefile("aoi", [UTMGrid.square(5, 5, 95, 95)], epsg: nil))
    }
}
