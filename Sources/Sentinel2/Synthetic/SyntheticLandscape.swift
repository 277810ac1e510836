import GeoKit

/// The land cover of a synthetic scene, with the Sentinel-2 scene classification (SCL) code of each.
public enum SyntheticSurfaceClass: UInt8, Sendable, Hashable, CaseIterable {
    /// Dense dark vegetation (SCL 4), the dark targets of the retrieval.
    case vegetation = 4
    /// Bare soil (SCL 5).
    case soil = 5
    /// Open water (SCL 6).
    case water = 6
}

/// Surface (bottom-of-atmosphere) reflectance in the five bands the synthetic scenes model.
public struct SyntheticReflectance: Sendable, Hashable {
    /// B02, 0.49 µm.
    public var blue: Double
    /// B04, 0.665 µm.
    public var red: Double
    /// B8A, 0.865 µm.
    public var nir: Double
    /// B11, 1.61 µm.
    public var swir16: Double
    /// B12, 2.19 µm.
    public var swir22: Double

    /// A reflectance from its five bands.
    public init(blue: Double, red: Double, nir: Double, swir16: Double, swir22: Double) {
        self.blue = blue
        self.red = red
        self.nir = nir
        self.swir16 = swir16
        self.swir22 = swir22
    }

    /// The bands in the order B02, B04, B8A, B11, B12.
    public var values: [Double] { [blue, red, nir, swir16, swir22] }

    /// Every band multiplied by `factor`.
    public func scaled(by factor: Double) -> SyntheticReflectance {
        SyntheticReflectance(
            blue: blue * factor, red: red * factor, nir: nir * factor, swir16: swir16 * factor,
            swir22: swir22 * factor)
    }
}

/// The land of one area: smooth random fields over the map coordinates (metres of the scene's UTM
/// zone) classify every point into vegetation, soil or water by the spec's fractions and give it a
/// surface reflectance. It depends on the seed and the area only, so every date sees the same land.
public struct SyntheticLandscape: Sendable, Hashable {
    let water: SeededNoise
    let vegetation: SeededNoise
    let darkness: SeededNoise
    let greenness: SeededNoise
    let soilBrightness: SeededNoise
    let soilMoisture: SeededNoise
    let jitterSeed: UInt64
    /// Water where the water field is above this.
    let waterThreshold: Double
    /// Vegetation (outside water) where the vegetation field is below this.
    let vegetationThreshold: Double

    /// The land of area `areaIndex` under `seed`, with the class shares calibrated over `extent`
    /// (map coordinates of the scene grid).
    public init(seed: UInt64, areaIndex: Int, extent: Envelope, vegetationFraction: Double, waterFraction: Double) {
        let base = SeededNoise.derive(seed, 0x1A4D, UInt64(areaIndex))
        water = SeededNoise(seed: SeededNoise.derive(base, 1), scale: 4000, octaves: 3)
        vegetation = SeededNoise(seed: SeededNoise.derive(base, 2), scale: 3000, octaves: 3)
        darkness = SeededNoise(seed: SeededNoise.derive(base, 3), scale: 1500, octaves: 2)
        greenness = SeededNoise(seed: SeededNoise.derive(base, 4), scale: 2000, octaves: 2)
        soilBrightness = SeededNoise(seed: SeededNoise.derive(base, 5), scale: 2500, octaves: 2)
        soilMoisture = SeededNoise(seed: SeededNoise.derive(base, 6), scale: 2000, octaves: 2)
        jitterSeed = SeededNoise.derive(base, 7)
        let rect = (extent.minX, extent.minY, extent.maxX, extent.maxY)
        let waterShare = min(1, max(0, waterFraction))
        waterThreshold = water.quantile(1 - waterShare, over: rect)
        let landShare = 1 - waterShare
        let vegetationShare = landShare > 0 ? min(1, max(0, vegetationFraction) / landShare) : 0
        vegetationThreshold = vegetation.quantile(vegetationShare, over: rect)
    }

    /// Stretches a bell-shaped noise value in 0...1 so that its values use most of 0...1.
    @inline(__always)
    static func stretch(_ value: Double) -> Double { min(1, max(0, (value - 0.5) * 2.2 + 0.5)) }

    /// The class of the point (`x`, `y`) (map coordinates).
    public func surfaceClass(x: Double, y: Double) -> SyntheticSurfaceClass {
        if water.value(x: x, y: y) > waterThreshold { return .water }
        return vegetation.value(x: x, y: y) < vegetationThreshold ? .vegetation : .soil
    }

    /// The class and surface reflectance of the point (`x`, `y`) (map coordinates, normally a cell centre).
    public func sample(x: Double, y: Double) -> (surfaceClass: SyntheticSurfaceClass, reflectance: SyntheticReflectance)
    {
        let kind = surfaceClass(x: x, y: y)
        switch kind {
        case .water:
            return (kind, SyntheticReflectance(blue: 0.05, red: 0.03, nir: 0.01, swir16: 0.005, swir22: 0.003))
        case .vegetation:
            // Dark dense vegetation on the Kaufman ratios, with a few percent of per-cell scatter.
            let swir22 = 0.02 + 0.06 * Self.stretch(darkness.value(x: x, y: y))
            let i = Int64(x.rounded(.down))
            let j = Int64(y.rounded(.down))
            let epsilonBlue = 0.03 * (2 * SeededNoise.white(jitterSeed, i, j) - 1)
            let epsilonRed = 0.03 * (2 * SeededNoise.white(jitterSeed &+ 1, i, j) - 1)
            let nir = 0.28 + 0.17 * Self.stretch(greenness.value(x: x, y: y))
            return (
                kind,
                SyntheticReflectance(
                    blue: 0.25 * swir22 * (1 + epsilonBlue), red: 0.5 * swir22 * (1 + epsilonRed), nir: nir,
                    swir16: 2 * swir22 + 0.02, swir22: swir22)
            )
        case .soil:
            let brightness = Self.stretch(soilBrightness.value(x: x, y: y))
            let moisture = Self.stretch(soilMoisture.value(x: x, y: y))
            return (
                kind,
                SyntheticReflectance(
                    blue: 0.08 + 0.04 * brightness, red: 0.15 + 0.07 * brightness, nir: 0.22 + 0.08 * moisture,
                    swir16: 0.30, swir22: 0.25 + 0.07 * brightness)
            )
        }
    }
}
