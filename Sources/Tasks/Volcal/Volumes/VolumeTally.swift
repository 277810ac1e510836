/// Running sums over the cells of one polygon (or all), added to block by block.
struct VolumeTally {
    private(set) var cut = 0.0
    private(set) var fill = 0.0
    private(set) var cutArea = 0.0
    private(set) var fillArea = 0.0
    private(set) var unchangedArea = 0.0
    /// Sum of the valid cells' areas, and of their squares (for the uncertainty).
    private(set) var validArea = 0.0
    private(set) var validAreaSquared = 0.0
    private var weightedDz = 0.0
    private(set) var validCells = 0
    private(set) var nodataCells = 0
    private var minDz = Double.infinity
    private var maxDz = -Double.infinity

    /// Adds a cell valid in both surfaces, with its change `dz` and ground `area`; a change of at most
    /// `tolerance` in magnitude counts as unchanged.
    mutating func addValid(dz: Double, area: Double, tolerance: Double) {
        validCells += 1
        validArea += area
        validAreaSquared += area * area
        weightedDz += dz * area
        minDz = min(minDz, dz)
        maxDz = max(maxDz, dz)
        if abs(dz) <= tolerance {
            unchangedArea += area
        } else if dz < 0 {
            cut -= dz * area
            cutArea += area
        } else {
            fill += dz * area
            fillArea += area
        }
    }

    /// Adds a cell inside the polygon that is nodata in either surface.
    mutating func addNodata() { nodataCells += 1 }

    /// The figures, with the polygon's own area.
    func figures(polygonAreaM2: Double) -> VolumeFigures {
        let any = validCells > 0
        return VolumeFigures(
            cutM3: cut, fillM3: fill, netM3: fill - cut, cutAreaM2: cutArea, fillAreaM2: fillArea,
            unchangedAreaM2: unchangedArea, polygonAreaM2: polygonAreaM2, validCells: validCells,
            nodataCells: nodataCells, minDz: any ? minDz : nil, maxDz: any ? maxDz : nil,
            meanDz: any ? weightedDz / validArea : nil)
    }
}
