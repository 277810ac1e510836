import CGDAL
import Foundation

/// A coordinate reference system (OSR), always with the traditional GIS axis order: x is easting or
/// longitude, y is northing or latitude, whatever the authority says.
///
/// Not thread-safe: use one object from one thread at a time.
public final class SpatialReference {
    let handle: OGRSpatialReferenceH

    private init(owning handle: OGRSpatialReferenceH) {
        self.handle = handle
        OSRSetAxisMappingStrategy(handle, OAMS_TRADITIONAL_GIS_ORDER)
    }

    convenience init(cloning handle: OGRSpatialReferenceH) {
        self.init(owning: OSRClone(handle))
    }

    deinit { OSRRelease(handle) }

    /// A CRS from anything `gdalsrsinfo` accepts: WKT (OGC or the ESRI dialect of `.prj` files),
    /// PROJ strings, `EPSG:32633`.
    public convenience init(definition: String) throws {
        let handle = OSRNewSpatialReference(nil)!
        do {
            try GDALCall.run("read the coordinate reference system", failOnErrorMessage: true) {
                OSRSetFromUserInput(handle, definition) == OGRERR_NONE ? () : nil
            }
        } catch {
            OSRRelease(handle)
            throw error
        }
        self.init(owning: handle)
    }

    /// The CRS of an EPSG code.
    public convenience init(epsg: Int) throws {
        try self.init(definition: "EPSG:\(epsg)")
    }

    /// The WGS 84 UTM zone holding a longitude and latitude (EPSG 326xx north, 327xx south).
    public static func utm(longitude: Double, latitude: Double) throws -> SpatialReference {
        let zone = min(60, max(1, Int(((longitude + 180) / 6).rounded(.down)) + 1))
        return try SpatialReference(epsg: (latitude < 0 ? 32700 : 32600) + zone)
    }

    /// The CRS as OGC WKT 1.
    public var wkt: String {
        var text: UnsafeMutablePointer<CChar>?
        guard OSRExportToWkt(handle, &text) == OGRERR_NONE, let text else { return "" }
        defer { VSIFree(text) }
        return String(cString: text)
    }

    /// The CRS's name, such as "WGS 84 / UTM zone 33N".
    public var name: String? { OSRGetName(handle).map { String(cString: $0) } }

    /// The authority code, such as "EPSG:32633", when the CRS has or matches one.
    public var authorityCode: String? {
        let target: String? = isProjected ? "PROJCS" : isGeographic ? "GEOGCS" : nil
        guard let authority = OSRGetAuthorityName(handle, target), let code = OSRGetAuthorityCode(handle, target)
        else { return nil }
        return "\(String(cString: authority)):\(String(cString: code))"
    }

    public var isGeographic: Bool { OSRIsGeographic(handle) != 0 }
    public var isProjected: Bool { OSRIsProjected(handle) != 0 }

    /// Metres in one linear unit of a projected CRS (1 for metres, 0.3048 for international feet).
    public var metresPerLinearUnit: Double { OSRGetLinearUnits(handle, nil) }

    /// The ellipsoid's semi-major axis in metres.
    public var semiMajorAxis: Double {
        var error: OGRErr = OGRERR_NONE
        return OSRGetSemiMajor(handle, &error)
    }

    /// The ellipsoid's inverse flattening (0 for a sphere).
    public var inverseFlattening: Double {
        var error: OGRErr = OGRERR_NONE
        return OSRGetInvFlattening(handle, &error)
    }

    /// Whether both describe the same CRS (ignoring axis order and metadata).
    public func isSame(as other: SpatialReference) -> Bool {
        let options = CStringList([
            "IGNORE_DATA_AXIS_TO_SRS_AXIS_MAPPING=YES", "CRITERION=EQUIVALENT_EXCEPT_AXIS_ORDER_GEOGCRS",
        ])
        return OSRIsSameEx(handle, other.handle, options.constPointer) != 0
    }
}
