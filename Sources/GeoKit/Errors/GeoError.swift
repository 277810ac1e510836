/// A GDAL, OGR or OSR call that failed, with every message GDAL reported during it.
public struct GeoError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What GeoKit was doing ("open /data/pre.tif", "warp", ...).
    public var operation: String
    /// Every message reported by GDAL during the call, oldest first (may be empty when GDAL only
    /// returned a failure value).
    public var messages: [GDALMessage]

    public init(operation: String, messages: [GDALMessage]) {
        self.operation = operation
        self.messages = messages
    }

    public var description: String {
        let reported = messages.filter { $0.severity != .debug }.map(\.text)
        return reported.isEmpty ? "\(operation) failed" : "\(operation) failed: \(reported.joined(separator: "; "))"
    }
}
