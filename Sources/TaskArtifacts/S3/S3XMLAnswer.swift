import Foundation
import NIOCore

/// The few elements Taskforge reads from S3's XML answers (`Code`, `Message`, `UploadId`), found by
/// name: the documents are small and flat, and no XML parser is needed for them.
struct S3XMLAnswer {
    let text: String

    init(_ buffer: ByteBuffer) {
        text = String(buffer: buffer)
    }

    /// The text of the first `<name>` element, with XML's predefined entities decoded.
    func element(_ name: String) -> String? {
        guard let start = text.range(of: "<\(name)>"),
            let end = text.range(of: "</\(name)>", range: start.upperBound..<text.endIndex)
        else { return nil }
        return Self.unescape(String(text[start.upperBound..<end.lowerBound]))
    }

    /// `Code: Message`, or the start of the body when it is not an S3 error document.
    var summary: String {
        if let code = element("Code") { return [code, element("Message")].compactMap { $0 }.joined(separator: ": ") }
        return text.isEmpty ? "no details" : String(text.prefix(200))
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    static func unescape(_ text: String) -> String {
        text.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&apos;", with: "'")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}
