import Foundation

/// The chip index, `chips.csv`, as InstaGeo's chip creator writes one: a row per chip linking its
/// file to its bounding box, step, scene, date and cloud cover.
struct ChipIndex {
    /// One chip's row.
    struct Row {
        let chip: AodChip
        let fileName: String
        let scene: AodStepScene
    }

    static let header = [
        "chip_id", "artifact_id", "file_name", "bbox_index", "step", "row", "column", "target_date", "scene_id",
        "scene_datetime", "cloud_cover",
    ]

    private(set) var rows: [Row] = []

    mutating func append(_ row: Row) {
        rows.append(row)
    }

    /// The CSV text (RFC 4180: fields quoted when they hold a comma, quote or line break).
    var csv: String {
        var lines = [Self.header.joined(separator: ",")]
        for row in rows {
            let fields = [
                row.chip.chipId, row.chip.artifactId, row.fileName, "\(row.chip.bboxIndex)", "\(row.chip.step)",
                "\(row.chip.row)", "\(row.chip.column)", row.scene.targetDate, row.scene.sceneId ?? "",
                row.scene.sceneDatetime ?? "", row.scene.cloudCover.map { "\($0)" } ?? "",
            ]
            lines.append(fields.map(Self.quoted).joined(separator: ","))
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    private static func quoted(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
