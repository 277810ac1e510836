/// The volumes and areas inside one polygon (or all of them): what the calculation reports.
public struct VolumeFigures: Sendable, Hashable, Codable {
    /// Material removed: the sum over changed cells of `max(−dz, 0) × cell area`, positive, m³.
    public var cutM3: Double
    /// Material added: the sum over changed cells of `max(dz, 0) × cell area`, positive, m³.
    public var fillM3: Double
    /// `fill − cut`, m³.
    public var netM3: Double
    /// Ground area of the cells that lost more than the tolerance, m².
    public var cutAreaM2: Double
    /// Ground area of the cells that gained more than the tolerance, m².
    public var fillAreaM2: Double
    /// Ground area of the valid cells whose change is within the tolerance, m².
    public var unchangedAreaM2: Double
    /// The polygon's own area (not its cells'), m².
    public var polygonAreaM2: Double
    /// Cells inside the polygon valid in both surfaces, and cells nodata in either.
    public var validCells: Int
    public var nodataCells: Int
    /// Smallest, largest and area-weighted mean `dz = post − pre` over the valid cells, metres; nil
    /// without valid cells.
    public var minDz: Double?
    public var maxDz: Double?
    public var meanDz: Double?

    enum CodingKeys: String, CodingKey {
        case cutM3 = "cut_m3", fillM3 = "fill_m3", netM3 = "net_m3", cutAreaM2 = "cut_area_m2"
        case fillAreaM2 = "fill_area_m2", unchangedAreaM2 = "unchanged_area_m2", polygonAreaM2 = "polygon_area_m2"
        case validCells = "valid_cells", nodataCells = "nodata_cells", minDz = "min_dz", maxDz = "max_dz"
        case meanDz = "mean_dz"
    }
}
