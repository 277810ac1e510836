import Foundation

/// Writes a ``JSONValue`` as canonical JSON text: byte for byte what Foundation's `JSONEncoder`
/// writes with `.sortedKeys` and `.withoutEscapingSlashes` (keys in `String` order; `"`, `\` and
/// control characters escaped, nothing else; a number as Swift prints it, without a trailing `.0`),
/// so fingerprints and dedup keys computed before it existed still match. It is the hot path's
/// encoder (stored inputs and outputs, log lines, responses, handler-process messages) and costs a
/// fraction of `JSONEncoder`: no encoder containers, no boxing, one growing buffer.
/// `CanonicalJSONWriterTests` holds it to `JSONEncoder` on random documents.
struct CanonicalJSONWriter {
    private(set) var bytes: [UInt8] = []

    /// Appends `value`; a non-finite number throws as `JSONEncoder` does (JSON cannot hold it).
    mutating func write(_ value: JSONValue) throws {
        switch value {
        case .null: append("null")
        case .bool(let flag): append(flag ? "true" : "false")
        case .integer(let integer): writeInteger(integer)
        case .number(let number):
            guard number.isFinite else {
                throw EncodingError.invalidValue(
                    number, .init(codingPath: [], debugDescription: "Unable to encode \(number) directly in JSON."))
            }
            // JSONEncoder's rule: Swift's shortest round-trip digits, an integral value without ".0".
            var text = number.description
            if text.hasSuffix(".0") { text.removeLast(2) }
            append(text)
        case .string(let string): writeString(string)
        case .array(let items):
            bytes.append(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                try write(item)
            }
            bytes.append(UInt8(ascii: "]"))
        case .object(let members):
            bytes.append(UInt8(ascii: "{"))
            for (index, key) in members.keys.sorted().enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                writeString(key)
                bytes.append(UInt8(ascii: ":"))
                try write(members[key]!)
            }
            bytes.append(UInt8(ascii: "}"))
        }
    }

    private mutating func append(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    private mutating func writeInteger(_ integer: Int) {
        guard integer != 0 else { return bytes.append(UInt8(ascii: "0")) }
        if integer < 0 { bytes.append(UInt8(ascii: "-")) }
        // The magnitude as unsigned, so that Int.min has one.
        var magnitude = integer.magnitude
        let start = bytes.count
        while magnitude > 0 {
            bytes.append(UInt8(ascii: "0") + UInt8(magnitude % 10))
            magnitude /= 10
        }
        bytes[start...].reverse()
    }

    private mutating func writeString(_ string: String) {
        bytes.append(UInt8(ascii: "\""))
        for byte in string.utf8 {
            switch byte {
            case UInt8(ascii: "\""): append(#"\""#)
            case UInt8(ascii: "\\"): append(#"\\"#)
            case 0x08: append(#"\b"#)
            case 0x09: append(#"\t"#)
            case 0x0A: append(#"\n"#)
            case 0x0C: append(#"\f"#)
            case 0x0D: append(#"\r"#)
            case ..<0x20:
                append(#"\u00"#)
                bytes.append(Self.hexDigits[Int(byte >> 4)])
                bytes.append(Self.hexDigits[Int(byte & 0xF)])
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)
}
