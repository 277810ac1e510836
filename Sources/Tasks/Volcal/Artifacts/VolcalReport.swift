import Foundation
import GeoKit

/// The JSON report: the result's figures at the top level, the inputs' file names, and the GDAL
/// version that computed them.
struct VolcalReport: Encodable {
    var result: VolumeResult
    var inputs: [String: String]
    var gdalVersion: String

    init(result: VolumeResult, inputs: VolcalInputs) {
        self.result = result
        let named: [(String, URL?)] = [
            ("pre", inputs.pre), ("post", inputs.post), ("shp", inputs.shp), ("shx", inputs.shx), ("dbf", inputs.dbf),
            ("prj", inputs.prj),
        ]
        self.inputs = Dictionary(
            uniqueKeysWithValues: named.compactMap { key, url in url.map { (key, $0.lastPathComponent) } })
        gdalVersion = GDALEnvironment.version
    }

    enum CodingKeys: String, CodingKey {
        case inputs, gdalVersion = "gdal_version"
    }

    func encode(to encoder: any Encoder) throws {
        try result.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(inputs, forKey: .inputs)
        try container.encode(gdalVersion, forKey: .gdalVersion)
    }

    /// Writes the report as pretty-printed JSON with sorted keys.
    func write(to url: URL) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try encoder.encode(self).write(to: url, options: .atomic)
    }
}
