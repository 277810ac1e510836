import Foundation

/// What to synthesise: the areas, the acquisition days, the grid, the true aerosol field and the
/// shares of clouds, water and vegetation in the scenes.
public struct SyntheticCatalogSpec: Sendable, Hashable {
    /// The areas of interest; each gets one scene per date covering it with a margin of 2 km.
    public var areas: [GeoBoundingBox]
    /// The acquisition days (UTC): a scene per area per date, acquired around 10:30 local solar time.
    public var dates: [Date]
    /// The cell size in metres of every band (all bands share one grid; real Sentinel-2 has 10, 20 and 60 m).
    public var pixelSize: Double
    /// The true aerosol optical depth at 550 nm the scenes are modelled with.
    public var aod: AerosolField
    /// The share (0...1) of every scene covered by clouds, unless ``cloudFractions`` overrides it for a date.
    public var cloudFraction: Double
    /// Per-date cloud shares overriding ``cloudFraction`` (one per entry of ``dates``, in order; a
    /// shorter list leaves the later dates at ``cloudFraction``), so that one date can be made cloudy.
    public var cloudFractions: [Double]?
    /// The share (0...1) of the land surface that is open water.
    public var waterFraction: Double
    /// The share (0...1) of the land surface that is dense dark vegetation; the rest is bare soil.
    public var vegetationFraction: Double
    /// Whether the scenes carry the L2A AOT band (truth AOD x 1000 as UInt16 DN, scale 0.001).
    public var includeAOT: Bool
    /// The water vapour column (g/cm², which L2A calls cm) the scenes are modelled through, 0...6 (the
    /// 6S table's range); the US62 standard atmosphere's 1.42 unless given.
    public var waterVapour: Double
    /// Whether the scenes carry the L2A WVP band (the water vapour column x 1000 as UInt16 DN, scale 0.001).
    public var includeWVP: Bool
    /// The seed of every random field (land, clouds, smooth aerosol fields).
    public var seed: UInt64

    /// A spec; the defaults are 60 m cells, 10 % clouds, 5 % water, 60 % vegetation, the AOT band and
    /// the standard water vapour column without a WVP band.
    public init(
        areas: [GeoBoundingBox], dates: [Date], pixelSize: Double = 60, aod: AerosolField,
        cloudFraction: Double = 0.1, waterFraction: Double = 0.05, vegetationFraction: Double = 0.6,
        includeAOT: Bool = true, waterVapour: Double = 1.42, includeWVP: Bool = false, seed: UInt64,
        cloudFractions: [Double]? = nil
    ) {
        self.areas = areas
        self.dates = dates
        self.pixelSize = pixelSize
        self.aod = aod
        self.cloudFraction = cloudFraction
        self.cloudFractions = cloudFractions
        self.waterFraction = waterFraction
        self.vegetationFraction = vegetationFraction
        self.includeAOT = includeAOT
        self.waterVapour = waterVapour
        self.includeWVP = includeWVP
        self.seed = seed
    }

    /// The cloud share of the date at `dateIndex` in ``dates``, clamped to 0...1.
    public func cloudFraction(forDateAt dateIndex: Int) -> Double {
        let value =
            if let cloudFractions, dateIndex < cloudFractions.count { cloudFractions[dateIndex] } else { cloudFraction }
        return min(1, max(0, value))
    }
}

/// The true aerosol optical depth at 550 nm over a scene, as a function of the cell.
public enum AerosolField: Sendable, Hashable, CustomStringConvertible {
    /// The same AOD everywhere.
    case uniform(Double)
    /// A linear ramp across the columns, from `west` at the western edge to `east` at the eastern edge
    /// (the values at the cell centres of the first and last columns are half a step inside).
    case gradient(west: Double, east: Double)
    /// A smooth random field of `mean` ± at most `amplitude` (features a third of the scene wide),
    /// deterministic from the seed; never below 0.
    case smooth(mean: Double, amplitude: Double)

    /// The AOD at the centre of cell (`column`, `row`) of a `width` x `height` scene, for `seed`.
    public func value(atColumn column: Int, row: Int, width: Int, height: Int, seed: UInt64) -> Double {
        switch self {
        case .uniform(let value):
            return value
        case .gradient(let west, let east):
            let t = (Double(column) + 0.5) / Double(max(1, width))
            return west + (east - west) * t
        case .smooth(let mean, let amplitude):
            let noise = SeededNoise(seed: SeededNoise.derive(seed, 0xA0D), scale: 1, octaves: 2)
            let x = (Double(column) + 0.5) / Double(max(1, width)) * 3
            let y = (Double(row) + 0.5) / Double(max(1, height)) * 3
            return max(0, mean + amplitude * (2 * noise.value(x: x, y: y) - 1))
        }
    }

    /// Bounds that hold every value the field takes.
    var bounds: ClosedRange<Double> {
        switch self {
        case .uniform(let value): return max(0, value)...max(0, value)
        case .gradient(let west, let east): return max(0, min(west, east))...max(0, west, east)
        case .smooth(let mean, let amplitude):
            return max(0, mean - abs(amplitude))...max(0, mean + abs(amplitude))
        }
    }

    /// A short description for the item's metadata, such as `uniform(0.2)`.
    public var description: String {
        switch self {
        case .uniform(let value): "uniform(\(value))"
        case .gradient(let west, let east): "gradient(west: \(west), east: \(east))"
        case .smooth(let mean, let amplitude): "smooth(mean: \(mean), amplitude: \(amplitude))"
        }
    }
}

/// One scene written by ``SyntheticCatalog/write(_:to:)``.
public struct SyntheticScene: Sendable, Hashable {
    /// The scene (and STAC item) id, such as `S2SYN_20240615_33N_E0283_N4990`.
    public var id: String
    /// The STAC item file, `folder/<id>/<id>.json`.
    public var itemURL: URL
    /// The percent (0...100) of the scene's cells drawn as cloud.
    public var cloudCover: Double
    /// The acquisition time (UTC).
    public var date: Date
    /// The EPSG code of the scene's UTM grid.
    public var epsg: Int
    /// The index of the scene's area in the spec's ``SyntheticCatalogSpec/areas``.
    public var areaIndex: Int
}
