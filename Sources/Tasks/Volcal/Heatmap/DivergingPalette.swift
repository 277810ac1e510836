/// Colours for height changes, symmetric around 0: cut (negative) from pale to full red, fill
/// (positive) from pale to full blue, reaching full colour at ±`limit`. Changes within the tolerance
/// are transparent.
struct DivergingPalette {
    /// The magnitude drawn in full colour, metres.
    let limit: Double
    let tolerance: Double

    /// The palette for changes `values` (nodata excluded by the caller): full colour at the largest
    /// magnitude.
    init(largestMagnitude: Double, tolerance: Double) {
        limit = largestMagnitude > 0 ? largestMagnitude : max(tolerance, 1)
        self.tolerance = tolerance
    }

    func color(dz: Double) -> RGBA {
        guard abs(dz) > tolerance else { return .clear }
        // Pale at the smallest change, so that small changes still show on a white background.
        let strength = 0.2 + 0.8 * min(1, abs(dz) / limit)
        let pale = UInt8((255 * (1 - strength)).rounded())
        return dz < 0
            ? RGBA(red: 255, green: pale, blue: pale, alpha: 255) : RGBA(red: pale, green: pale, blue: 255, alpha: 255)
    }
}
