import Atmosphere

/// The shipped model: the dark-dense-vegetation retrieval (``DarkTargetRetrieval``) on each cell
/// the scene classification leaves usable (``SceneClassMask``), with the continental aerosol of
/// the radiative model (docs/tasks/aod_estimation.md).
struct DarkDenseVegetationModel: AODModel {
    let name = "dark_dense_vegetation"

    func estimate(_ chip: ChipBands, geometry: SunViewGeometry) -> [Float] {
        let retrieval = DarkTargetRetrieval(geometry: geometry)
        return retrieval.retrieve(
            blue: chip[.b02], red: chip[.b04], nir: chip[.b8a], swir22: chip[.b12],
            usable: SceneClassMask.usable(chip[.scl]))
    }
}
