import Atmosphere

/// The shipped model: the dark-dense-vegetation retrieval (``DarkTargetRetrieval``) on each cell
/// the scene classification leaves usable (``SceneClassMask``), on the bundled 6S table, with the
/// aerosol model chosen per chip from the blue/red consistency of the inversion (continental unless
/// maritime fits better) and the gases of the US62 atmosphere, its water vapour column replaced by
/// the chip's mean L2A WVP where the scene has that band (docs/tasks/aod_estimation.md).
struct DarkDenseVegetationModel: AODModel {
    let name = "dark_dense_vegetation"

    func estimate(_ chip: ChipBands, geometry: SunViewGeometry) throws -> AODEstimate {
        let sceneWater = chip.meanWaterVapour
        let gas = sceneWater.map(GasAbsorption.standard(waterVapour:)) ?? .standard
        let retrieval = try DarkTargetRetrieval(
            geometry: geometry, aerosol: .continental, selection: .perBlock, gas: gas)
        let block = retrieval.retrieve(
            blue: chip[.b02], red: chip[.b04], nir: chip[.b8a], swir22: chip[.b12],
            usable: SceneClassMask.usable(chip[.scl]))
        return AODEstimate(
            aod: block.aod,
            retrieval: AodRetrieval(
                aerosolModel: AodRetrieval.AerosolModel(rawValue: block.aerosol.rawValue) ?? .continental,
                waterVapour: gas.waterVapour ?? 0, waterVapourSource: sceneWater == nil ? .standard : .scene,
                beyondTable: block.beyondTable,
                clampedAxes: block.clampedAxes.compactMap { AodRetrieval.ClampedAxis(rawValue: $0.rawValue) }))
    }
}
