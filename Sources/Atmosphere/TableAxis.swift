import Foundation

/// One axis of the 6S table: its nodes, and the coordinate it is interpolated in.
///
/// Zenith angles are interpolated in 1/cos (the air mass, in which transmittance and path reflectance
/// are nearly linear), the relative azimuth in −cos φ (single scattering is linear in cos φ through
/// the scattering angle), everything else linearly.
struct TableAxis: Sendable {
    enum Scale: Sendable {
        case linear, secant, negativeCosine

        func coordinate(_ value: Double) -> Double {
            switch self {
            case .linear: value
            case .secant: 1 / cos(value * .pi / 180)
            case .negativeCosine: -cos(value * .pi / 180)
            }
        }
    }

    /// The nodes as tabulated (degrees, AOD, g/cm², ...), increasing.
    let nodes: [Double]
    /// The nodes in the interpolation coordinate, increasing.
    let coordinates: [Double]

    init(_ nodes: [Double], scale: Scale = .linear) throws {
        guard nodes.count >= 2, zip(nodes, nodes.dropFirst()).allSatisfy({ $0 < $1 }) else {
            throw SixSTableError.damaged("an axis needs at least two increasing nodes, found \(nodes)")
        }
        self.nodes = nodes
        self.coordinates = nodes.map(scale.coordinate)
        self.scale = scale
    }

    let scale: Scale

    /// The cell holding `value`: its lower node, the weight of its upper node (0...1), and whether
    /// `value` lay outside the axis and was clamped to its nearest end.
    @inline(__always)
    func locate(_ value: Double) -> (lower: Int, weight: Double, clamped: Bool) {
        let x = scale.coordinate(value)
        let last = coordinates.count - 1
        // NaN compares false with everything: it lands on the first node and counts as clamped.
        guard x >= coordinates[0] else { return (0, 0, true) }
        guard x <= coordinates[last] else { return (last - 1, 1, true) }
        var lower = 0
        while lower < last - 1 && coordinates[lower + 1] <= x { lower += 1 }
        let weight = (x - coordinates[lower]) / (coordinates[lower + 1] - coordinates[lower])
        return (lower, weight, false)
    }
}
