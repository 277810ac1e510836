import GeoKit
import Testing

@testable import Tasks

/// Chips start at the scene cell of the box's north-west corner and are as many as cover the box.
@Suite("AOD: chip grid")
struct ChipGridTests {
    private let scene = GeoTransform(originX: 500_000, cellWidth: 20, originY: 4_400_000, cellHeight: -20)

    @Test func aBoxOfTwoAndAHalfChipsTakesThreeColumns() {
        // 130 cells across (2.03 chips of 64), 64 cells down, starting mid-cell.
        let envelope = Envelope(minX: 500_010, minY: 4_398_710, maxX: 502_610, maxY: 4_399_990)
        let grid = ChipGrid(covering: envelope, sceneGrid: scene, chipSize: 64)
        #expect(grid.transform.originX == 500_000 && grid.transform.originY == 4_400_000)
        #expect(grid.columns == 3 && grid.rows == 2)
        #expect(grid.window(row: 1, column: 2) == PixelWindow(column: 128, row: 64, width: 64, height: 64))
        #expect(grid.chipTransform(row: 1, column: 2).originX == 500_000 + 128 * 20)
        #expect(grid.chipTransform(row: 1, column: 2).originY == 4_400_000 - 64 * 20)
    }

    @Test func edgesOnCellBoundariesTakeNoExtraCell() {
        let envelope = Envelope(minX: 501_000, minY: 4_397_440, maxX: 503_560, maxY: 4_400_000)
        let grid = ChipGrid(covering: envelope, sceneGrid: scene, chipSize: 128)
        #expect(grid.transform.originX == 501_000)
        #expect(grid.columns == 1 && grid.rows == 1)
    }

    @Test func aBoxSmallerThanACellStillGetsOneChip() {
        let envelope = Envelope(minX: 500_101, minY: 4_399_801, maxX: 500_102, maxY: 4_399_802)
        let grid = ChipGrid(covering: envelope, sceneGrid: scene, chipSize: 64)
        #expect(grid.columns == 1 && grid.rows == 1)
        #expect(grid.transform.originX == 500_100 && grid.transform.originY == 4_399_820)
    }
}
