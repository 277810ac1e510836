import Foundation

/// Finds jobs by one of their task's `search:` input fields, served by the store's index of those
/// fields (never by reading inputs): `query=swift` (a text or boolean equal to the value, or a
/// number equal to it), `seconds=1..10` (a number in the range, either end open: `..10`, `1..`),
/// `bboxes?` (the field is present, whatever its value).
///
/// Only jobs of tasks that declare the field under `search:` are indexed, from the time the
/// declaring process started: jobs submitted before are not found.
public struct JobInputFilter: Sendable, Hashable, CustomStringConvertible {
    public enum Match: Sendable, Hashable {
        /// A text or boolean (`true`, `false`) equal to `text`, or a number equal to `number` when
        /// `text` reads as one.
        case equals(text: String, number: Double?)
        /// A number from `lower` through `upper` (either may be open).
        case range(lower: Double?, upper: Double?)
        /// Present with any value but `null`.
        case present
    }

    public var field: String
    public var match: Match

    /// How many characters (Unicode scalars) of a text value the index holds: a longer value is
    /// found by its first this many, then compared whole.
    public static let indexedTextLength = 200

    public init(field: String, match: Match) {
        self.field = field
        self.match = match
    }

    /// Reads `field=value`, `field=lower..upper` or `field?`; `nil` when `text` is none of them
    /// (an empty field name, a range end that is not a number, a range with no end).
    public init?(_ text: String) {
        if text.hasSuffix("?") {
            let field = String(text.dropLast())
            guard Self.isFieldName(field) else { return nil }
            self.init(field: field, match: .present)
            return
        }
        guard let equals = text.firstIndex(of: "=") else { return nil }
        let field = String(text[..<equals])
        let value = String(text[text.index(after: equals)...])
        guard Self.isFieldName(field) else { return nil }
        if let dots = value.range(of: "..") {
            let lowerText = value[..<dots.lowerBound].trimmingCharacters(in: .whitespaces)
            let upperText = value[dots.upperBound...].trimmingCharacters(in: .whitespaces)
            let lower = lowerText.isEmpty ? nil : Double(lowerText)
            let upper = upperText.isEmpty ? nil : Double(upperText)
            guard lower != nil || upper != nil, lowerText.isEmpty || lower != nil, upperText.isEmpty || upper != nil
            else {
                return nil
            }
            self.init(field: field, match: .range(lower: lower, upper: upper))
        } else {
            self.init(
                field: field, match: .equals(text: value, number: Double(value).flatMap { $0.isFinite ? $0 : nil }))
        }
    }

    private static func isFieldName(_ name: String) -> Bool {
        !name.isEmpty && !name.contains(where: { $0.isWhitespace || $0 == "=" })
    }

    /// The text the index holds for `text`: its first ``indexedTextLength`` Unicode scalars.
    public static func indexedText(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.prefix(indexedTextLength)))
    }

    /// Whether the index holds only part of `text`, so that a match must be checked against the input.
    public static func isTruncated(_ text: String) -> Bool {
        text.unicodeScalars.count > indexedTextLength
    }

    /// The filter as it is written: `query=swift`, `seconds=1..10`, `bboxes?`.
    public var description: String {
        switch match {
        case .equals(let text, _): "\(field)=\(text)"
        case .range(let lower, let upper): "\(field)=\(lower.map(Self.number) ?? "")..\(upper.map(Self.number) ?? "")"
        case .present: "\(field)?"
        }
    }

    private static func number(_ value: Double) -> String {
        value.rounded() == value && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }
}
