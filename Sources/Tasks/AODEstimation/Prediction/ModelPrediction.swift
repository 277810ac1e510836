import Atmosphere
import Foundation
import TaskRuntime

/// Stage `model_prediction`: runs the ``AODModel`` on every chip stage `data_processing` handed over,
/// stores each chip's AOD GeoTIFF and PNG preview as artifacts, and sums up the AOD per bounding box
/// and step, beside the scene's L2A AOT band where it has one.
enum ModelPrediction {
    static func run(
        _ input: AodEstimation.Input, _ previous: AodEstimation.DataProcessingOutput, job: JobContext,
        model: any AODModel = DarkDenseVegetationModel()
    ) async throws -> AodEstimation.Output {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "aod-predictions-\(job.jobID.uuidString.lowercased())-\(job.attempt)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }

        var sums: [StepKey: StepSums] = [:]
        var chipResults: [AodChipResult] = []
        for (done, chip) in previous.chips.enumerated() {
            try job.checkCancellation()
            let key = StepKey(bboxIndex: chip.bboxIndex, step: chip.step)
            guard let scene = previous.steps.first(where: { StepKey(bboxIndex: $0.bboxIndex, step: $0.step) == key }),
                let geometry = scene.geometry, let artifactID = UUID(uuidString: chip.artifactId)
            else {
                throw TaskError.permanent(
                    .invalidInput, "chip \(chip.chipId) has no scene geometry or artifact in the stage hand-over")
            }
            let chipFile = try job.stageArtifact(artifactID)
            let aodFile = folder.appendingPathComponent("aod-\(chip.chipId).tif")
            let previewFile = folder.appendingPathComponent("aod-\(chip.chipId).png")
            let prediction = try await onOwnThread(named: "aod-model") {
                try ChipPrediction(
                    chip: chipFile, model: model, geometry: geometry, aodFile: aodFile, previewFile: previewFile)
            }
            let aodArtifact = try await job.artifacts.write(
                name: aodFile.lastPathComponent, contentType: "image/tiff; application=geotiff", from: aodFile)
            let previewArtifact = try await job.artifacts.write(
                name: previewFile.lastPathComponent, contentType: "image/png", from: previewFile)
            for file in [aodFile, previewFile] { try? FileManager.default.removeItem(at: file) }
            sums[key, default: StepSums()].merge(prediction)
            chipResults.append(
                AodChipResult(
                    chipId: chip.chipId, bboxIndex: chip.bboxIndex, step: chip.step,
                    aodArtifactId: aodArtifact.id.uuidString.lowercased(),
                    previewArtifactId: previewArtifact.id.uuidString.lowercased(), aod: prediction.aod.statistics,
                    retrieval: prediction.retrieval))
            await job.progress(Double(done + 1) / Double(previous.chips.count) * 100, step: "retrieving")
        }
        let results = previous.steps.map { scene in
            result(
                for: scene, bbox: input.bboxes[scene.bboxIndex],
                sums: sums[StepKey(bboxIndex: scene.bboxIndex, step: scene.step)])
        }
        for result in results {
            job.logger.info(
                "aod estimated",
                metadata: [
                    "bboxIndex": "\(result.bboxIndex)", "step": "\(result.step)", "status": "\(result.status.rawValue)",
                    "meanAOD": "\(result.aod?.mean.map { String(format: "%.4f", $0) } ?? "none")",
                ])
        }
        return AodEstimation.Output(
            model: model.name, chipIndex: previous.chipIndex, results: results, chips: chipResults)
    }

    private static func result(for scene: AodStepScene, bbox: [Double], sums: StepSums?) -> AodStepResult {
        var result = AodStepResult(
            bboxIndex: scene.bboxIndex, bbox: bbox, step: scene.step, targetDate: scene.targetDate, status: .noScene,
            reason: scene.reason, sceneId: scene.sceneId, sceneDatetime: scene.sceneDatetime,
            cloudCover: scene.cloudCover)
        guard scene.sceneId != nil, let sums, sums.aod.pixels > 0 else { return result }
        let aod = sums.aod.statistics
        result.aod = aod
        result.status = aod.validPixels > 0 ? .ok : .noValidPixels
        if aod.validPixels == 0 {
            result.reason = "no dark dense vegetation outside clouds, cloud shadows and water in the bounding box"
        }
        if scene.hasAot == true {
            result.l2aAot = sums.aot.statistics
            result.difference = sums.difference.difference
        }
        return result
    }

    /// A bounding box and step.
    private struct StepKey: Hashable {
        let bboxIndex: Int
        let step: Int
    }

    /// What the chips of one bounding box and step add up to.
    private struct StepSums {
        var aod = AODStatisticsBuilder()
        var aot = AODStatisticsBuilder()
        var difference = AODDifferenceBuilder()

        mutating func merge(_ chip: ChipPrediction) {
            aod.merge(chip.aod)
            aot.merge(chip.aot)
            difference.merge(chip.difference)
        }
    }
}

extension AodStepScene {
    /// The scene's sun and view angles, when a scene was chosen.
    var geometry: SunViewGeometry? {
        guard let solarZenith, let viewZenith, let relativeAzimuth else { return nil }
        return SunViewGeometry(solarZenith: solarZenith, viewZenith: viewZenith, relativeAzimuth: relativeAzimuth)
    }
}
