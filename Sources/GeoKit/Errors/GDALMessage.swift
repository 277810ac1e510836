import CGDAL

/// One message that GDAL, OGR or OSR reported through `CPLError` while GeoKit called it.
public struct GDALMessage: Sendable, Hashable, CustomStringConvertible {
    /// How serious GDAL said the message is.
    public enum Severity: String, Sendable, Hashable {
        case debug, warning, failure, fatal
    }

    public var severity: Severity
    /// GDAL's error number (`CPLE_OpenFailed` = 4, `CPLE_AppDefined` = 1, ...).
    public var number: Int32
    public var text: String

    init(cplError: CPLErr, number: CPLErrorNum, text: String) {
        switch cplError {
        case CE_Debug, CE_None: severity = .debug
        case CE_Warning: severity = .warning
        case CE_Fatal: severity = .fatal
        default: severity = .failure
        }
        self.number = number
        self.text = text
    }

    public var description: String { "GDAL \(severity.rawValue) \(number): \(text)" }
}
