/// The figures of one polygon feature of a shapefile with several.
public struct FeatureVolume: Sendable, Hashable, Codable {
    /// The feature's FID (a shapefile's record number, from 0).
    public var featureID: Int
    public var figures: VolumeFigures

    enum CodingKeys: String, CodingKey {
        case featureID = "feature_id"
    }

    public init(featureID: Int, figures: VolumeFigures) {
        self.featureID = featureID
        self.figures = figures
    }

    public init(from decoder: any Decoder) throws {
        featureID = try decoder.container(keyedBy: CodingKeys.self).decode(Int.self, forKey: .featureID)
        figures = try VolumeFigures(from: decoder)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(featureID, forKey: .featureID)
        try figures.encode(to: encoder)
    }
}
