import Foundation
import TaskSchema

/// The vendored JSON-Schema-Test-Suite cases (`Resources/JSON-Schema-Test-Suite`) of the keywords
/// Taskforge supports: what the generated validators are tested and measured on.
public enum SchemaTestSuite {
    /// One schema of a suite file and the values the suite checks against it.
    public final class Group: Sendable {
        /// The suite file's name without `.json`: `minimum`, `format-date`.
        public let file: String
        /// The group's position in its file, from 0.
        public let index: Int
        public let description: String
        /// The schema as the suite writes it, without `$schema`.
        public let json: JSONValue
        /// `json` read as a Taskforge schema.
        public let schema: Schema
        public let values: [JSONValue]
        /// The suite's own verdict on each of `values` (its `valid`), in the same order.
        public let verdicts: [Bool]

        init(
            file: String, index: Int, description: String, json: JSONValue, schema: Schema, values: [JSONValue],
            verdicts: [Bool]
        ) {
            self.file = file
            self.index = index
            self.description = description
            self.json = json
            self.schema = schema
            self.values = values
            self.verdicts = verdicts
        }
    }

    /// A group whose schema Taskforge cannot read (a keyword it does not support, a boolean schema).
    public struct Skipped: Sendable {
        public let file: String
        public let description: String
        public let reason: String
        public let values: Int
    }

    /// The suite's files, in the order the groups are listed.
    public static let files = [
        "type", "enum", "const", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf",
        "minLength", "maxLength", "pattern", "format-date", "format-date-time", "format-uuid", "format-uri",
        "format-email", "minItems", "maxItems", "uniqueItems", "items", "properties", "required",
        "additionalProperties", "ref",
    ]

    /// Every group of ``files``, read from the bundle; throws when a file is missing or not JSON.
    // Not inlined: inlined into validator-bench's `main`, it crashed the Swift 6.3.1 compiler (release).
    @inline(never)
    public static func load() throws -> (groups: [Group], skipped: [Skipped]) {
        var groups: [Group] = []
        var skipped: [Skipped] = []
        for file in files {
            guard
                let url = Bundle.module.url(
                    forResource: file, withExtension: "json", subdirectory: "JSON-Schema-Test-Suite")
            else {
                throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: "JSON-Schema-Test-Suite/\(file).json"])
            }
            guard case .array(let entries) = try JSONValue(json: Data(contentsOf: url)) else {
                throw CocoaError(.fileReadCorruptFile, userInfo: [NSFilePathErrorKey: url.path])
            }
            for (index, entry) in entries.enumerated() {
                let description = entry["description"]?.stringValue ?? ""
                let tests = entry["tests"]?.arrayValue ?? []
                let values = tests.compactMap { $0["data"] }
                let verdicts = tests.compactMap { test -> Bool? in
                    if case .bool(let valid)? = test["valid"] { valid } else { nil }
                }
                guard values.count == tests.count, verdicts.count == tests.count else {
                    throw CocoaError(
                        .fileReadCorruptFile, userInfo: [NSFilePathErrorKey: "\(file).json, \(description)"])
                }
                var json = entry["schema"] ?? .null
                // `$schema` names the draft; it does not constrain values.
                if case .object(var members) = json {
                    members["$schema"] = nil
                    json = .object(members)
                }
                do throws(JSONSchemaDecodingError) {
                    let schema = try Schema(jsonSchema: json)
                    // A `$ref` here points into the suite's own `$defs`, which Taskforge does not resolve.
                    if schema.containsRef {
                        skipped.append(
                            Skipped(file: file, description: description, reason: "$ref", values: values.count))
                        continue
                    }
                    groups.append(
                        Group(
                            file: file, index: index, description: description, json: json, schema: schema,
                            values: values, verdicts: verdicts))
                } catch {
                    skipped.append(
                        Skipped(file: file, description: description, reason: error.description, values: values.count))
                }
            }
        }
        return (groups, skipped)
    }

    /// The Swift name of a group's generated validator: `Minimum0`, `FormatDateTime0`.
    public static func validatorName(file: String, index: Int) -> String {
        let words = file.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }
        return words.joined() + String(index)
    }
}

extension Schema {
    /// Whether this schema or one inside it has a `$ref`.
    var containsRef: Bool {
        ref != nil || properties.contains { $0.schema.containsRef } || items?.containsRef == true
    }
}
