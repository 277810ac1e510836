import Foundation
import GeoKit

/// The two surfaces on one grid: `pre` as it is, `post` resampled onto `pre`'s grid when its CRS,
/// cell size, origin or size differ.
struct DEMPair {
    let pre: Raster
    let post: Raster
    /// `pre`'s grid, which is the grid of the calculation.
    let grid: GeoTransform
    let crs: SpatialReference
    /// Whether `post` was resampled.
    let postResampled: Bool

    var width: Int { pre.width }
    var height: Int { pre.height }

    /// Opens both rasters and checks that each is georeferenced and that they overlap.
    static func open(pre preURL: URL, post postURL: URL) throws -> (pre: GeoreferencedRaster, post: GeoreferencedRaster)
    {
        let pre = try GeoreferencedRaster.open(preURL, input: "pre")
        let post = try GeoreferencedRaster.open(postURL, input: "post")
        let postExtent = post.transform.extent(width: post.raster.width, height: post.raster.height)
        let toPre = try? CoordinateTransformation(from: post.crs, to: pre.crs)
        guard let corners = try? toPre?.transform(postExtent.borderPoints()),
            let reprojected = Envelope(points: corners),
            reprojected.intersection(pre.transform.extent(width: pre.raster.width, height: pre.raster.height)) != nil
        else { throw VolcalFailure.rastersDisjoint }
        return (pre, post)
    }

    /// The pair on `pre`'s grid, resampling `post` with `resampling` when the grids differ.
    static func aligned(pre: GeoreferencedRaster, post: GeoreferencedRaster, resampling: Resampling) throws -> DEMPair {
        let sameGrid =
            pre.crs.isSame(as: post.crs) && pre.transform == post.transform && pre.raster.width == post.raster.width
            && pre.raster.height == post.raster.height
        let alignedPost = sameGrid ? post.raster : try post.raster.warped(onto: pre.raster, resampling: resampling)
        return DEMPair(pre: pre.raster, post: alignedPost, grid: pre.transform, crs: pre.crs, postResampled: !sameGrid)
    }
}
