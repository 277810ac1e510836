import Atmosphere
import Foundation
import Sentinel2
import TaskRuntime

/// Stage `data_processing`, the chip creator: picks a scene for every bounding box and step
/// (``ScenePicker``), cuts it into chips (``ChipCutter``), stores each chip and the chip index
/// `chips.csv` as artifacts, and hands their IDs to stage `model_prediction`.
enum DataProcessing {
    static func run(_ input: AodEstimation.Input, job: JobContext) async throws -> AodEstimation.DataProcessingOutput {
        let request = try AODRequest(input)
        let catalog = try await onOwnThread(named: "aod-catalog") {
            try job.services.require(SceneCatalogLocation.self).catalog()
        }
        var selections: [[StepSelection]] = []
        for series in request.series {
            selections.append(try await ScenePicker.select(series, from: catalog))
        }
        for (index, steps) in selections.enumerated() where steps.allSatisfy({ $0.scene == nil }) {
            throw NoSceneFound(bboxIndex: index, box: input.bboxes[index], steps: steps).taskError
        }

        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "aod-chips-\(job.jobID.uuidString.lowercased())-\(job.attempt)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }

        var chips: [AodChip] = []
        var scenes: [AodStepScene] = []
        var index = ChipIndex()
        let total = selections.reduce(0) { $0 + $1.count }
        for (bboxIndex, steps) in selections.enumerated() {
            for selection in steps {
                try job.checkCancellation()
                var record = stepRecord(bboxIndex: bboxIndex, selection)
                if let scene = selection.scene {
                    let cutter = ChipCutter(scene: scene, bbox: request.boxes[bboxIndex], chipSize: input.chipSize)
                    let cut = try await onOwnThread(named: "aod-chips") {
                        try cutter.cut(into: folder) { row, column in
                            "chip-\(chipID(bboxIndex: bboxIndex, step: selection.step, row: row, column: column)).tif"
                        }
                    }
                    for piece in cut {
                        let artifact = try await job.artifacts.write(
                            name: piece.file.lastPathComponent, contentType: "image/tiff; application=geotiff",
                            from: piece.file)
                        try? FileManager.default.removeItem(at: piece.file)
                        let chip = AodChip(
                            chipId: chipID(
                                bboxIndex: bboxIndex, step: selection.step, row: piece.row, column: piece.column),
                            artifactId: artifact.id.uuidString.lowercased(), bboxIndex: bboxIndex, step: selection.step,
                            row: piece.row, column: piece.column)
                        chips.append(chip)
                        index.append(ChipIndex.Row(chip: chip, fileName: piece.file.lastPathComponent, scene: record))
                    }
                    record.chips = cut.count
                    if cut.isEmpty { record.reason = "scene \(scene.id) has no data over the bounding box" }
                }
                scenes.append(record)
                job.logger.info(
                    "step prepared",
                    metadata: [
                        "bboxIndex": "\(bboxIndex)", "step": "\(selection.step)",
                        "scene": "\(record.sceneId ?? "none")",
                        "chips": "\(record.chips)",
                    ])
                await job.progress(Double(scenes.count) / Double(total) * 100, step: "chipping")
            }
        }
        for bboxIndex in input.bboxes.indices where !chips.contains(where: { $0.bboxIndex == bboxIndex }) {
            throw NoSceneFound(bboxIndex: bboxIndex, box: input.bboxes[bboxIndex], steps: selections[bboxIndex])
                .taskError
        }
        let chipIndex = try await job.artifacts.write(
            name: "chips.csv", contentType: "text/csv", from: Data(index.csv.utf8))
        return AodEstimation.DataProcessingOutput(
            chipIndex: chipIndex.id.uuidString.lowercased(), chips: chips, steps: scenes)
    }

    /// `b<bbox>-s<step>-r<row>-c<column>`.
    static func chipID(bboxIndex: Int, step: Int, row: Int, column: Int) -> String {
        "b\(bboxIndex)-s\(step)-r\(row)-c\(column)"
    }

    private static func stepRecord(bboxIndex: Int, _ selection: StepSelection) -> AodStepScene {
        var record = AodStepScene(
            bboxIndex: bboxIndex, step: selection.step, targetDate: AODRequest.dayString(selection.targetDate),
            chips: 0,
            reason: selection.reason)
        if let scene = selection.scene {
            record.sceneId = scene.id
            record.sceneDatetime = scene.datetime.formatted(.iso8601)
            record.cloudCover = scene.cloudCover
            record.hasAot = scene.hasAOT
            record.solarZenith = scene.geometry.solarZenith
            record.viewZenith = scene.geometry.viewZenith
            record.relativeAzimuth = scene.geometry.relativeAzimuth
        }
        return record
    }
}
