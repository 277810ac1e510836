/// WKT of axis-aligned rectangles, for the tests' polygons.
enum Square {
    /// The ring of the rectangle from (`minX`, `minY`) to (`maxX`, `maxY`), closed, counter-clockwise.
    static func ring(_ minX: Double, _ minY: Double, _ maxX: Double, _ maxY: Double) -> String {
        "(\(minX) \(minY), \(maxX) \(minY), \(maxX) \(maxY), \(minX) \(maxY), \(minX) \(minY))"
    }

    static func polygon(_ minX: Double, _ minY: Double, _ maxX: Double, _ maxY: Double) -> String {
        "POLYGON (\(ring(minX, minY, maxX, maxY)))"
    }
}
