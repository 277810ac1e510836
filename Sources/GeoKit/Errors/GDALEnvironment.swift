import CGDAL

/// Process-wide GDAL set-up, done once: every driver registered and the raster block cache bounded.
///
/// Threading rule: GDAL handles are not thread-safe, so every GeoKit object that owns one
/// (``Raster``, ``VectorDataset``, ``Geometry``, ``SpatialReference``, ``CoordinateTransformation``)
/// is a non-`Sendable` class: it is used by one thread at a time, and a job opens its own.
public enum GDALEnvironment {
    /// The most memory GDAL's raster block cache may hold, in bytes (256 MiB), whatever the machine.
    public static let blockCacheBytes: Int64 = 256 << 20

    private static let registration: Void = {
        GDALAllRegister()
        GDALSetCacheMax64(blockCacheBytes)
    }()

    /// Registers GDAL's drivers the first time it is called.
    public static func ensureRegistered() { registration }

    /// GDAL's release name, such as "3.6.2".
    public static var version: String {
        ensureRegistered()
        return String(cString: GDALVersionInfo("RELEASE_NAME"))
    }
}
