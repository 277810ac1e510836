// `scripts/bench json`: how fast a handler's typed input is decoded from, and its output encoded
// to, a `JSONValue` directly (`JSONValueDecoder` / `JSONValueEncoder`), and a request body parsed
// into one (`JSONParser`), each beside the way it was done before, through Foundation's
// `JSONDecoder` and `JSONEncoder`, as the baseline of the same run. Compiled with -O together with
// Sources/TaskSchema/JSON/JSONValue*.swift and JSONParser.swift (scripts/bench).
import Foundation

/// Shaped like a generated task input: snake_case keys, optionals, nested arrays of numbers.
struct Input: Codable {
    var query: String
    var sources: [String]?
    var recencyDays: Int?
    var maxResults: Int
    var country: String
    var safesearch: Bool
    var bboxes: [[Double]]

    enum CodingKeys: String, CodingKey {
        case query, sources, recencyDays = "recency_days", maxResults = "max_results", country, safesearch, bboxes
    }
}

let input = Input(
    query: "swift server frameworks", sources: ["web", "news"], recencyDays: 7, maxResults: 10, country: "US",
    safesearch: true, bboxes: [[7.1, 46.2, 7.4, 46.5], [8.0, 47.0, 8.5, 47.5]])
let json = try JSONValue(encoding: input)
let rounds = Int(CommandLine.arguments.dropFirst().first ?? "") ?? 100_000

/// Calls per second of `body` over `rounds` calls.
func rate(_ body: () throws -> Void) rethrows -> Double {
    let start = ContinuousClock.now
    for _ in 0..<rounds { try body() }
    let elapsed = ContinuousClock.now - start
    return Double(rounds) / (Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
}

let decodeBefore = try rate { _ = try JSONDecoder().decode(Input.self, from: json.canonicalData()) }
let decodeNow = try rate { _ = try json.decode(as: Input.self) }
let encodeBefore = try rate { _ = try JSONDecoder().decode(JSONValue.self, from: JSONEncoder().encode(input)) }
let encodeNow = try rate { _ = try JSONValue(encoding: input) }
let body = Data(#"{"query": "swift server frameworks", "sources": ["web", "news"], "recency_days": 7, "max_results": 10, "country": "US", "safesearch": true, "bboxes": [[7.1, 46.2, 7.4, 46.5], [8.0, 47.0, 8.5, 47.5]]}"#.utf8)
let parseBefore = try rate { _ = try JSONDecoder().decode(JSONValue.self, from: body) }
let parseNow = try rate { _ = try JSONValue(json: body) }
print("JSONValue coding, \(rounds) rounds each (calls per second)")
print(String(format: "  parse a request body:  %8.0f directly, %9.0f with JSONDecoder:     %.1fx", parseNow, parseBefore, parseNow / parseBefore))
print(String(format: "  decode a typed input: %9.0f directly, %9.0f through JSON text: %.1fx", decodeNow, decodeBefore, decodeNow / decodeBefore))
print(String(format: "  encode a typed output: %8.0f directly, %9.0f through JSON text: %.1fx", encodeNow, encodeBefore, encodeNow / encodeBefore))
