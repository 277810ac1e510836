import Foundation

/// Where and why a JSON text is malformed: the first problem, at its line and column (both from 1,
/// the column counted in bytes).
public struct JSONSyntaxError: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String
    public var line: Int
    public var column: Int

    public var description: String { "\(message) at line \(line), column \(column)" }
}

/// Parses JSON text (RFC 8259) straight into a ``JSONValue``, with no intermediate representation.
///
/// It reads what `JSONDecoder` into `JSONValue` reads, with the same numbers (an integral number
/// that fits in `Int` is ``JSONValue/integer(_:)``, `1.0` and `1e2` included), and is stricter
/// where RFC 8259 is:
/// - a trailing comma (`[1,]`) is refused;
/// - an object naming a key twice is refused, rather than keeping one of the values silently;
/// - invalid UTF-8, an unpaired surrogate escape and an unescaped control character in a string are
///   refused, as is a number that does not fit a `Double` (`1e400`).
///
/// A leading UTF-8 byte order mark is skipped. Nesting deeper than ``maximumDepth`` is refused.
struct JSONParser {
    /// Arrays and objects nested deeper are refused (as `JSONDecoder` does), so that a hostile
    /// document cannot exhaust the stack.
    static let maximumDepth = 512

    private let bytes: UnsafeBufferPointer<UInt8>
    private var index = 0
    private var depth = 0

    private init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    static func parse(_ data: Data) throws(JSONSyntaxError) -> JSONValue {
        let result: Result<JSONValue, JSONSyntaxError> = data.withUnsafeBytes { raw in
            var parser = JSONParser(raw.bindMemory(to: UInt8.self))
            do throws(JSONSyntaxError) {
                return .success(try parser.document())
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }

    private mutating func document() throws(JSONSyntaxError) -> JSONValue {
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { index = 3 }
        skipWhitespace()
        guard index < bytes.count else { throw failure("the text is empty; expected a JSON value") }
        let value = try self.value()
        skipWhitespace()
        guard index == bytes.count else { throw failure("unexpected \(describe(bytes[index])) after the JSON value") }
        return value
    }

    private mutating func value() throws(JSONSyntaxError) -> JSONValue {
        guard index < bytes.count else { throw failure("the text ends where a value was expected") }
        switch bytes[index] {
        case UInt8(ascii: "{"): return try object()
        case UInt8(ascii: "["): return try array()
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): return try literal("true", .bool(true))
        case UInt8(ascii: "f"): return try literal("false", .bool(false))
        case UInt8(ascii: "n"): return try literal("null", .null)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try number()
        case let byte: throw failure("unexpected \(describe(byte)); expected a JSON value")
        }
    }

    private mutating func object() throws(JSONSyntaxError) -> JSONValue {
        var members: [String: JSONValue] = [:]
        if try open(closingWith: UInt8(ascii: "}")) { return .object(members) }
        while true {
            skipWhitespace()
            guard peek(UInt8(ascii: "\"")) else {
                throw failure(
                    index < bytes.count
                        ? "expected a quoted key, found \(describe(bytes[index]))" : "the text ends inside an object")
            }
            let keyStart = index
            let key = try string()
            skipWhitespace()
            try expect(UInt8(ascii: ":"), "a ':' after the key")
            skipWhitespace()
            let member = try value()
            guard members.updateValue(member, forKey: key) == nil else {
                index = keyStart
                throw failure("the key \(Self.quoted(key)) appears twice in one object")
            }
            guard try another(closingWith: UInt8(ascii: "}"), "',' or '}' in an object") else {
                return .object(members)
            }
        }
    }

    private mutating func array() throws(JSONSyntaxError) -> JSONValue {
        var elements: [JSONValue] = []
        if try open(closingWith: UInt8(ascii: "]")) { return .array(elements) }
        repeat {
            skipWhitespace()
            elements.append(try value())
        } while try another(closingWith: UInt8(ascii: "]"), "',' or ']' in an array")
        return .array(elements)
    }

    /// After a member or element: `true` past a `,` (another follows), `false` past the `closing`
    /// bracket, which steps out of the array or object.
    private mutating func another(closingWith closing: UInt8, _ what: String) throws(JSONSyntaxError) -> Bool {
        skipWhitespace()
        if peek(UInt8(ascii: ",")) {
            index += 1
            return true
        }
        try expect(closing, what)
        depth -= 1
        return false
    }

    /// Steps into the array or object opened at `index`; whether it is empty (and so closed already).
    private mutating func open(closingWith closing: UInt8) throws(JSONSyntaxError) -> Bool {
        depth += 1
        guard depth <= Self.maximumDepth else {
            throw failure("arrays and objects are nested more than \(Self.maximumDepth) deep")
        }
        index += 1
        skipWhitespace()
        guard peek(closing) else { return false }
        index += 1
        depth -= 1
        return true
    }

    /// A string, the opening quote at `index`; `index` ends past the closing quote.
    private mutating func string() throws(JSONSyntaxError) -> String {
        let start = index
        index += 1
        // The common case: no escapes, so the bytes are the string's UTF-8.
        var end = index
        while end < bytes.count, bytes[end] != UInt8(ascii: "\""), bytes[end] != UInt8(ascii: "\\"), bytes[end] >= 0x20
        {
            end += 1
        }
        if end < bytes.count, bytes[end] == UInt8(ascii: "\"") {
            guard let string = String(validating: UnsafeBufferPointer(rebasing: bytes[index..<end]), as: UTF8.self)
            else {
                throw invalidUTF8(from: index, to: end)
            }
            index = end + 1
            return string
        }
        var utf8 = Array(bytes[index..<end])
        index = end
        while true {
            guard index < bytes.count else {
                index = start
                throw failure("the string that starts here is not closed")
            }
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""):
                guard let string = String(validating: utf8, as: UTF8.self) else {
                    throw invalidUTF8(from: start + 1, to: index)
                }
                index += 1
                return string
            case UInt8(ascii: "\\"):
                try escape(into: &utf8)
            case ..<0x20:
                throw failure("\(describe(byte)) must be escaped inside a string")
            default:
                utf8.append(byte)
                index += 1
            }
        }
    }

    /// An escape sequence, the backslash at `index`, appended to `utf8` as UTF-8.
    private mutating func escape(into utf8: inout [UInt8]) throws(JSONSyntaxError) {
        guard index + 1 < bytes.count else { throw failure("the text ends inside an escape sequence") }
        let letter = bytes[index + 1]
        let simple: UInt8? =
            switch letter {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): letter
            case UInt8(ascii: "b"): 0x08
            case UInt8(ascii: "f"): 0x0C
            case UInt8(ascii: "n"): 0x0A
            case UInt8(ascii: "r"): 0x0D
            case UInt8(ascii: "t"): 0x09
            default: nil
            }
        if let simple {
            utf8.append(simple)
            index += 2
            return
        }
        guard letter == UInt8(ascii: "u") else {
            throw failure("'\\\(Character(Unicode.Scalar(letter)))' is not an escape sequence")
        }
        let escapeStart = index
        var scalar = try hexQuad()
        if (0xD800...0xDBFF).contains(scalar) {
            guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u")
            else {
                index = escapeStart
                throw failure("the surrogate escape \\u\(hex(scalar)) is not followed by its low surrogate")
            }
            let low = try hexQuad()
            guard (0xDC00...0xDFFF).contains(low) else {
                index = escapeStart
                throw failure(
                    "the surrogate escape \\u\(hex(scalar)) is followed by \\u\(hex(low)), not a low surrogate")
            }
            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
        } else if (0xDC00...0xDFFF).contains(scalar) {
            index = escapeStart
            throw failure("the low surrogate escape \\u\(hex(scalar)) has no high surrogate before it")
        }
        // Every value left is a Unicode scalar: surrogates were paired or refused above.
        utf8.append(contentsOf: String(Character(Unicode.Scalar(scalar)!)).utf8)
    }

    /// `\uXXXX` at `index`: its value; `index` ends past it.
    private mutating func hexQuad() throws(JSONSyntaxError) -> UInt32 {
        guard index + 6 <= bytes.count else { throw failure("the text ends inside a \\u escape") }
        var value: UInt32 = 0
        for offset in 2..<6 {
            let byte = bytes[index + offset]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw failure("a \\u escape needs four hexadecimal digits")
            }
            value = value << 4 | UInt32(digit)
        }
        index += 6
        return value
    }

    /// A number, as RFC 8259 spells it: integral ones that fit in `Int` as ``JSONValue/integer(_:)``.
    private mutating func number() throws(JSONSyntaxError) -> JSONValue {
        let start = index
        if peek(UInt8(ascii: "-")) { index += 1 }
        guard index < bytes.count, isDigit(bytes[index]) else { throw failure("a '-' must be followed by a digit") }
        if bytes[index] == UInt8(ascii: "0") {
            index += 1
            if index < bytes.count, isDigit(bytes[index]) {
                index = start
                throw failure("a number may not start with a leading zero")
            }
        } else {
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        }
        var integral = true
        if peek(UInt8(ascii: ".")) {
            integral = false
            index += 1
            guard index < bytes.count, isDigit(bytes[index]) else { throw failure("a '.' must be followed by a digit") }
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            integral = false
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
                index += 1
            }
            guard index < bytes.count, isDigit(bytes[index]) else { throw failure("an exponent needs a digit") }
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
        if integral, let integer = Int(text) { return .integer(integer) }
        guard let double = Double(text), double.isFinite else {
            index = start
            throw failure("the number \(text) does not fit a 64-bit floating-point value")
        }
        return JSONValue(number: double)
    }

    private mutating func literal(_ word: StaticString, _ value: JSONValue) throws(JSONSyntaxError) -> JSONValue {
        let count = word.utf8CodeUnitCount
        guard index + count <= bytes.count,
            UnsafeBufferPointer(start: word.utf8Start, count: count).elementsEqual(bytes[index..<index + count])
        else {
            throw failure("unexpected \(describe(bytes[index])); expected a JSON value")
        }
        index += count
        return value
    }

    private mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x0A, 0x0D, 0x09: index += 1
            default: return
            }
        }
    }

    private func peek(_ byte: UInt8) -> Bool {
        index < bytes.count && bytes[index] == byte
    }

    private mutating func expect(_ byte: UInt8, _ what: String) throws(JSONSyntaxError) {
        guard index < bytes.count else { throw failure("the text ends where \(what) was expected") }
        guard bytes[index] == byte else { throw failure("expected \(what), found \(describe(bytes[index]))") }
        index += 1
    }

    private func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    private func hex(_ value: UInt32) -> String {
        String(format: "%04X", value)
    }

    /// A byte as messages name it: `'x'`, or `byte 0x0A` when it is not printable ASCII.
    private func describe(_ byte: UInt8) -> String {
        (0x21...0x7E).contains(byte) ? "'\(Character(Unicode.Scalar(byte)))'" : "byte 0x" + String(format: "%02X", byte)
    }

    /// The first byte between `start` and `end` where the UTF-8 stops being valid.
    private mutating func invalidUTF8(from start: Int, to end: Int) -> JSONSyntaxError {
        var position = start
        while position < end {
            let length = Self.validSequenceLength(bytes, at: position, end: end)
            guard length > 0 else { break }
            position += length
        }
        index = position
        return failure("the string is not valid UTF-8")
    }

    /// The length of the valid UTF-8 sequence at `position`, or 0 when it is not one.
    private static func validSequenceLength(_ bytes: UnsafeBufferPointer<UInt8>, at position: Int, end: Int) -> Int {
        for length in 1...4 where position + length <= end {
            if String(validating: UnsafeBufferPointer(rebasing: bytes[position..<position + length]), as: UTF8.self)
                != nil
            {
                return length
            }
        }
        return 0
    }

    /// A key as messages quote it: `"name"`, with JSON's escapes.
    private static func quoted(_ text: String) -> String {
        var quoted = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": quoted += "\\\""
            case "\\": quoted += "\\\\"
            case _ where scalar.value < 0x20: quoted += "\\u" + String(format: "%04X", scalar.value)
            default: quoted.unicodeScalars.append(scalar)
            }
        }
        return quoted + "\""
    }

    /// An error at `index`, with its line and column.
    private func failure(_ message: String) -> JSONSyntaxError {
        var line = 1
        var lineStart = 0
        for position in 0..<min(index, bytes.count) where bytes[position] == 0x0A {
            line += 1
            lineStart = position + 1
        }
        return JSONSyntaxError(message: message, line: line, column: index - lineStart + 1)
    }
}
