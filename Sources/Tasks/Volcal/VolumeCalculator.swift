import Foundation
import GeoKit

/// Computes cut and fill between two surfaces inside a polygon, block by block, and writes the
/// difference raster, the heatmap and the report (method: docs/tasks/volcal.md).
///
/// Runs synchronously on the calling thread, with GDAL objects of its own: several calculations may
/// run at once on different threads.
public enum VolumeCalculator {
    /// Runs the calculation of `inputs` with `options`, writing its files (and the staged shapefile)
    /// into `workDirectory`. `progress` is called at each step and after each block; it may throw
    /// (`CancellationError`, say) to stop the calculation.
    ///
    /// Throws ``VolcalFailure`` for inputs no calculation can use, and ``GeoError`` when GDAL fails
    /// otherwise (a full disk, say).
    public static func run(
        inputs: VolcalInputs, options: VolcalOptions, workDirectory: URL,
        progress: (VolcalProgress) throws -> Void = { _ in }
    ) throws -> (result: VolumeResult, artifacts: VolcalArtifacts) {
        try progress(VolcalProgress(step: .reading, stepFraction: 0))
        let rasters = try DEMPair.open(pre: inputs.pre, post: inputs.post)
        let shapefile = try ShapefileStaging.stage(inputs, in: workDirectory.appendingPathComponent("aoi"))

        try progress(VolcalProgress(step: .aligning, stepFraction: 0))
        let pair = try DEMPair.aligned(pre: rasters.pre, post: rasters.post, resampling: options.resampling)

        try progress(VolcalProgress(step: .masking, stepFraction: 0))
        let area = try AreaOfInterest.load(shapefile: shapefile, featureID: options.featureID, crs: pair.crs)
        let window = try coveredWindow(of: area, on: pair)
        let cellAreas = CellAreaModel(grid: pair.grid, crs: pair.crs)

        let artifacts = VolcalArtifacts(directory: workDirectory)
        let tallies = try BlockSummation(pair: pair, area: area, cellAreas: cellAreas, options: options)
            .run(window: window, writingTo: artifacts.differenceRaster) { fraction in
                try progress(VolcalProgress(step: .computing, stepFraction: fraction))
            }
        guard tallies.total.validCells + tallies.total.nodataCells > 0 else { throw VolcalFailure.noOverlap }
        guard tallies.total.validCells > 0 else {
            throw VolcalFailure.noValidCells(cells: tallies.total.nodataCells)
        }

        try progress(VolcalProgress(step: .rendering, stepFraction: 0))
        let cellSize = cellAreas.cellSize(row: window.row + window.height / 2)
        let result = VolumeResult(
            totals: tallies.total.figures(polygonAreaM2: area.parts.map(\.areaM2).reduce(0, +)),
            cellSizeM: cellSize, crs: pair.crs.authorityCode ?? pair.crs.name ?? "unnamed CRS",
            polygonCRSAssumed: area.crsAssumed, postResampled: pair.postResampled, options: options,
            uncertainty: VolumeUncertainty(
                verticalAccuracyM: options.verticalAccuracyM, cellAreaSum: tallies.total.validArea,
                cellAreaSquaredSum: tallies.total.validAreaSquared),
            features: area.parts.count > 1
                ? zip(area.parts, tallies.perFeature).map { part, tally in
                    FeatureVolume(featureID: part.featureID, figures: tally.figures(polygonAreaM2: part.areaM2))
                } : [],
            notes: notes(area: area, pair: pair, options: options))
        try HeatmapRenderer.render(
            differenceRaster: artifacts.differenceRaster, toleranceM: options.toleranceM, metresPerCell: cellSize,
            to: artifacts.heatmap)
        try progress(VolcalProgress(step: .rendering, stepFraction: 0.5))
        try VolcalReport(result: result, inputs: inputs).write(to: artifacts.report)
        try progress(VolcalProgress(step: .rendering, stepFraction: 1))
        return (result, artifacts)
    }

    /// The cells of the grid under the polygons' bounding rectangle; fails when there are none.
    private static func coveredWindow(of area: AreaOfInterest, on pair: DEMPair) throws -> PixelWindow {
        guard let overlap = area.envelope.intersection(pair.grid.extent(width: pair.width, height: pair.height))
        else { throw VolcalFailure.noOverlap }
        let a = pair.grid.pixel(x: overlap.minX, y: overlap.minY)
        let b = pair.grid.pixel(x: overlap.maxX, y: overlap.maxY)
        let left = max(0, Int(min(a.column, b.column).rounded(.down)))
        let right = min(pair.width, Int(max(a.column, b.column).rounded(.up)))
        let top = max(0, Int(min(a.row, b.row).rounded(.down)))
        let bottom = min(pair.height, Int(max(a.row, b.row).rounded(.up)))
        guard right > left, bottom > top else { throw VolcalFailure.noOverlap }
        return PixelWindow(column: left, row: top, width: right - left, height: bottom - top)
    }

    private static func notes(area: AreaOfInterest, pair: DEMPair, options: VolcalOptions) -> [String] {
        let crs = pair.crs.authorityCode ?? pair.crs.name ?? "unnamed CRS"
        var notes: [String] = []
        if area.crsAssumed {
            notes.append("the shapefile has no .prj: its coordinates were taken to be in the rasters' CRS (\(crs))")
        }
        if pair.postResampled {
            notes.append("'post' was resampled onto the grid of 'pre' (\(options.resampling.rawValue))")
        }
        if pair.crs.isGeographic {
            notes.append("the rasters are in a geographic CRS: each cell's area was computed on the ellipsoid")
        }
        return notes
    }
}
