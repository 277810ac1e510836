import Testing

@testable import Atmosphere

/// The inversion itself: scenes forward-modelled through the same 6S table come back. This checks the
/// search and the gas correction, not the accuracy against radiative transfer (``SixSSceneTests``).
@Suite("Dark target retrieval: inverts the 6S table")
struct DarkTargetRetrievalTests {
    static let aods = [0.05, 0.1, 0.2, 0.3, 0.5, 0.75, 1.0, 1.5, 2.5]

    @Test(arguments: [20.0, 40, 55])
    func invertsItsOwnForwardModelWithin0Point005(solarZenith: Double) throws {
        let geometry = SunViewGeometry(solarZenith: solarZenith, viewZenith: 6, relativeAzimuth: 120)
        let retrieval = try DarkTargetRetrieval(geometry: geometry)
        for aod in Self.aods {
            for swir22 in [0.02, 0.06, 0.10] {
                let pixel = try SyntheticPixel.vegetation(swir22: swir22, aod550: aod, geometry: geometry)
                let value = retrieval.retrieve(blue: pixel.blue, red: pixel.red, nir: pixel.nir, swir22: pixel.swir22)
                let retrieved = try #require(value, "AOD \(aod), ρ2.2 \(swir22), θs \(solarZenith)")
                #expect(abs(retrieved - aod) < 0.005, "AOD \(aod), ρ2.2 \(swir22), θs \(solarZenith): \(retrieved)")
            }
        }
    }

    @Test func theGasCorrectionIsApplied() throws {
        let geometry = SunViewGeometry(solarZenith: 35, viewZenith: 4, relativeAzimuth: 150)
        let pixel = try SyntheticPixel.vegetation(swir22: 0.08, aod550: 0.2, geometry: geometry, gas: .standard)
        let corrected = try DarkTargetRetrieval(geometry: geometry, gas: .standard)
        let uncorrected = try DarkTargetRetrieval(geometry: geometry, gas: .none)
        let right = try #require(
            corrected.retrieve(blue: pixel.blue, red: pixel.red, nir: pixel.nir, swir22: pixel.swir22))
        #expect(abs(right - 0.2) < 0.005)
        let wrong = uncorrected.retrieve(blue: pixel.blue, red: pixel.red, nir: pixel.nir, swir22: pixel.swir22)
        // Ozone (blue, red) and water vapour (B12) partly cancel here: leaving them out shifts AOD by ~0.008.
        #expect(wrong.map { abs($0 - right) > 0.004 } ?? true)
    }

    @Test func aClearSkyPixelGivesZeroOrNearlyZero() throws {
        let geometry = SunViewGeometry(solarZenith: 30, viewZenith: 3, relativeAzimuth: 90)
        let pixel = try SyntheticPixel.vegetation(swir22: 0.05, aod550: 0, geometry: geometry)
        let retrieved = try #require(
            try DarkTargetRetrieval(geometry: geometry)
                .retrieve(blue: pixel.blue, red: pixel.red, nir: pixel.nir, swir22: pixel.swir22))
        #expect(retrieved < 0.003)
    }

    @Test func anAODBeyondTheSearchIsNotRetrievedAndCounted() throws {
        let geometry = SunViewGeometry(solarZenith: 30, viewZenith: 3, relativeAzimuth: 90)
        let pixel = try SyntheticPixel.vegetation(swir22: 0.05, aod550: 1.5, geometry: geometry)
        let retrieval = try DarkTargetRetrieval(geometry: geometry, maximumAOD: 1)
        #expect(
            retrieval.outcome(blue: pixel.blue, red: pixel.red, nir: pixel.nir, swir22: pixel.swir22) == .beyondTable)
        let block = retrieval.retrieve(
            blue: [Float(pixel.blue)], red: [Float(pixel.red)], nir: [Float(pixel.nir)],
            swir22: [Float(pixel.swir22)], usable: [true])
        #expect(block.aod[0].isNaN && block.beyondTable == 1)
    }

    @Test func aGeometryOutsideTheTableIsClampedAndSaid() throws {
        let lowSun = SunViewGeometry(solarZenith: 76, viewZenith: 3, relativeAzimuth: 90)
        let retrieval = try DarkTargetRetrieval(geometry: lowSun)
        #expect(retrieval.clampedAxes.contains(.solarZenith))
        let block = retrieval.retrieve(blue: [0.1], red: [0.06], nir: [0.3], swir22: [0.05], usable: [true])
        #expect(block.clampedAxes.contains(.solarZenith))
        #expect(
            try DarkTargetRetrieval(geometry: SunViewGeometry(solarZenith: 40, viewZenith: 3, relativeAzimuth: 90))
                .clampedAxes.isEmpty)
    }

    @Test func theBlockFormMatchesThePixelForm() throws {
        let geometry = SunViewGeometry(solarZenith: 40, viewZenith: 6, relativeAzimuth: 120)
        let retrieval = try DarkTargetRetrieval(geometry: geometry)
        let pixels = try [0.1, 0.4, 1.2].map {
            try SyntheticPixel.vegetation(swir22: 0.05, aod550: $0, geometry: geometry)
        }
        let block = retrieval.retrieve(
            blue: pixels.map { Float($0.blue) }, red: pixels.map { Float($0.red) },
            nir: pixels.map { Float($0.nir) }, swir22: pixels.map { Float($0.swir22) },
            usable: [true, true, true])
        for (value, aod) in zip(block.aod, [0.1, 0.4, 1.2]) {
            #expect(abs(Double(value) - aod) < 0.005)
        }
        #expect(block.beyondTable == 0)
    }

    /// Per block, the model that made the block is chosen whichever is declared, and its AOD comes back;
    /// fixed, the declared model is kept (and its AOD is biased).
    @Test(arguments: AerosolModel.allCases)
    func perBlockChoosesTheModelThatMadeTheBlock(truth: AerosolModel) throws {
        let geometry = SunViewGeometry(solarZenith: 35, viewZenith: 5, relativeAzimuth: 140)
        let aods = [0.3, 0.6, 1.0]
        let pixels = try aods.flatMap { aod in
            try [0.02, 0.06, 0.1].map {
                try SyntheticPixel.vegetation(swir22: $0, aod550: aod, geometry: geometry, aerosol: truth)
            }
        }
        let expected = aods.flatMap { [$0, $0, $0] }
        func block(_ retrieval: DarkTargetRetrieval) -> DarkTargetRetrieval.BlockResult {
            retrieval.retrieve(
                blue: pixels.map { Float($0.blue) }, red: pixels.map { Float($0.red) },
                nir: pixels.map { Float($0.nir) }, swir22: pixels.map { Float($0.swir22) },
                usable: pixels.map { _ in true })
        }
        for declared in AerosolModel.allCases {
            let chosen = block(try DarkTargetRetrieval(geometry: geometry, aerosol: declared, selection: .perBlock))
            #expect(chosen.aerosol == truth, "declared \(declared)")
            for (value, aod) in zip(chosen.aod, expected) {
                #expect(abs(Double(value) - aod) < 0.005, "declared \(declared), AOD \(aod): \(value)")
            }
            let fixed = block(try DarkTargetRetrieval(geometry: geometry, aerosol: declared))
            #expect(fixed.aerosol == declared)
        }
    }
}
