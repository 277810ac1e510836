/// An axis-aligned rectangle in map coordinates.
public struct Envelope: Sendable, Hashable {
    public var minX: Double
    public var minY: Double
    public var maxX: Double
    public var maxY: Double

    public init(minX: Double, minY: Double, maxX: Double, maxY: Double) {
        self.minX = minX
        self.minY = minY
        self.maxX = maxX
        self.maxY = maxY
    }

    /// The smallest envelope holding every point; nil for no points.
    public init?(points: [(x: Double, y: Double)]) {
        guard let first = points.first else { return nil }
        self.init(minX: first.x, minY: first.y, maxX: first.x, maxY: first.y)
        for point in points.dropFirst() {
            minX = min(minX, point.x)
            minY = min(minY, point.y)
            maxX = max(maxX, point.x)
            maxY = max(maxY, point.y)
        }
    }

    /// The common part of two envelopes, nil when they share no area.
    public func intersection(_ other: Envelope) -> Envelope? {
        let result = Envelope(
            minX: max(minX, other.minX), minY: max(minY, other.minY), maxX: min(maxX, other.maxX),
            maxY: min(maxY, other.maxY))
        return result.minX < result.maxX && result.minY < result.maxY ? result : nil
    }

    /// Points along the border (corners and `perSide` points on each side), for reprojecting the
    /// envelope without losing the bulge of curved edges.
    public func borderPoints(perSide: Int = 16) -> [(x: Double, y: Double)] {
        (0...perSide).flatMap { step -> [(x: Double, y: Double)] in
            let t = Double(step) / Double(perSide)
            let x = minX + (maxX - minX) * t
            let y = minY + (maxY - minY) * t
            return [(x, minY), (x, maxY), (minX, y), (maxX, y)]
        }
    }
}
