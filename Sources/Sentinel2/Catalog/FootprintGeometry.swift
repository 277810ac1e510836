/// Planar lon/lat geometry on footprint rings (outer rings of polygons, holes ignored).
/// Coordinates are treated as plane x/y, which is accurate enough for scene footprints and
/// processing boxes that do not cross the antimeridian.
enum FootprintGeometry {
    /// Sample points per axis used by `fractionInside`.
    static let coverageSamplesPerAxis = 32

    /// Whether `point` lies inside `ring` (even–odd rule; points exactly on an edge may fall either way).
    static func contains(_ point: LonLat, ring: [LonLat]) -> Bool {
        guard ring.count >= 3 else { return false }
        var inside = false
        var previous = ring[ring.count - 1]
        for current in ring {
            let straddles = (current.latitude > point.latitude) != (previous.latitude > point.latitude)
            if straddles {
                let crossingLongitude =
                    current.longitude + (point.latitude - current.latitude)
                    * (previous.longitude - current.longitude) / (previous.latitude - current.latitude)
                if point.longitude < crossingLongitude { inside.toggle() }
            }
            previous = current
        }
        return inside
    }

    /// Whether `point` lies inside any of `rings`.
    static func contains(_ point: LonLat, rings: [[LonLat]]) -> Bool {
        rings.contains { contains(point, ring: $0) }
    }

    /// The share (0...1) of the centres of a `coverageSamplesPerAxis`² grid over `box` that lie inside `rings`.
    static func fractionInside(_ box: GeoBoundingBox, rings: [[LonLat]]) -> Double {
        let count = coverageSamplesPerAxis
        let width = box.maxLongitude - box.minLongitude
        let height = box.maxLatitude - box.minLatitude
        var inside = 0
        for row in 0..<count {
            let latitude = box.minLatitude + (Double(row) + 0.5) / Double(count) * height
            for column in 0..<count {
                let longitude = box.minLongitude + (Double(column) + 0.5) / Double(count) * width
                if contains(LonLat(longitude: longitude, latitude: latitude), rings: rings) { inside += 1 }
            }
        }
        return Double(inside) / Double(count * count)
    }

    /// Whether any of `rings` and `box` share a point: a ring vertex in the box, a box corner in a
    /// ring, or a ring edge crossing a box edge.
    static func intersects(_ box: GeoBoundingBox, rings: [[LonLat]]) -> Bool {
        let corners = box.corners
        let boxEdges = zip(corners, corners.dropFirst() + corners.prefix(1)).map { ($0, $1) }
        return rings.contains { ring in
            if ring.contains(where: box.contains) { return true }
            if corners.contains(where: { contains($0, ring: ring) }) { return true }
            let ringEdges = zip(ring, ring.dropFirst() + ring.prefix(1))
            return ringEdges.contains { edge in
                boxEdges.contains { segmentsIntersect(edge.0, edge.1, $0.0, $0.1) }
            }
        }
    }

    /// Whether segments `a1–a2` and `b1–b2` share a point.
    static func segmentsIntersect(_ a1: LonLat, _ a2: LonLat, _ b1: LonLat, _ b2: LonLat) -> Bool {
        let d1 = orientation(b1, b2, a1), d2 = orientation(b1, b2, a2)
        let d3 = orientation(a1, a2, b1), d4 = orientation(a1, a2, b2)
        if ((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0)) { return true }
        return (d1 == 0 && onSegment(b1, b2, a1)) || (d2 == 0 && onSegment(b1, b2, a2))
            || (d3 == 0 && onSegment(a1, a2, b1)) || (d4 == 0 && onSegment(a1, a2, b2))
    }

    /// Cross product sign of `origin→a` × `origin→b`: positive counter-clockwise, 0 collinear.
    private static func orientation(_ origin: LonLat, _ a: LonLat, _ b: LonLat) -> Double {
        (a.longitude - origin.longitude) * (b.latitude - origin.latitude)
            - (a.latitude - origin.latitude) * (b.longitude - origin.longitude)
    }

    /// Whether `point`, collinear with `start–end`, lies within the segment's extent.
    private static func onSegment(_ start: LonLat, _ end: LonLat, _ point: LonLat) -> Bool {
        point.longitude >= min(start.longitude, end.longitude) && point.longitude <= max(start.longitude, end.longitude)
            && point.latitude >= min(start.latitude, end.latitude)
            && point.latitude <= max(start.latitude, end.latitude)
    }
}
