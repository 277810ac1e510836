import Foundation

/// The files a calculation writes into its work directory.
public struct VolcalArtifacts: Sendable, Hashable {
    /// `difference.tif`: `dz = post − pre`, Float32 GeoTIFF, nodata −9999 outside the polygon.
    public var differenceRaster: URL
    /// `heatmap.png`: cut red, fill blue, with a legend and a scale bar.
    public var heatmap: URL
    /// `report.json`: the ``VolumeResult`` with the inputs' names and the GDAL version.
    public var report: URL

    /// Every file, in the order above.
    public var all: [URL] { [differenceRaster, heatmap, report] }

    init(directory: URL) {
        differenceRaster = directory.appendingPathComponent("difference.tif")
        heatmap = directory.appendingPathComponent("heatmap.png")
        report = directory.appendingPathComponent("report.json")
    }
}
