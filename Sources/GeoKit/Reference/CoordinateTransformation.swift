import CGDAL

/// Transforms points between two CRSs (x = easting or longitude, y = northing or latitude).
///
/// Not thread-safe: use one object from one thread at a time.
public final class CoordinateTransformation {
    let handle: OGRCoordinateTransformationH

    public init(from source: SpatialReference, to target: SpatialReference) throws {
        handle = try GDALCall.run("prepare the transformation from \(source.name ?? "?") to \(target.name ?? "?")") {
            OCTNewCoordinateTransformation(source.handle, target.handle)
        }
    }

    deinit { OCTDestroyCoordinateTransformation(handle) }

    /// The transformed points; fails when any point cannot be transformed.
    public func transform(_ points: [(x: Double, y: Double)]) throws -> [(x: Double, y: Double)] {
        var xs = points.map(\.x)
        var ys = points.map(\.y)
        try GDALCall.run("transform coordinates") {
            OCTTransform(handle, Int32(points.count), &xs, &ys, nil) != 0 ? () : nil
        }
        return zip(xs, ys).map { ($0, $1) }
    }
}
