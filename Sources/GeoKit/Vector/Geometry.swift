import CGDAL

/// An OGR geometry owned by this object and destroyed with it.
///
/// Not thread-safe: use one object from one thread at a time.
public final class Geometry {
    let handle: OGRGeometryH

    init(owning handle: OGRGeometryH) { self.handle = handle }

    deinit { OGR_G_DestroyGeometry(handle) }

    /// The OGC type name, such as "POLYGON" or "MULTIPOLYGON".
    public var typeName: String { String(cString: OGR_G_GetGeometryName(handle)) }

    /// Whether the geometry is a polygon or a multipolygon (curved ones included), so it has an area.
    public var isPolygonal: Bool {
        let type = OGR_GT_Flatten(OGR_G_GetGeometryType(handle))
        return OGR_GT_IsSubClassOf(type, wkbCurvePolygon) != 0 || OGR_GT_IsSubClassOf(type, wkbMultiSurface) != 0
    }

    public var isEmpty: Bool { OGR_G_IsEmpty(handle) != 0 }

    /// The area in the square units of the geometry's coordinates (0 for points and lines).
    public var area: Double { OGR_G_Area(handle) }

    /// The bounding rectangle.
    public var envelope: Envelope {
        var raw = OGREnvelope()
        OGR_G_GetEnvelope(handle, &raw)
        return Envelope(minX: raw.MinX, minY: raw.MinY, maxX: raw.MaxX, maxY: raw.MaxY)
    }

    /// A copy of the geometry in the transformation's target CRS.
    public func transformed(by transformation: CoordinateTransformation) throws -> Geometry {
        let copy = Geometry(owning: OGR_G_Clone(handle))
        try GDALCall.run("reproject the geometry", failOnErrorMessage: true) {
            OGR_G_Transform(copy.handle, transformation.handle) == OGRERR_NONE ? () : nil
        }
        return copy
    }

    /// The centroid of the geometry.
    public var centroid: (x: Double, y: Double) {
        let point = OGR_G_CreateGeometry(wkbPoint)!
        defer { OGR_G_DestroyGeometry(point) }
        _ = OGR_G_Centroid(handle, point)
        return (OGR_G_GetX(point, 0), OGR_G_GetY(point, 0))
    }
}
