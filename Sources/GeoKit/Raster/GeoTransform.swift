/// The affine map from pixel to map coordinates of a raster (GDAL's six coefficients):
/// `x = originX + column * cellWidth + row * rowRotation`, `y = originY + column * columnRotation + row * cellHeight`.
public struct GeoTransform: Sendable, Hashable {
    public var originX: Double
    public var cellWidth: Double
    public var rowRotation: Double
    public var originY: Double
    public var columnRotation: Double
    /// Negative for the usual north-up raster.
    public var cellHeight: Double

    public init(
        originX: Double, cellWidth: Double, rowRotation: Double = 0, originY: Double, columnRotation: Double = 0,
        cellHeight: Double
    ) {
        self.originX = originX
        self.cellWidth = cellWidth
        self.rowRotation = rowRotation
        self.originY = originY
        self.columnRotation = columnRotation
        self.cellHeight = cellHeight
    }

    init(coefficients c: [Double]) {
        self.init(
            originX: c[0], cellWidth: c[1], rowRotation: c[2], originY: c[3], columnRotation: c[4], cellHeight: c[5])
    }

    var coefficients: [Double] { [originX, cellWidth, rowRotation, originY, columnRotation, cellHeight] }

    /// Whether rows and columns follow the map axes (no rotation terms).
    public var isNorthUp: Bool { rowRotation == 0 && columnRotation == 0 }

    /// The map coordinates of a pixel position (fractional: 0.5 is a cell centre).
    public func map(column: Double, row: Double) -> (x: Double, y: Double) {
        (originX + column * cellWidth + row * rowRotation, originY + column * columnRotation + row * cellHeight)
    }

    /// The pixel position of map coordinates, for a north-up transform.
    public func pixel(x: Double, y: Double) -> (column: Double, row: Double) {
        ((x - originX) / cellWidth, (y - originY) / cellHeight)
    }

    /// The transform of the sub-grid whose top-left cell is `column`, `row` of this one.
    public func shifted(column: Int, row: Int) -> GeoTransform {
        let origin = map(column: Double(column), row: Double(row))
        var moved = self
        moved.originX = origin.x
        moved.originY = origin.y
        return moved
    }

    /// The map extent of a grid of `width` x `height` cells under this north-up transform.
    public func extent(width: Int, height: Int) -> Envelope {
        let a = map(column: 0, row: 0)
        let b = map(column: Double(width), row: Double(height))
        return Envelope(minX: min(a.x, b.x), minY: min(a.y, b.y), maxX: max(a.x, b.x), maxY: max(a.y, b.y))
    }
}
