/// Why the 6S table cannot be read or cannot answer.
public enum SixSTableError: Error, Sendable, CustomStringConvertible {
    /// The table's files are missing from the target's resources.
    case missing(String)
    /// The table's files do not agree with each other (sizes, axes).
    case damaged(String)
    /// The table has no terms for this band with this aerosol model.
    case notTabulated(SpectralBand, AerosolModel)

    public var description: String {
        switch self {
        case .missing(let file): "the 6S table resource \(file) is missing"
        case .damaged(let reason): "the 6S table is damaged: \(reason)"
        case .notTabulated(let band, let aerosol): "the 6S table has no \(band) band for \(aerosol) aerosol"
        }
    }
}
