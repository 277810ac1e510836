import Atmosphere
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// `aod-bench [--chips N] [--rounds N]`: the cost of the AOD retrieval per pixel, as the task pays it
/// (the scene's lookup tables built, then one 256 x 256 chip inverted), for the retrieval's variants
/// side by side in one run: the declared aerosol model alone (`fixed`, the baseline), the per-chip
/// model choice the task makes (`perBlock`), and that choice under a scene's own water vapour column.
/// The chip is dark vegetation forward-modelled through the bundled 6S table (AOD 0.05 to 1.5 across
/// it). Times are the thread's CPU time, best of the rounds, so that other work on the machine does
/// not count; prints one JSON object. `scripts/bench aod` builds it in release mode and runs it.
@main
struct AODBench {
    struct Variant {
        let name: String
        let selection: AerosolSelection
        let gas: GasAbsorption
    }

    static let side = 256
    static let geometry = SunViewGeometry(solarZenith: 38, viewZenith: 5, relativeAzimuth: 120)

    static func main() throws {
        let arguments = CommandLine.arguments
        func option(_ name: String, _ fallback: Int) -> Int {
            guard let i = arguments.firstIndex(of: name), i + 1 < arguments.count, let n = Int(arguments[i + 1]), n > 0
            else { return fallback }
            return n
        }
        let chips = option("--chips", 4)
        let rounds = option("--rounds", 5)
        let chip = try Chip(side: side, geometry: geometry)
        let variants = [
            Variant(name: "fixed", selection: .fixed, gas: .standard),
            Variant(name: "per_block", selection: .perBlock, gas: .standard),
            Variant(name: "per_block_scene_water_vapour", selection: .perBlock, gas: .standard(waterVapour: 2.93)),
        ]
        var results: [[String: Any]] = []
        var baseline = 0.0
        for variant in variants {
            var best = Double.infinity
            var retrieved = 0
            for _ in 0..<rounds {
                let start = threadCPUSeconds()
                for _ in 0..<chips {
                    let retrieval = try DarkTargetRetrieval(
                        geometry: geometry, aerosol: .continental, selection: variant.selection, gas: variant.gas)
                    let block = retrieval.retrieve(
                        blue: chip.blue, red: chip.red, nir: chip.nir, swir22: chip.swir22, usable: chip.usable)
                    retrieved = block.aod.filter(\.isFinite).count
                }
                best = min(best, (threadCPUSeconds() - start) / Double(chips))
            }
            if baseline == 0 { baseline = best }
            results.append([
                "variant": variant.name, "seconds_per_chip": best,
                "microseconds_per_pixel": best / Double(side * side) * 1e6,
                "ratio_to_fixed": best / baseline, "retrieved_pixels": retrieved,
            ])
        }
        let report: [String: Any] = [
            "chip": "\(side)x\(side)", "chips_per_round": chips, "rounds": rounds,
            "clock": "thread CPU time, best round",
            "variants": results,
        ]
        let data = try JSONSerialization.data(withJSONObject: report, options: [.sortedKeys, .prettyPrinted])
        print(String(decoding: data, as: UTF8.self))
    }

    /// The CPU time this thread has used, in seconds.
    static func threadCPUSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}

/// A chip of dark vegetation (ρ2.2 0.01 to 0.15, Kaufman ratios) under AOD rising from 0.05 to 1.5
/// down its rows, its TOA reflectances forward-modelled through the bundled 6S table (continental,
/// US62 gases).
struct Chip {
    var blue: [Float] = [], red: [Float] = [], nir: [Float] = [], swir22: [Float] = []
    var usable: [Bool] = []

    init(side: Int, geometry: SunViewGeometry) throws {
        let table = try AODLookupTable(
            table: SixSTable.bundled(), aerosol: .continental, geometry: geometry, gas: .standard,
            bands: [.blue, .red, .nir, .swir22])
        let surface = DarkVegetationSurface.kaufman
        for row in 0..<side {
            let aod = 0.05 + 1.45 * Double(row) / Double(side - 1)
            for column in 0..<side {
                let swir = 0.01 + 0.14 * Double(column) / Double(side - 1)
                func toa(_ band: SpectralBand, _ reflectance: Double) -> Float {
                    Float(table.terms(band, aod550: aod).topOfAtmosphere(surface: reflectance))
                }
                blue.append(toa(.blue, surface.blueToSwir22 * swir))
                red.append(toa(.red, surface.redToSwir22 * swir))
                nir.append(toa(.nir, 0.35))
                swir22.append(toa(.swir22, swir))
                usable.append(true)
            }
        }
    }
}
