/// Which cells of the Sentinel-2 L2A scene classification (SCL) the retrieval may use: vegetation
/// (4), not vegetated (5) and unclassified (7). Masked: no data (0), saturated or defective (1), dark
/// features and shadows (2), cloud shadows (3), water (6), clouds of medium and high probability (8,
/// 9), thin cirrus (10) and snow or ice (11).
enum SceneClassMask {
    static let usableClasses: Set<Int> = [4, 5, 7]

    /// Whether each cell's class is usable; cells without a class (NaN) are not.
    static func usable(_ classes: [Float]) -> [Bool] {
        classes.map { $0.isFinite && usableClasses.contains(Int($0)) }
    }
}
