import Foundation
import TaskSchema
import Testing

/// `JSONValue(json:)`, the direct parser, against Foundation's `JSONDecoder` (an independent
/// parser) on documents both accept, and on what RFC 8259 refuses, with the place named.
@Suite("JSON parser")
struct JSONParserTests {
    static let documents: [String] = [
        #"{"a": 1, "b": [true, false, null], "c": {"d": "e", "f": []}, "g": {}}"#,
        "[0, -0, 1, -1, 42, 9223372036854775807, -9223372036854775808, 9223372036854775808]",
        "[1.0, -1.0, 1e2, 1E+2, 1e-2, 2.5, -0.0, 0.1, 1.5e300, 5e-324, 1.7976931348623157e308]",
        "[9007199254740993, 12345678901234567890, 123456789012345678901234567890, 0.30000000000000004]",
        #"["", "plain", "tab\tand\nnewline", "quote \" backslash \\ slash \/", "\b\f\r", "\u0041\u00e9\u4e2d"]"#,
        #"["\ud83d\ude00 emoji", "é raw", "中文", "😀", "\u0000 nul", "\u001f"]"#,
        "  \n\t\r [ 1 , 2 ]\n ",
        "\u{FEFF}{\"bom\": true}",
        "true", "false", "null", "0", "-12.5e-3", #""top-level string""#,
        "[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]",
        #"{"nested": {"deep": {"deeper": [{"x": [1, {"y": null}]}]}}}"#,
    ]

    @Test(arguments: documents)
    func readsWhatFoundationReads(document: String) throws {
        let data = Data(document.utf8)
        let expected = try JSONDecoder().decode(JSONValue.self, from: data)
        #expect(try JSONValue(json: data) == expected)
    }

    @Test func keepsEveryDigitOfAnIntegerThatFitsInInt() throws {
        #expect(try JSONValue(json: Data("9007199254740993".utf8)) == .integer(9_007_199_254_740_993))
        #expect(try JSONValue(json: Data("1.0".utf8)) == .integer(1))
        #expect(try JSONValue(json: Data("1e2".utf8)) == .integer(100))
        #expect(try JSONValue(json: Data("1.5".utf8)) == .number(1.5))
    }

    struct Refusal: CustomTestStringConvertible, Sendable {
        var text: [UInt8]
        var error: String
        var testDescription: String { error }

        init(_ text: String, _ error: String) {
            self.text = Array(text.utf8)
            self.error = error
        }

        init(bytes: [UInt8], _ error: String) {
            self.text = bytes
            self.error = error
        }
    }

    static let refusals: [Refusal] = [
        Refusal("", "the text is empty; expected a JSON value at line 1, column 1"),
        Refusal("   ", "the text is empty; expected a JSON value at line 1, column 4"),
        Refusal("[1,]", "unexpected ']'; expected a JSON value at line 1, column 4"),
        Refusal(#"{"a": 1,}"#, "expected a quoted key, found '}' at line 1, column 9"),
        Refusal("{\"a\": 1,\n \"a\": 2}", #"the key "a" appears twice in one object at line 2, column 2"#),
        Refusal("[1] x", "unexpected 'x' after the JSON value at line 1, column 5"),
        Refusal("[1 2]", "expected ',' or ']' in an array, found '2' at line 1, column 4"),
        Refusal(#"{"a" 1}"#, "expected a ':' after the key, found '1' at line 1, column 6"),
        Refusal("[1", "the text ends where ',' or ']' in an array was expected at line 1, column 3"),
        Refusal(#"{"a": "b"#, "the string that starts here is not closed at line 1, column 7"),
        Refusal("nul", "unexpected 'n'; expected a JSON value at line 1, column 1"),
        Refusal("True", "unexpected 'T'; expected a JSON value at line 1, column 1"),
        Refusal("01", "a number may not start with a leading zero at line 1, column 1"),
        Refusal("-", "a '-' must be followed by a digit at line 1, column 2"),
        Refusal("[.5]", "unexpected '.'; expected a JSON value at line 1, column 2"),
        Refusal("1.", "a '.' must be followed by a digit at line 1, column 3"),
        Refusal("1e", "an exponent needs a digit at line 1, column 3"),
        Refusal("1e400", "the number 1e400 does not fit a 64-bit floating-point value at line 1, column 1"),
        Refusal("NaN", "unexpected 'N'; expected a JSON value at line 1, column 1"),
        Refusal("\"a\tb\"", "byte 0x09 must be escaped inside a string at line 1, column 3"),
        Refusal(#""\x""#, #"'\x' is not an escape sequence at line 1, column 2"#),
        Refusal(#""\u12G4""#, #"a \u escape needs four hexadecimal digits at line 1, column 2"#),
        Refusal(#""\ud800""#, #"the surrogate escape \uD800 is not followed by its low surrogate at line 1, column 2"#),
        Refusal(
            #""\ud800\u0041""#,
            #"the surrogate escape \uD800 is followed by \u0041, not a low surrogate at line 1, column 2"#),
        Refusal(#""\udc00""#, #"the low surrogate escape \uDC00 has no high surrogate before it at line 1, column 2"#),
        Refusal(bytes: [0x22, 0x61, 0xFF, 0x22], "the string is not valid UTF-8 at line 1, column 3"),
        Refusal(bytes: [0x22, 0x5C, 0x6E, 0xC3, 0x28, 0x22], "the string is not valid UTF-8 at line 1, column 4"),
        Refusal(
            String(repeating: "[", count: 513), "arrays and objects are nested more than 512 deep at line 1, column 513"
        ),
    ]

    @Test(arguments: refusals)
    func refusesWhatRFC8259Refuses(_ refusal: Refusal) {
        #expect(throws: JSONSyntaxError.self) { try JSONValue(json: Data(refusal.text)) }
        do {
            _ = try JSONValue(json: Data(refusal.text))
        } catch {
            #expect(error.description == refusal.error)
        }
    }

    @Test func nestingUpToTheLimitIsRead() throws {
        let text = String(repeating: "[", count: 512) + String(repeating: "]", count: 512)
        var value = try JSONValue(json: Data(text.utf8))
        var depth = 0
        while case .array(let elements) = value {
            depth += 1
            value = elements.first ?? .null
        }
        #expect(depth == 512)
    }
}
