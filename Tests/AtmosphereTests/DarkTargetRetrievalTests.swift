import Testing

@testable import Atmosphere

/// Recovering AOD from forward-modelled dark dense vegetation.
@Suite("Dark target retrieval: recovers AOD over dark vegetation")
struct DarkTargetRetrievalTests {
    static let aods = [0.05, 0.1, 0.2, 0.3, 0.5, 0.75, 1.0]

    @Test(arguments: [20.0, 40, 55])
    func recoversAODWithin0Point01ForExactSurfaceRatios(solarZenith: Double) throws {
        let geometry = SunViewGeometry(solarZenith: solarZenith, viewZenith: 6, relativeAzimuth: 120)
        let retrieval = DarkTargetRetrieval(geometry: geometry)
        for aod in Self.aods {
            for swir22 in [0.02, 0.04, 0.06, 0.08, 0.10] {
                let pixel = SyntheticPixel.vegetation(swir22: swir22, aod550: aod, geometry: geometry)
                let retrieved = try #require(retrieval.retrieve(blue: pixel.blue, red: pixel.red, nir: pixel.nir, swir22: pixel.swir22))
                #expect(abs(retrieved - aod) < 0.01, "AOD \(aod), ρ2.2 \(swir22), θs \(solarZenith): got \(retrieved)")
            }
        }
    }

    @Test(arguments: [0.1, 0.3, 0.5, 1.0])
    func meanOverNoisySurfaceRatiosIsWithinTheTarget(aod: Double) {
        let geometry = SunViewGeometry(solarZenith: 40, viewZenith: 6, relativeAzimuth: 120)
        let retrieval = DarkTargetRetrieval(geometry: geometry)
        var generator = SplitMix64(seed: 0xA0D5_5000 + UInt64(aod * 100))
        var retrieved: [Double] = []
        for _ in 0..<1000 {
            let swir22 = Double.random(in: 0.02...0.10, using: &generator)
            let surface = DarkVegetationSurface(
                blueToSwir22: 0.25 * Double.random(in: 0.95...1.05, using: &generator),
                redToSwir22: 0.5 * Double.random(in: 0.95...1.05, using: &generator))
            let pixel = SyntheticPixel.vegetation(swir22: swir22, aod550: aod, geometry: geometry, surface: surface)
            if let value = retrieval.retrieve(blue: pixel.blue, red: pixel.red, nir: pixel.nir, swir22: pixel.swir22) {
                retrieved.append(value)
            }
        }
        #expect(retrieved.count >= 990)
        let mean = retrieved.reduce(0, +) / Double(retrieved.count)
        #expect(abs(mean - aod) < 0.05 + 0.1 * aod, "mean \(mean) for AOD \(aod)")
    }

    @Test func aClearSkyPixelGivesZeroOrNearlyZero() throws {
        let geometry = SunViewGeometry(solarZenith: 30, viewZenith: 3, relativeAzimuth: 90)
        let pixel = SyntheticPixel.vegetation(swir22: 0.05, aod550: 0, geometry: geometry)
        let retrieved = try #require(DarkTargetRetrieval(geometry: geometry).retrieve(blue: pixel.blue, red: pixel.red, nir: pixel.nir, swir22: pixel.swir22))
        #expect(retrieved < 0.002)
    }

    @Test func anAODBeyondTheTableIsNotRetrieved() {
        let geometry = SunViewGeometry(solarZenith: 30, viewZenith: 3, relativeAzimuth: 90)
        let pixel = SyntheticPixel.vegetation(swir22: 0.05, aod550: 1.5, geometry: geometry)
        let retrieval = DarkTargetRetrieval(geometry: geometry, maximumAOD: 1)
        #expect(retrieval.retrieve(blue: pixel.blue, red: pixel.red, nir: pixel.nir, swir22: pixel.swir22) == nil)
    }

    @Test func theBlockFormMatchesThePixelForm() {
        let geometry = SunViewGeometry(solarZenith: 40, viewZenith: 6, relativeAzimuth: 120)
        let retrieval = DarkTargetRetrieval(geometry: geometry)
        let pixels = [0.1, 0.4, 0.8].map { SyntheticPixel.vegetation(swir22: 0.05, aod550: $0, geometry: geometry) }
        let block = retrieval.retrieve(blue: pixels.map { Float($0.blue) }, red: pixels.map { Float($0.red) },
                                       nir: pixels.map { Float($0.nir) }, swir22: pixels.map { Float($0.swir22) },
                                       usable: [true, true, true])
        for (value, aod) in zip(block, [0.1, 0.4, 0.8]) {
            #expect(abs(Double(value) - aod) < 0.01)
        }
    }
}
