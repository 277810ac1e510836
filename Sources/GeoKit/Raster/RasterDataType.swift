import CGDAL

/// The cell types GeoKit reads and writes.
public enum RasterDataType: Sendable, Hashable {
    case byte, float32

    var gdal: GDALDataType {
        switch self {
        case .byte: GDT_Byte
        case .float32: GDT_Float32
        }
    }
}
