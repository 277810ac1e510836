/// A feature read from a layer: its FID (for a shapefile, the record number from 0) and geometry.
public struct VectorFeature {
    public var id: Int
    /// Nil for a feature without geometry.
    public var geometry: Geometry?
}
