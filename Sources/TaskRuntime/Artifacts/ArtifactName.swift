/// The rules for an artifact's name: 1 to 255 characters (Unicode scalars), no path separators (`/`, `\`), no control
/// characters, and not `.` or `..`. Names are metadata (shown, and offered as the download's file
/// name); storage keys never contain them.
public enum ArtifactName {
    public static let maxLength = 255

    /// Why `name` is refused, or `nil` when it is acceptable.
    public static func problem(with name: String) -> String? {
        if name.isEmpty { return "must not be empty" }
        if name.unicodeScalars.count > maxLength { return "must be at most \(maxLength) characters long" }
        if name == "." || name == ".." { return "must not be '.' or '..'" }
        if name.contains("/") || name.contains("\\") { return "must not contain '/' or '\\'" }
        if name.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            return "must not contain control characters"
        }
        return nil
    }
}
