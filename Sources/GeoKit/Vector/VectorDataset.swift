import CGDAL
import Foundation

/// An OGR vector dataset (a shapefile, say), opened read-only and closed when the object goes away.
///
/// Not thread-safe: use one object from one thread at a time.
public final class VectorDataset {
    let handle: GDALDatasetH

    private init(handle: GDALDatasetH) { self.handle = handle }

    deinit { GDALClose(handle) }

    /// Opens a vector file read-only; fails when GDAL cannot read it as vector data (a shapefile
    /// without its `.shx`, say).
    public static func open(_ url: URL) throws -> VectorDataset {
        let handle = try GDALCall.run("open vector \(url.lastPathComponent)") {
            GDALOpenEx(url.path, UInt32(GDAL_OF_VECTOR | GDAL_OF_READONLY | GDAL_OF_VERBOSE_ERROR), nil, nil, nil)
        }
        return VectorDataset(handle: handle)
    }

    public var layerCount: Int { Int(GDALDatasetGetLayerCount(handle)) }

    /// The layers, in order.
    public var layers: [VectorLayer] {
        (0..<layerCount).compactMap { index in
            GDALDatasetGetLayer(handle, Int32(index)).map { VectorLayer(dataset: self, handle: $0) }
        }
    }
}
