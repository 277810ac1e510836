import GeoKit

/// Everything a calculation found: the totals inside the polygon(s), how they were computed, the
/// uncertainty, and the figures of each feature when the shapefile has several polygons.
public struct VolumeResult: Sendable, Hashable, Codable {
    /// Totals over the union of the polygons (a cell inside two features counts once).
    public var totals: VolumeFigures
    /// The side of a square with the area of a cell at the polygon's centre, metres.
    public var cellSizeM: Double
    /// The CRS of the calculation (`pre`'s): its authority code when it has one ("EPSG:32633"), else its name.
    public var crs: String
    /// True when the shapefile had no `.prj` and was taken to be in `crs`.
    public var polygonCRSAssumed: Bool
    /// Whether `post` was resampled onto `pre`'s grid, and how.
    public var postResampled: Bool
    public var resampling: Resampling
    public var toleranceM: Double
    public var allTouched: Bool
    public var featureID: Int?
    public var uncertainty: VolumeUncertainty
    /// One entry per polygon feature when there are several; empty for one.
    public var features: [FeatureVolume]
    /// Remarks a surveyor should read (an assumed CRS, a resampled surface).
    public var notes: [String]

    enum CodingKeys: String, CodingKey {
        case cellSizeM = "cell_size_m", crs, polygonCRSAssumed = "polygon_crs_assumed"
        case postResampled = "post_resampled", resampling, toleranceM = "tolerance_m", allTouched = "all_touched"
        case featureID = "feature_id", uncertainty, features, notes
    }

    public init(
        totals: VolumeFigures, cellSizeM: Double, crs: String, polygonCRSAssumed: Bool, postResampled: Bool,
        options: VolcalOptions, uncertainty: VolumeUncertainty, features: [FeatureVolume], notes: [String]
    ) {
        self.totals = totals
        self.cellSizeM = cellSizeM
        self.crs = crs
        self.polygonCRSAssumed = polygonCRSAssumed
        self.postResampled = postResampled
        resampling = options.resampling
        toleranceM = options.toleranceM
        allTouched = options.allTouched
        featureID = options.featureID
        self.uncertainty = uncertainty
        self.features = features
        self.notes = notes
    }

    /// Decodes the flat form ``encode(to:)`` writes.
    public init(from decoder: any Decoder) throws {
        totals = try VolumeFigures(from: decoder)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        cellSizeM = try container.decode(Double.self, forKey: .cellSizeM)
        crs = try container.decode(String.self, forKey: .crs)
        polygonCRSAssumed = try container.decode(Bool.self, forKey: .polygonCRSAssumed)
        postResampled = try container.decode(Bool.self, forKey: .postResampled)
        resampling = try container.decode(Resampling.self, forKey: .resampling)
        toleranceM = try container.decode(Double.self, forKey: .toleranceM)
        allTouched = try container.decode(Bool.self, forKey: .allTouched)
        featureID = try container.decodeIfPresent(Int.self, forKey: .featureID)
        uncertainty = try container.decode(VolumeUncertainty.self, forKey: .uncertainty)
        features = try container.decode([FeatureVolume].self, forKey: .features)
        notes = try container.decode([String].self, forKey: .notes)
    }

    /// Encodes the totals' figures (`cut_m3`, ...) beside the other fields, in one flat object.
    public func encode(to encoder: any Encoder) throws {
        try totals.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(cellSizeM, forKey: .cellSizeM)
        try container.encode(crs, forKey: .crs)
        try container.encode(polygonCRSAssumed, forKey: .polygonCRSAssumed)
        try container.encode(postResampled, forKey: .postResampled)
        try container.encode(resampling, forKey: .resampling)
        try container.encode(toleranceM, forKey: .toleranceM)
        try container.encode(allTouched, forKey: .allTouched)
        try container.encodeIfPresent(featureID, forKey: .featureID)
        try container.encode(uncertainty, forKey: .uncertainty)
        try container.encode(features, forKey: .features)
        try container.encode(notes, forKey: .notes)
    }
}
