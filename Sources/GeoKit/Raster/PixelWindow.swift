/// A rectangle of cells in a raster: the columns `column ..< column + width`, rows `row ..< row + height`.
public struct PixelWindow: Sendable, Hashable {
    public var column: Int
    public var row: Int
    public var width: Int
    public var height: Int

    public init(column: Int, row: Int, width: Int, height: Int) {
        self.column = column
        self.row = row
        self.width = width
        self.height = height
    }

    public var cellCount: Int { width * height }

    /// The window cut into blocks of at most `size` x `size` cells, row by row.
    public func blocks(size: Int) -> [PixelWindow] {
        stride(from: row, to: row + height, by: size).flatMap { top in
            stride(from: column, to: column + width, by: size).map { left in
                PixelWindow(
                    column: left, row: top, width: min(size, column + width - left),
                    height: min(size, row + height - top))
            }
        }
    }
}
