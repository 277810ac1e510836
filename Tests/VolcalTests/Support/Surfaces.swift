/// Height changes with known volumes, in metres from a grid's bottom-left corner.
enum Surfaces {
    /// A pit 2 m deep over x 10..<30, y 70..<80 (200 m²) and a mound 3 m high over x 50..<60,
    /// y 20..<40 (200 m²): cut 400 m³ and fill 600 m³ on any grid of 1 m cells from the corner.
    static func pitAndMound(_ x: Double, _ y: Double) -> Double {
        if (10..<30).contains(x), (70..<80).contains(y) { return -2 }
        if (50..<60).contains(x), (20..<40).contains(y) { return 3 }
        return 0
    }

    /// A cone of height `h` over a disc of radius `radius` around (`cx`, `cy`): volume π r² h / 3.
    static func cone(_ x: Double, _ y: Double, cx: Double, cy: Double, radius: Double, h: Double) -> Double {
        h * max(0, 1 - ((x - cx) * (x - cx) + (y - cy) * (y - cy)).squareRoot() / radius)
    }

    /// A paraboloid dome of height `h` over a disc of radius `radius` around (`cx`, `cy`): volume π r² h / 2.
    static func dome(_ x: Double, _ y: Double, cx: Double, cy: Double, radius: Double, h: Double) -> Double {
        h * max(0, 1 - ((x - cx) * (x - cx) + (y - cy) * (y - cy)) / (radius * radius))
    }
}
