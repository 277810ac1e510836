import CGDAL

/// A Swift type GDAL reads cells into and writes cells from.
public protocol RasterCell: Numeric, Sendable, BitwiseCopyable {
    static var gdalType: GDALDataType { get }
}

extension UInt8: RasterCell {
    public static var gdalType: GDALDataType { GDT_Byte }
}

extension UInt16: RasterCell {
    public static var gdalType: GDALDataType { GDT_UInt16 }
}

extension Float: RasterCell {
    public static var gdalType: GDALDataType { GDT_Float32 }
}

extension Double: RasterCell {
    public static var gdalType: GDALDataType { GDT_Float64 }
}
