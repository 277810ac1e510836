/// An RGBA image in four planes (red, green, blue, alpha), transparent when created.
struct Canvas {
    let width: Int
    let height: Int
    /// The planes, row by row: red, green, blue, alpha.
    private(set) var planes: [[UInt8]]

    init(width: Int, height: Int) {
        self.width = width
        self.height = height
        planes = Array(repeating: [UInt8](repeating: 0, count: width * height), count: 4)
    }

    /// Sets one pixel; pixels outside the canvas are ignored.
    mutating func set(x: Int, y: Int, _ color: RGBA) {
        guard x >= 0, y >= 0, x < width, y < height else { return }
        let index = y * width + x
        planes[0][index] = color.red
        planes[1][index] = color.green
        planes[2][index] = color.blue
        planes[3][index] = color.alpha
    }

    mutating func fill(x: Int, y: Int, width: Int, height: Int, _ color: RGBA) {
        for row in y..<(y + height) {
            for column in x..<(x + width) { set(x: column, y: row, color) }
        }
    }

    /// Draws `text` with its top-left corner at `x`, `y`, each font pixel `scale` x `scale`.
    mutating func draw(_ text: String, x: Int, y: Int, scale: Int, _ color: RGBA) {
        for (index, character) in text.enumerated() {
            let left = x + index * (BitmapFont.glyphWidth + 1) * scale
            for row in 0..<BitmapFont.glyphHeight {
                for column in 0..<BitmapFont.glyphWidth where BitmapFont.isInk(character, column: column, row: row) {
                    fill(x: left + column * scale, y: y + row * scale, width: scale, height: scale, color)
                }
            }
        }
    }
}
