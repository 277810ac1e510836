/// A 3 x 5 pixel font for the labels of the task pictures (volcal heatmaps, AOD previews): digits,
/// sign, decimal point and "m".
enum BitmapFont {
    static let glyphWidth = 3
    static let glyphHeight = 5

    private static let glyphs: [Character: [String]] = [
        "0": ["###", "#.#", "#.#", "#.#", "###"], "1": [".#.", "##.", ".#.", ".#.", "###"],
        "2": ["###", "..#", "###", "#..", "###"], "3": ["###", "..#", "###", "..#", "###"],
        "4": ["#.#", "#.#", "###", "..#", "..#"], "5": ["###", "#..", "###", "..#", "###"],
        "6": ["###", "#..", "###", "#.#", "###"], "7": ["###", "..#", "..#", "..#", "..#"],
        "8": ["###", "#.#", "###", "#.#", "###"], "9": ["###", "#.#", "###", "..#", "###"],
        "-": ["...", "...", "###", "...", "..."], "+": ["...", ".#.", "###", ".#.", "..."],
        ".": ["...", "...", "...", "...", ".#."], "m": ["...", "...", "###", "###", "#.#"],
        " ": ["...", "...", "...", "...", "..."],
    ]

    /// Whether the pixel at `column`, `row` of the glyph of `character` is ink (unknown characters
    /// draw as spaces).
    static func isInk(_ character: Character, column: Int, row: Int) -> Bool {
        guard let glyph = glyphs[character] else { return false }
        let line = Array(glyph[row])
        return line[column] == "#"
    }

    /// The width in pixels of `text` drawn at `scale`, one blank column between glyphs.
    static func width(of text: String, scale: Int) -> Int {
        max(0, text.count * (glyphWidth + 1) - 1) * scale
    }
}
