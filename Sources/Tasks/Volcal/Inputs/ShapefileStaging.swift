import Foundation

/// Puts the parts of a shapefile, uploaded as separate files with arbitrary names, side by side as
/// `aoi.shp`, `aoi.shx`, `aoi.dbf` and `aoi.prj`, which is how GDAL finds them.
enum ShapefileStaging {
    /// Links (or copies) the parts into `directory` and returns the URL of `aoi.shp`. A missing
    /// required part is not an error here: GDAL then refuses to open the shapefile.
    static func stage(_ inputs: VolcalInputs, in directory: URL) throws -> URL {
        let files = FileManager.default
        try files.createDirectory(at: directory, withIntermediateDirectories: true)
        let parts: [(String, URL?)] = [
            ("shp", inputs.shp), ("shx", inputs.shx), ("dbf", inputs.dbf), ("prj", inputs.prj),
        ]
        for case let (suffix, source?) in parts where files.fileExists(atPath: source.path) {
            let target = directory.appendingPathComponent("aoi.\(suffix)")
            try? files.removeItem(at: target)
            do {
                try files.createSymbolicLink(at: target, withDestinationURL: source.absoluteURL)
            } catch {
                try files.copyItem(at: source, to: target)
            }
        }
        return directory.appendingPathComponent("aoi.shp")
    }
}
