import CGDAL

/// A layer of a ``VectorDataset``; it keeps its dataset open.
public struct VectorLayer {
    let dataset: VectorDataset
    let handle: OGRLayerH

    /// The layer's CRS (from a shapefile's `.prj`), nil when it declares none.
    public var spatialReference: SpatialReference? {
        OGR_L_GetSpatialRef(handle).map { SpatialReference(cloning: $0) }
    }

    /// Every feature of the layer, in order, with its FID and a copy of its geometry.
    public func features() throws -> [VectorFeature] {
        try GDALCall.run(
            "read the features of layer \(String(cString: OGR_L_GetName(handle)))", failOnErrorMessage: true
        ) {
            OGR_L_ResetReading(handle)
            var features: [VectorFeature] = []
            while let feature = OGR_L_GetNextFeature(handle) {
                defer { OGR_F_Destroy(feature) }
                let geometry = OGR_F_GetGeometryRef(feature).map { Geometry(owning: OGR_G_Clone($0)) }
                features.append(VectorFeature(id: Int(OGR_F_GetFID(feature)), geometry: geometry))
            }
            return features
        }
    }
}
