import GeoKit

/// The chips that cover a bounding box on a scene's grid: `rows` x `columns` squares of
/// `chipSize` x `chipSize` cells, starting at the scene cell holding the box's north-west corner, as
/// many as cover the box (the last row and column reach past it).
struct ChipGrid: Sendable, Hashable {
    /// The georeference of the grid's north-west cell, on the scene's cell boundaries.
    let transform: GeoTransform
    let chipSize: Int
    let rows: Int
    let columns: Int

    /// The chips covering `envelope` (map coordinates of the scene's CRS) on the north-up grid
    /// `sceneGrid`.
    init(covering envelope: Envelope, sceneGrid: GeoTransform, chipSize: Int) {
        let cellWidth = sceneGrid.cellWidth
        let cellHeight = -sceneGrid.cellHeight
        // A box edge on a cell boundary (within a millionth of a cell) takes no extra cell.
        let slack = 1e-6
        let firstColumn = ((envelope.minX - sceneGrid.originX) / cellWidth + slack).rounded(.down)
        let firstRow = ((sceneGrid.originY - envelope.maxY) / cellHeight + slack).rounded(.down)
        let endColumn = ((envelope.maxX - sceneGrid.originX) / cellWidth - slack).rounded(.up)
        let endRow = ((sceneGrid.originY - envelope.minY) / cellHeight - slack).rounded(.up)
        let width = max(1, Int(endColumn - firstColumn))
        let height = max(1, Int(endRow - firstRow))
        transform = sceneGrid.shifted(column: Int(firstColumn), row: Int(firstRow))
        self.chipSize = chipSize
        columns = (width + chipSize - 1) / chipSize
        rows = (height + chipSize - 1) / chipSize
    }

    /// Cells across and down the whole grid.
    var width: Int { columns * chipSize }
    var height: Int { rows * chipSize }

    /// The chip at `row`, `column` as a window of the whole grid.
    func window(row: Int, column: Int) -> PixelWindow {
        PixelWindow(column: column * chipSize, row: row * chipSize, width: chipSize, height: chipSize)
    }

    /// The georeference of the chip at `row`, `column`.
    func chipTransform(row: Int, column: Int) -> GeoTransform {
        transform.shifted(column: column * chipSize, row: row * chipSize)
    }
}
