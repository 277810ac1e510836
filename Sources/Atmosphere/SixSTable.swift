import Foundation

/// The 6S lookup table bundled with this target (`Resources/aod-lut.bin` and `aod-lut.json`, made by
/// `scripts/aod-lut`, whose JSON records the 6S and Py6S versions, the grid and the SHA-256).
///
/// Per aerosol model and Sentinel-2 band (6S integrated over the band's spectral response): path
/// reflectance, two-way scattering transmittance and spherical albedo over solar zenith, view zenith,
/// relative azimuth and AOD at 550 nm, without gases; and per band the two-way gaseous transmittance
/// over air mass, water vapour and ozone. Lookups interpolate multilinearly in every dimension; values
/// outside an axis are clamped to its end, never extrapolated, and ``clampedAxes(geometry:gas:)``
/// names the axes a geometry or atmosphere lies outside of.
public struct SixSTable: Sendable {
    /// The axes a lookup can fall outside of.
    public enum Axis: String, Sendable, Hashable, CaseIterable {
        case solarZenith = "solar_zenith"
        case viewZenith = "view_zenith"
        case relativeAzimuth = "relative_azimuth"
        case aod550
        case airMass = "air_mass"
        case waterVapour = "water_vapour"
        case ozone
    }

    let solarZenith: TableAxis, viewZenith: TableAxis, relativeAzimuth: TableAxis, aod: TableAxis
    let airMass: TableAxis, waterVapour: TableAxis, ozone: TableAxis
    /// Where each (aerosol, band) block starts in `scattering`.
    let blocks: [String: Int]
    /// Path reflectance, transmittance and spherical albedo, last axis (term) fastest.
    let scattering: [Float]
    /// Two-way gaseous transmittance per band, air mass, water vapour and ozone (ozone fastest).
    let gas: [Float]
    let gasBands: [String: Int]

    /// The largest AOD (550 nm) the table holds.
    public var maximumAOD: Double { aod.nodes[aod.nodes.count - 1] }

    /// The table bundled with the target, read once.
    ///
    /// - Throws: ``SixSTableError`` when the resource is missing or its two files disagree.
    public static func bundled() throws -> SixSTable { try loaded.get() }

    private static let loaded = Result<SixSTable, any Error> {
        func resource(_ name: String) throws -> Data {
            guard let url = Bundle.module.url(forResource: "aod-lut", withExtension: name) else {
                throw SixSTableError.missing("aod-lut.\(name)")
            }
            return try Data(contentsOf: url)
        }
        return try SixSTable(values: resource("bin"), description: resource("json"))
    }

    /// A table from its little-endian float32 values and the JSON that describes them.
    public init(values: Data, description: Data) throws {
        let meta: Description
        do { meta = try JSONDecoder().decode(Description.self, from: description) } catch {
            throw SixSTableError.damaged("its JSON does not decode: \(error)")
        }
        let s = meta.scattering
        let g = meta.gas
        solarZenith = try TableAxis(s.solarZenith, scale: .secant)
        viewZenith = try TableAxis(s.viewZenith, scale: .secant)
        relativeAzimuth = try TableAxis(s.relativeAzimuth, scale: .negativeCosine)
        aod = try TableAxis(s.aod550)
        airMass = try TableAxis(g.airMass)
        waterVapour = try TableAxis(g.waterVapour)
        ozone = try TableAxis(g.ozone)
        let blockSize = s.solarZenith.count * s.viewZenith.count * s.relativeAzimuth.count * s.aod550.count * 3
        let gasSize = g.airMass.count * g.waterVapour.count * g.ozone.count
        guard s.count == s.block.count * blockSize, g.count == g.band.count * gasSize, g.offset == s.count,
            values.count == 4 * (s.count + g.count)
        else { throw SixSTableError.damaged("\(values.count) bytes do not hold the axes the JSON lists") }
        let floats = values.withUnsafeBytes { raw in
            (0..<(values.count / 4)).map {
                Float(bitPattern: UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: 4 * $0, as: UInt32.self)))
            }
        }
        guard floats.allSatisfy({ $0.isFinite }) else {
            throw SixSTableError.damaged("it holds a value that is not finite")
        }
        scattering = Array(floats[0..<s.count])
        gas = Array(floats[s.count...])
        blocks = Dictionary(s.block.enumerated().map { ("\($1.aerosol)/\($1.band)", $0 * blockSize) }) { a, _ in a }
        gasBands = Dictionary(g.band.enumerated().map { ($1, $0 * gasSize) }) { a, _ in a }
    }

    /// Whether the table has `band` for `aerosol`.
    public func holds(_ band: SpectralBand, aerosol: AerosolModel) -> Bool {
        blocks["\(aerosol.rawValue)/\(band.rawValue)"] != nil && gasBands[band.rawValue] != nil
    }

    /// The axes on which `geometry` or `gas` lies outside the table (and is clamped to its end).
    public func clampedAxes(geometry: SunViewGeometry, gas: GasAbsorption) -> [Axis] {
        var axes: [Axis] = []
        if solarZenith.locate(geometry.solarZenith).clamped { axes.append(.solarZenith) }
        if viewZenith.locate(geometry.viewZenith).clamped { axes.append(.viewZenith) }
        if relativeAzimuth.locate(geometry.relativeAzimuth).clamped { axes.append(.relativeAzimuth) }
        if case .columns(let water, let ozoneColumn) = gas {
            if airMass.locate(geometry.airMass).clamped { axes.append(.airMass) }
            if waterVapour.locate(water).clamped { axes.append(.waterVapour) }
            if ozone.locate(ozoneColumn).clamped { axes.append(.ozone) }
        }
        return axes
    }

    /// The terms of `band` at every AOD node of the table, for one geometry and atmosphere:
    /// interpolated in the geometry, with the gaseous transmittance folded in.
    ///
    /// - Throws: ``SixSTableError/notTabulated(_:_:)`` when the table lacks the band for the aerosol.
    public func termsAtAODNodes(
        _ band: SpectralBand, aerosol: AerosolModel, geometry: SunViewGeometry,
        gas: GasAbsorption
    ) throws -> [(aod550: Double, terms: AtmosphericTerms)] {
        guard let block = blocks["\(aerosol.rawValue)/\(band.rawValue)"], let gasBlock = gasBands[band.rawValue] else {
            throw SixSTableError.notTabulated(band, aerosol)
        }
        let gasTransmittance: Double
        switch gas {
        case .none: gasTransmittance = 1
        case .columns(let water, let ozoneColumn):
            gasTransmittance = gasLookup(gasBlock, airMass: geometry.airMass, water: water, ozone: ozoneColumn)
        }
        let i = solarZenith.locate(geometry.solarZenith)
        let j = viewZenith.locate(geometry.viewZenith)
        let k = relativeAzimuth.locate(geometry.relativeAzimuth)
        let nV = viewZenith.nodes.count
        let nR = relativeAzimuth.nodes.count
        let nA = aod.nodes.count
        return aod.nodes.indices.map { l in
            var sums = (0.0, 0.0, 0.0)
            for (di, wi) in [(0, 1 - i.weight), (1, i.weight)] where wi > 0 {
                for (dj, wj) in [(0, 1 - j.weight), (1, j.weight)] where wj > 0 {
                    for (dk, wk) in [(0, 1 - k.weight), (1, k.weight)] where wk > 0 {
                        let node = (((i.lower + di) * nV + j.lower + dj) * nR + k.lower + dk) * nA + l
                        let at = block + 3 * node
                        let w = wi * wj * wk
                        sums.0 += w * Double(scattering[at])
                        sums.1 += w * Double(scattering[at + 1])
                        sums.2 += w * Double(scattering[at + 2])
                    }
                }
            }
            let terms = AtmosphericTerms(
                pathReflectance: sums.0, transmittance: sums.1, sphericalAlbedo: sums.2,
                gasTransmittance: gasTransmittance)
            return (aod.nodes[l], terms)
        }
    }

    /// Trilinear two-way gaseous transmittance of the band starting at `block`.
    private func gasLookup(_ block: Int, airMass m: Double, water: Double, ozone o: Double) -> Double {
        let a = airMass.locate(m)
        let w = waterVapour.locate(water)
        let z = ozone.locate(o)
        let nW = waterVapour.nodes.count
        let nZ = ozone.nodes.count
        var sum = 0.0
        for (da, wa) in [(0, 1 - a.weight), (1, a.weight)] where wa > 0 {
            for (dw, ww) in [(0, 1 - w.weight), (1, w.weight)] where ww > 0 {
                for (dz, wz) in [(0, 1 - z.weight), (1, z.weight)] where wz > 0 {
                    sum += wa * ww * wz * Double(gas[block + ((a.lower + da) * nW + w.lower + dw) * nZ + z.lower + dz])
                }
            }
        }
        return sum
    }

    /// The parts of `aod-lut.json` the table needs.
    struct Description: Decodable {
        struct Block: Decodable { let aerosol: String, band: String }
        struct Scattering: Decodable {
            let count: Int, block: [Block], solarZenith: [Double], viewZenith: [Double]
            let relativeAzimuth: [Double], aod550: [Double]
            enum CodingKeys: String, CodingKey {
                case count, block, aod550
                case solarZenith = "solar_zenith"
                case viewZenith = "view_zenith"
                case relativeAzimuth = "relative_azimuth"
            }
        }
        struct Gas: Decodable {
            let offset: Int, count: Int, band: [String], airMass: [Double], waterVapour: [Double], ozone: [Double]
            enum CodingKeys: String, CodingKey {
                case offset, count, band, ozone
                case airMass = "air_mass"
                case waterVapour = "water_vapour"
            }
        }
        let scattering: Scattering
        let gas: Gas
    }
}
