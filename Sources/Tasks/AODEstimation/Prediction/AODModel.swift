import Atmosphere

/// A retrieval of aerosol optical depth at 550 nm from a chip: the seam where another model (a
/// trained network, another physical method) replaces the shipped ``DarkDenseVegetationModel``.
protocol AODModel: Sendable {
    /// The name the task's output reports as `model`.
    var name: String { get }

    /// The AOD of every cell of `chip`; `geometry` is the scene's sun and view angles. Throws when the
    /// model cannot run at all (its data is unreadable).
    func estimate(_ chip: ChipBands, geometry: SunViewGeometry) throws -> AODEstimate
}

/// What a model made of one chip.
struct AODEstimate: Sendable {
    /// One AOD at 550 nm per cell, row by row, NaN where it cannot be retrieved.
    var aod: [Float]
    /// The model's assumptions on the chip, for the task's output (nil for a model without them).
    var retrieval: AodRetrieval?
}
