/// Why a calculation cannot be done with the files given: permanent (the same files fail the same
/// way), each with a stable code and a message for the surveyor who sent them.
public enum VolcalFailure: Error, Sendable, Hashable, CustomStringConvertible {
    /// The named input (`pre` or `post`) is not a raster GDAL can read; `detail` says what GDAL found.
    case invalidRaster(input: String, detail: String)
    /// The named input raster has no geotransform or no coordinate reference system.
    case noGeoreference(input: String)
    /// The two rasters do not cover any common ground.
    case rastersDisjoint
    /// The shapefile cannot be read (missing `.shx`, damaged files).
    case invalidVector(detail: String)
    /// The shapefile holds no polygon (or not the one asked for).
    case noPolygon(detail: String)
    /// The polygon covers no cell of the rasters.
    case noOverlap
    /// Every cell inside the polygon is nodata in `pre` or `post`.
    case noValidCells(cells: Int)

    /// The stable, snake_case error code.
    public var code: String {
        switch self {
        case .invalidRaster: "invalid_raster"
        case .noGeoreference: "no_georeference"
        case .rastersDisjoint: "rasters_disjoint"
        case .invalidVector: "invalid_vector"
        case .noPolygon: "no_polygon"
        case .noOverlap: "no_overlap"
        case .noValidCells: "no_valid_cells"
        }
    }

    /// What went wrong and what to send instead, in a surveyor's words.
    public var message: String {
        switch self {
        case .invalidRaster(let input, let detail):
            "the '\(input)' file is not a raster elevation model that GDAL can read (GeoTIFF, ERDAS IMG, ASCII grid, ...): \(detail)"
        case .noGeoreference(let input):
            "the '\(input)' raster has no georeference (no geotransform or no coordinate reference system), so it cannot be placed on the ground; export it as a GeoTIFF with its CRS"
        case .rastersDisjoint:
            "the 'pre' and 'post' rasters do not overlap: they cover different ground (check that both are in the CRS their files declare)"
        case .invalidVector(let detail):
            "the shapefile cannot be read; send its .shp and .shx together (the .dbf and .prj are optional): \(detail)"
        case .noPolygon(let detail):
            "the shapefile has no polygon to measure inside: \(detail)"
        case .noOverlap:
            "the polygon lies outside the rasters: no cell of 'pre' is inside it (check the shapefile's .prj and that it outlines the surveyed area)"
        case .noValidCells(let cells):
            "all \(cells) cells inside the polygon are nodata in 'pre' or 'post', so no volume can be computed"
        }
    }

    public var description: String { "\(code): \(message)" }
}
