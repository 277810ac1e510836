import Atmosphere

/// The shipped model: the dark-dense-vegetation retrieval (``DarkTargetRetrieval``) on each cell
/// the scene classification leaves usable (``SceneClassMask``), on the bundled 6S table and the US62
/// standard gases, with the aerosol model chosen per chip from the blue/red consistency of the
/// inversion (continental unless maritime fits better; docs/tasks/aod_estimation.md).
struct DarkDenseVegetationModel: AODModel {
    let name = "dark_dense_vegetation"

    func estimate(_ chip: ChipBands, geometry: SunViewGeometry) throws -> [Float] {
        let retrieval = try DarkTargetRetrieval(
            geometry: geometry, aerosol: .continental, selection: .perBlock, gas: .standard)
        return retrieval.retrieve(
            blue: chip[.b02], red: chip[.b04], nir: chip[.b8a], swir22: chip[.b12],
            usable: SceneClassMask.usable(chip[.scl])
        ).aod
    }
}
