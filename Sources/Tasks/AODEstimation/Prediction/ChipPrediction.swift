import Atmosphere
import Foundation

/// One chip through the model: its AOD GeoTIFF and preview written, its cells inside the bounding
/// box gathered for the statistics (retrieved AOD, L2A AOT and their difference), and what the
/// model assumed.
struct ChipPrediction: Sendable {
    let retrieval: AodRetrieval?
    let aod: AODStatisticsBuilder
    let aot: AODStatisticsBuilder
    let difference: AODDifferenceBuilder

    /// Blocking (GDAL and the per-cell retrieval): run it off the task threads.
    init(chip file: URL, model: any AODModel, geometry: SunViewGeometry, aodFile: URL, previewFile: URL) throws {
        let chip = try ChipBands(reading: file)
        let estimate = try model.estimate(chip, geometry: geometry)
        let retrieved = estimate.aod
        try AODRasterWriter.write(retrieved, of: chip, to: aodFile)
        try AODPreviewRenderer.render(retrieved, width: chip.width, height: chip.height, to: previewFile)
        let counted = chip.inBoxWithData
        var aod = AODStatisticsBuilder()
        aod.add(retrieved, counted: counted)
        var aot = AODStatisticsBuilder()
        aot.add(chip[.aot], counted: counted)
        var difference = AODDifferenceBuilder()
        difference.add(retrieved: retrieved, reference: chip[.aot], counted: counted)
        self.retrieval = estimate.retrieval
        self.aod = aod
        self.aot = aot
        self.difference = difference
    }
}
