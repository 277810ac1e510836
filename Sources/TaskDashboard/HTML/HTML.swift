/// A piece of HTML whose interpolated strings are escaped: the dashboard's only way to build markup.
///
/// `"<td>\(job.task)</td>" as HTML` escapes the task name; interpolating another `HTML` inserts it as
/// it is. Markup therefore comes only from literals in this module's source, and every value read
/// from a job, a token name or a request is text (the defence against stored XSS). Attributes are
/// always written in double quotes, which the escaping covers.
public struct HTML: Sendable, Hashable, ExpressibleByStringInterpolation, CustomStringConvertible {
    public private(set) var text: String

    public var description: String { text }

    public init(stringLiteral value: String) {
        text = value
    }

    public init(stringInterpolation: StringInterpolation) {
        text = stringInterpolation.text
    }

    /// Text escaped for use in content and in double-quoted attributes.
    public init(escaping value: String) {
        text = Self.escape(value)
    }

    static let empty: HTML = ""

    /// `&`, `<`, `>`, `"` and `'` as character references.
    static func escape(_ value: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(value.utf8.count)
        for character in value.unicodeScalars {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default: escaped.unicodeScalars.append(character)
            }
        }
        return escaped
    }

    public struct StringInterpolation: StringInterpolationProtocol {
        var text = ""

        public init(literalCapacity: Int, interpolationCount: Int) {
            text.reserveCapacity(literalCapacity + interpolationCount * 16)
        }

        public mutating func appendLiteral(_ literal: String) {
            text += literal
        }

        public mutating func appendInterpolation(_ value: String) {
            text += HTML.escape(value)
        }

        public mutating func appendInterpolation(_ value: Substring) {
            text += HTML.escape(String(value))
        }

        public mutating func appendInterpolation(_ html: HTML) {
            text += html.text
        }

        public mutating func appendInterpolation(_ html: HTML?) {
            text += html?.text ?? ""
        }

        public mutating func appendInterpolation(_ parts: [HTML]) {
            for part in parts { text += part.text }
        }

        public mutating func appendInterpolation(_ value: Int) {
            text += String(value)
        }
    }
}

extension Array where Element == HTML {
    /// The pieces one after another.
    var joined: HTML { "\(self)" }

    /// The pieces with `separator` between them.
    func joined(separator: HTML) -> HTML {
        HTML(unescaped: map(\.text).joined(separator: separator.text))
    }
}

extension HTML {
    /// Text that is already markup: only for joining pieces that were each built as ``HTML``.
    fileprivate init(unescaped text: String) {
        self.text = text
    }
}
