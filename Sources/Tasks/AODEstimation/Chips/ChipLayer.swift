import Sentinel2

/// The bands of a chip GeoTIFF, in order (band numbers from 1): reflectances, the scene
/// classification, the L2A aerosol optical thickness, the bounding-box mask and the L2A water vapour.
/// All are Float32 with nodata NaN: reflectance, AOT and WVP as physical values (`DN * scale + offset`,
/// WVP in g/cm²), SCL as its class number, BBOX 1 for cells whose centre lies in the bounding box and
/// 0 elsewhere. WVP came last (band 9): chips cut before it have 8 bands and read as without it.
enum ChipLayer: Int, CaseIterable, Sendable {
    case b02 = 1, b04, b8a, b11, b12, scl, aot, bbox, wvp

    /// The scene band it is cut from; nil for the bounding-box mask.
    var sceneBand: SentinelBand? {
        switch self {
        case .b02: .B02
        case .b04: .B04
        case .b8a: .B8A
        case .b11: .B11
        case .b12: .B12
        case .scl: .SCL
        case .aot: .AOT
        case .wvp: .WVP
        case .bbox: nil
        }
    }

    /// The band's description in the GeoTIFF.
    var name: String { sceneBand?.rawValue ?? "BBOX" }
}
