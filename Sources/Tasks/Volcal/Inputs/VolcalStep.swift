/// The steps of a calculation, in order, as reported to the progress callback.
public enum VolcalStep: String, Sendable, Hashable, CaseIterable {
    /// Opening the rasters, checking their georeference and overlap; gathering the shapefile's parts.
    case reading
    /// Resampling `post` onto `pre`'s grid (when they differ).
    case aligning
    /// Reading the polygons, reprojecting them into the rasters' CRS and finding the cells they cover.
    case masking
    /// Block by block: rasterizing the polygons, differencing, summing; writing the difference raster.
    case computing
    /// Drawing the heatmap and writing the report.
    case rendering

    /// The share of the whole run before this step starts and the share this step takes.
    var span: (start: Double, length: Double) {
        switch self {
        case .reading: (0, 0.05)
        case .aligning: (0.05, 0.05)
        case .masking: (0.10, 0.05)
        case .computing: (0.15, 0.75)
        case .rendering: (0.90, 0.10)
        }
    }
}
