import Testing

@testable import Atmosphere

/// Which pixels the retrieval refuses.
@Suite("Dark target selection: non-targets are rejected")
struct DarkTargetSelectionTests {
    let geometry = SunViewGeometry(solarZenith: 35, viewZenith: 5, relativeAzimuth: 100)

    func retrieve(_ pixel: SyntheticPixel) throws -> Double? {
        try DarkTargetRetrieval(geometry: geometry).retrieve(
            blue: pixel.blue, red: pixel.red, nir: pixel.nir, swir22: pixel.swir22)
    }

    @Test(arguments: [0.0, 0.3, 1.0])
    func waterIsRejected(aod: Double) throws {
        let water = try SyntheticPixel(
            surfaceBlue: 0.04, surfaceRed: 0.03, surfaceNIR: 0.02, surfaceSwir22: 0.005, aod550: aod, geometry: geometry
        )
        #expect(try retrieve(water) == nil)
    }

    @Test(arguments: [0.0, 0.3, 1.0])
    func bareSoilIsRejected(aod: Double) throws {
        let soil = try SyntheticPixel(
            surfaceBlue: 0.1, surfaceRed: 0.2, surfaceNIR: 0.25, surfaceSwir22: 0.3, aod550: aod, geometry: geometry)
        #expect(try retrieve(soil) == nil)
    }

    @Test func cloudIsRejected() throws {
        #expect(try DarkTargetRetrieval(geometry: geometry).retrieve(blue: 0.6, red: 0.6, nir: 0.6, swir22: 0.6) == nil)
    }

    @Test func nonFiniteInputsAreRejected() throws {
        let retrieval = try DarkTargetRetrieval(geometry: geometry)
        let pixel = try SyntheticPixel.vegetation(swir22: 0.05, aod550: 0.3, geometry: geometry)
        #expect(retrieval.retrieve(blue: .nan, red: pixel.red, nir: pixel.nir, swir22: pixel.swir22) == nil)
        #expect(retrieval.retrieve(blue: pixel.blue, red: .nan, nir: pixel.nir, swir22: pixel.swir22) == nil)
        #expect(retrieval.retrieve(blue: pixel.blue, red: pixel.red, nir: .infinity, swir22: pixel.swir22) == nil)
        #expect(retrieval.retrieve(blue: pixel.blue, red: pixel.red, nir: pixel.nir, swir22: .nan) == nil)
    }

    @Test func darkestNIRVegetationPassesUnderHeavyHazeAtLowSun() throws {
        for azimuth in [0.0, 90, 180] {
            let lowSun = SunViewGeometry(solarZenith: 60, viewZenith: 12, relativeAzimuth: azimuth)
            let retrieval = try DarkTargetRetrieval(geometry: lowSun)
            for swir22 in [0.02, 0.06, 0.10] {
                let pixel = try SyntheticPixel(
                    surfaceBlue: 0.25 * swir22, surfaceRed: 0.5 * swir22, surfaceNIR: 0.25,
                    surfaceSwir22: swir22, aod550: 1.5, geometry: lowSun)
                #expect(
                    retrieval.isDarkVegetation(red: pixel.red, nir: pixel.nir, swir22: pixel.swir22),
                    "φ \(azimuth), ρ2.2 \(swir22)")
            }
        }
    }

    @Test func theBlockFormGivesNaNWhereMaskedOrNotFinite() throws {
        let retrieval = try DarkTargetRetrieval(geometry: geometry)
        let pixel = try SyntheticPixel.vegetation(swir22: 0.05, aod550: 0.3, geometry: geometry)
        let blue = [Float(pixel.blue), Float(pixel.blue), .nan, 0.6]
        let red = [Float(pixel.red), Float(pixel.red), Float(pixel.red), 0.6]
        let nir = [Float(pixel.nir), Float(pixel.nir), Float(pixel.nir), 0.6]
        let swir22 = [Float(pixel.swir22), Float(pixel.swir22), Float(pixel.swir22), 0.6]
        let aod = retrieval.retrieve(blue: blue, red: red, nir: nir, swir22: swir22, usable: [true, false, true, true])
            .aod
        #expect(abs(aod[0] - 0.3) < 0.01)
        #expect(aod[1].isNaN)
        #expect(aod[2].isNaN)
        #expect(aod[3].isNaN)
    }
}
