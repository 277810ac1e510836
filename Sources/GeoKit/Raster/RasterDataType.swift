import CGDAL

/// The cell types GeoKit reads and writes.
public enum RasterDataType: Sendable, Hashable {
    case byte, uint16, float32

    var gdal: GDALDataType {
        switch self {
        case .byte: GDT_Byte
        case .uint16: GDT_UInt16
        case .float32: GDT_Float32
        }
    }
}
