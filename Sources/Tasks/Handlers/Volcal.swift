import Foundation
import GeoKit
import Synchronization
import TaskRuntime

extension Handlers {
    /// Measures cut and fill between the job's `pre` and `post` DEMs inside its shapefile's polygons
    /// (``VolumeCalculator``, docs/tasks/volcal.md) and writes the difference raster, the heatmap and
    /// the report as artifacts. Bad inputs fail the job permanently with their codes (``VolcalFailure``).
    static func volcal(_ input: Volcal.Input, _ job: Volcal.Job) async throws -> Volcal.Output {
        let files = job.files
        let inputs = VolcalInputs(
            pre: files.pre, post: files.post, shp: files.shp, shx: files.shx, dbf: files.dbf, prj: files.prj)
        // The input's defaults were filled in at submit; the schema's resampling names are GDAL's.
        let options = VolcalOptions(
            toleranceM: input.toleranceM, resampling: Resampling(rawValue: input.resampling.rawValue) ?? .bilinear,
            allTouched: input.allTouched, featureID: input.featureId, verticalAccuracyM: input.verticalAccuracyM)
        let workDirectory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "volcal-\(job.jobID.lowercasedString)-\(job.attempt)")
        try FileManager.default.createDirectory(at: workDirectory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: workDirectory) }

        let (result, artifacts) = try await VolcalRun.calculate(
            inputs: inputs, options: options, workDirectory: workDirectory, job: job)
        for (url, type) in [
            (artifacts.differenceRaster, "image/tiff"), (artifacts.heatmap, "image/png"),
            (artifacts.report, "application/json"),
        ] {
            _ = try await job.artifacts.write(name: url.lastPathComponent, contentType: type, from: url)
        }
        job.logger.info(
            "volumes measured",
            metadata: ["cutM3": "\(result.totals.cutM3)", "fillM3": "\(result.totals.fillM3)", "crs": "\(result.crs)"])
        return try JSONValue(encoding: result).decode(as: Volcal.Output.self)
    }
}

/// Runs the blocking calculation on a thread of its own, reporting each step's progress to the job
/// and stopping at the next block when the attempt is cancelled.
enum VolcalRun {
    static func calculate(
        inputs: VolcalInputs, options: VolcalOptions, workDirectory: URL, job: Volcal.Job
    ) async throws
        -> (VolumeResult, VolcalArtifacts)
    {
        let cancelled = Atomic<Bool>(false)
        let (steps, continuation) = AsyncStream.makeStream(
            of: VolcalProgress.self, bufferingPolicy: .bufferingNewest(1))
        let calculation = Task {
            try await onOwnThread(named: "volcal") {
                defer { continuation.finish() }
                do {
                    return try VolumeCalculator.run(inputs: inputs, options: options, workDirectory: workDirectory) {
                        progress in
                        if cancelled.load(ordering: .relaxed) { throw CancellationError() }
                        continuation.yield(progress)
                    }
                } catch let failure as VolcalFailure {
                    throw failure.taskError
                }
            }
        }
        await withTaskCancellationHandler {
            var lastStep: VolcalStep?
            for await progress in steps {
                if progress.step != lastStep {
                    job.logger.info("volcal step", metadata: ["step": "\(progress.step)"])
                    lastStep = progress.step
                }
                await job.progress(progress.overallFraction * 100, step: progress.step.rawValue)
            }
        } onCancel: {
            cancelled.store(true, ordering: .relaxed)
        }
        return try await calculation.value
    }
}
