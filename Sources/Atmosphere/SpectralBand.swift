/// The spectral bands the retrieval uses, with Sentinel-2A central wavelengths (µm): B02 0.4924, B04 0.6646, B8A 0.8647, B11 1.6137, B12 2.2024.
public enum SpectralBand: String, Sendable, Hashable, Codable, CaseIterable {
    /// B02, blue.
    case blue
    /// B04, red.
    case red
    /// B8A, narrow near infrared.
    case nir
    /// B11, shortwave infrared at 1.6 µm.
    case swir16
    /// B12, shortwave infrared at 2.2 µm.
    case swir22

    /// The Sentinel-2A central wavelength in micrometres.
    public var wavelength: Double {
        switch self {
        case .blue: 0.4924
        case .red: 0.6646
        case .nir: 0.8647
        case .swir16: 1.6137
        case .swir22: 2.2024
        }
    }

    /// The band's position in `allCases`, for band-indexed storage.
    var index: Int {
        switch self {
        case .blue: 0
        case .red: 1
        case .nir: 2
        case .swir16: 3
        case .swir22: 4
        }
    }
}
