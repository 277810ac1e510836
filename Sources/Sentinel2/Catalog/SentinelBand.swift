import Atmosphere

/// The Sentinel-2 L2A bands the AOD estimation reads.
public enum SentinelBand: String, Sendable, Hashable, Codable, CaseIterable {
    /// Blue, 490 nm, 10 m.
    case B02
    /// Red, 665 nm, 10 m.
    case B04
    /// Narrow near infrared, 865 nm, 20 m.
    case B8A
    /// Shortwave infrared, 1610 nm, 20 m.
    case B11
    /// Shortwave infrared, 2190 nm, 20 m.
    case B12
    /// Scene classification layer.
    case SCL
    /// Aerosol optical thickness at 550 nm estimated by Sen2Cor.
    case AOT
    /// Water vapour column in cm (g/cm²) estimated by Sen2Cor: DN / 1000.
    case WVP

    /// Asset keys that name this band in STAC items, Planetary Computer style first, then Earth Search style.
    public var assetKeys: [String] {
        switch self {
        case .B02: ["B02", "blue"]
        case .B04: ["B04", "red"]
        case .B8A: ["B8A", "nir08"]
        case .B11: ["B11", "swir16"]
        case .B12: ["B12", "swir22"]
        case .SCL: ["SCL", "scl"]
        case .AOT: ["AOT", "aot"]
        case .WVP: ["WVP", "wvp"]
        }
    }

    /// The spectral band of a reflectance band (nil for SCL, AOT and WVP).
    public var spectralBand: SpectralBand? {
        switch self {
        case .B02: .blue
        case .B04: .red
        case .B8A: .nir
        case .B11: .swir16
        case .B12: .swir22
        case .SCL, .AOT, .WVP: nil
        }
    }

    /// Bands a scene must have to be usable: B02, B04, B8A, B12, SCL (B11, AOT and WVP are optional).
    public static let required: [SentinelBand] = [.B02, .B04, .B8A, .B12, .SCL]

    /// Whether a scene is usable without this band.
    public var isRequired: Bool { Self.required.contains(self) }
}
