import Atmosphere

/// A retrieval of aerosol optical depth at 550 nm from a chip: the seam where another model (a
/// trained network, another physical method) replaces the shipped ``DarkDenseVegetationModel``.
protocol AODModel: Sendable {
    /// The name the task's output reports as `model`.
    var name: String { get }

    /// One AOD per cell of `chip`, row by row, NaN where it cannot be retrieved; `geometry` is the
    /// scene's sun and view angles. Throws when the model cannot run at all (its data is unreadable).
    func estimate(_ chip: ChipBands, geometry: SunViewGeometry) throws -> [Float]
}
