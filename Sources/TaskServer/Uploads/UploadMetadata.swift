import Foundation
import TaskRuntime

/// `Upload-Metadata` (tus 1.0.0): comma-separated pairs of a key and its base64 value, separated
/// by one space; a key alone has an empty value. Parsed strictly: an empty pair, a repeated key,
/// more than one space, a value that is not padded base64 or not UTF-8 are refused with
/// `400 invalid_upload_metadata`.
enum UploadMetadata {
    static func parse(_ header: String) throws -> [String: String] {
        var metadata: [String: String] = [:]
        if header.allSatisfy({ $0 == " " }) { return metadata }
        for pair in header.split(separator: ",", omittingEmptySubsequences: false) {
            let parts = pair.trimmingCharacters(in: .whitespaces).split(
                separator: " ", omittingEmptySubsequences: false)
            guard let key = parts.first, !key.isEmpty, parts.count <= 2,
                key.unicodeScalars.allSatisfy({ $0.isASCII && $0.value > 0x20 && $0.value < 0x7f })
            else {
                throw invalid("'\(pair)' is not a key and a base64 value separated by one space")
            }
            guard metadata[String(key)] == nil else { throw invalid("the key '\(key)' appears twice") }
            guard parts.count == 2 else {
                metadata[String(key)] = ""
                continue
            }
            guard let data = Data(base64Encoded: String(parts[1])), let value = String(data: data, encoding: .utf8)
            else {
                throw invalid("the value of '\(key)' is not base64 of UTF-8 text")
            }
            metadata[String(key)] = value
        }
        return metadata
    }

    private static func invalid(_ reason: String) -> Problem {
        Problem(.badRequest, .invalidUploadMetadata, "Upload-Metadata is malformed: \(reason)")
    }
}
