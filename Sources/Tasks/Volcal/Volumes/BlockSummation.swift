import Foundation
import GeoKit

/// The block-by-block pass over the polygons' window: for each block it rasterizes the polygons,
/// reads both surfaces and their validity, adds every covered cell to the tallies and writes the
/// block of the difference raster. Memory is that of one block, whatever the rasters' size.
struct BlockSummation {
    let pair: DEMPair
    let area: AreaOfInterest
    let cellAreas: CellAreaModel
    let options: VolcalOptions

    /// The tallies over the union of the polygons, and per polygon (when there are several).
    struct Tallies {
        var total = VolumeTally()
        var perFeature: [VolumeTally]
    }

    /// Sums the window, writing the difference raster to `url`; `progress` gets the fraction of blocks done.
    func run(window: PixelWindow, writingTo url: URL, progress: (Double) throws -> Void) throws -> Tallies {
        let writer = try DifferenceRasterWriter(url: url, window: window, grid: pair.grid, crs: pair.crs)
        let blocks = window.blocks(size: max(1, options.blockSize))
        var tallies = Tallies(
            perFeature: area.parts.count > 1 ? Array(repeating: VolumeTally(), count: area.parts.count) : [])
        for (index, block) in blocks.enumerated() {
            try writer.write(try add(block, to: &tallies), block: block)
            try progress(Double(index + 1) / Double(blocks.count))
        }
        try writer.finish()
        return tallies
    }

    /// Adds the cells of `block` to `tallies` and returns the block's differences (nodata outside).
    private func add(_ block: PixelWindow, to tallies: inout Tallies) throws -> [Float] {
        var differences = [Float](repeating: DifferenceRasterWriter.noData, count: block.cellCount)
        let inside = try mask(of: area.geometries, block)
        guard inside.contains(1) else { return differences }
        let pre = try pair.pre.read(block, as: Double.self)
        let post = try pair.post.read(block, as: Double.self)
        let preValid = try pair.pre.readValidity(block)
        let postValid = try pair.post.readValidity(block)
        let featureMasks = tallies.perFeature.isEmpty ? [] : try area.parts.map { try mask(of: [$0.geometry], block) }
        for cell in 0..<block.cellCount where inside[cell] != 0 {
            let dz = post[cell] - pre[cell]
            let valid = preValid[cell] != 0 && postValid[cell] != 0 && dz.isFinite
            let cellArea = cellAreas.area(row: block.row + cell / block.width)
            if valid {
                differences[cell] = Float(dz)
                tallies.total.addValid(dz: dz, area: cellArea, tolerance: options.toleranceM)
            } else {
                tallies.total.addNodata()
            }
            for (feature, featureMask) in featureMasks.enumerated() where featureMask[cell] != 0 {
                if valid {
                    tallies.perFeature[feature].addValid(dz: dz, area: cellArea, tolerance: options.toleranceM)
                } else {
                    tallies.perFeature[feature].addNodata()
                }
            }
        }
        return differences
    }

    private func mask(of geometries: [Geometry], _ block: PixelWindow) throws -> [UInt8] {
        try PolygonMask.cells(
            of: geometries, width: block.width, height: block.height,
            transform: pair.grid.shifted(column: block.column, row: block.row), allTouched: options.allTouched)
    }
}
