import Foundation
import Hummingbird
import NIOCore

/// The fields of an `application/x-www-form-urlencoded` body, in order (a name may repeat: the
/// selected jobs of a bulk action).
struct FormFields: Sendable {
    /// The most bytes a dashboard form may send: a bulk action's 1,000 selected ids fit many times.
    static let maxBytes = 256 * 1024

    private(set) var fields: [(name: String, value: String)] = []

    init(_ text: String) {
        for pair in text.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            fields.append((Self.decode(parts[0]), parts.count > 1 ? Self.decode(parts[1]) : ""))
        }
    }

    /// The form of `request`'s body, collected.
    static func collect(_ request: inout Request) async throws -> FormFields {
        let buffer = try await request.collectBody(upTo: maxBytes)
        return FormFields(String(buffer: buffer))
    }

    subscript(_ name: String) -> String? {
        fields.first { $0.name == name }?.value
    }

    func all(_ name: String) -> [String] {
        fields.filter { $0.name == name }.map(\.value)
    }

    private static func decode(_ text: Substring) -> String {
        text.replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String(text)
    }
}
