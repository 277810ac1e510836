import Foundation

/// Why a schema lock could not be read.
public struct SchemaLockError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Where in the lock the problem is, as a dotted path (`tasks.echo.versions.1.fingerprint`);
    /// empty for the whole document.
    public var path: String
    public var message: String

    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    /// `malformed schema lock at 'tasks.echo.versions.1': missing key 'fingerprint'`.
    public var description: String {
        path.isEmpty ? "malformed schema lock: \(message)" : "malformed schema lock at '\(path)': \(message)"
    }
}

extension SchemaLock {
    /// Reads a lock written by ``render()``, checking its shape, its `lock_version`, that every
    /// locked schema is readable (``Schema/init(jsonSchema:)``) and that every fingerprint matches
    /// its schemas.
    public static func parse(data: Data) throws(SchemaLockError) -> SchemaLock {
        let json: JSONValue
        do {
            json = try JSONValue(json: data)
        } catch {
            throw SchemaLockError(path: "", message: "not valid JSON (\(Self.reason(error)))")
        }
        return try SchemaLock(lockJSON: json)
    }

    /// The lock as deterministic text: two-space indentation, keys sorted (version keys in numeric
    /// order), a trailing newline. Equal locks always render to the same bytes.
    public func render() -> String {
        lockJSON.prettyPrinted() + "\n"
    }

    /// The lock as a JSON document, in the format described on ``SchemaLock``.
    var lockJSON: JSONValue {
        let tasks = self.tasks.mapValues { versions -> JSONValue in
            let entries = Dictionary(uniqueKeysWithValues: versions.map { (String($0.key), $0.value.lockJSON) })
            return ["versions": .object(entries)]
        }
        return ["lock_version": .integer(Self.formatVersion), "tasks": .object(tasks)]
    }

    init(lockJSON json: JSONValue) throws(SchemaLockError) {
        let root = try LockObject(json, path: "")
        let version = try root.value("lock_version")
        guard version == .integer(Self.formatVersion) else {
            throw SchemaLockError(
                path: "lock_version",
                message: "unsupported lock_version \(version.canonicalString()); "
                    + "this version of Taskforge reads \(Self.formatVersion)")
        }
        var tasks: [String: [Int: VersionEntry]] = [:]
        let taskObjects = try root.object("tasks")
        for (name, taskJSON) in taskObjects.members {
            let versions = try LockObject(taskJSON, path: taskObjects.path(name)).object("versions")
            var entries: [Int: VersionEntry] = [:]
            for (key, entryJSON) in versions.members {
                guard let number = Int(key), number >= 1, String(number) == key else {
                    throw SchemaLockError(
                        path: versions.path, message: "version keys must be positive integers, found '\(key)'")
                }
                entries[number] = try VersionEntry(lockJSON: entryJSON, path: versions.path(key))
            }
            tasks[name] = entries
        }
        self.init(tasks: tasks)
    }

    private static func reason(_ error: any Error) -> String {
        if case DecodingError.dataCorrupted(let context) = error {
            let underlying = context.underlyingError.map { ": \($0.localizedDescription)" } ?? ""
            return context.debugDescription + underlying
        }
        return error.localizedDescription
    }
}

extension SchemaLock.VersionEntry {
    var lockJSON: JSONValue {
        let annotations = { (schema: CanonicalSchema) -> JSONValue in
            .object(
                schema.annotations.mapValues { annotation in
                    var object: [String: JSONValue] = [:]
                    if let title = annotation.title { object["title"] = .string(title) }
                    if let description = annotation.description { object["description"] = .string(description) }
                    return .object(object)
                })
        }
        return [
            "fingerprint": .string(fingerprint),
            "input": input.json,
            "output": output.json,
            "annotations": ["input": annotations(input), "output": annotations(output)],
        ]
    }

    init(lockJSON json: JSONValue, path: String) throws(SchemaLockError) {
        let entry = try LockObject(json, path: path)
        let annotations = try entry.object("annotations")
        let input = CanonicalSchema(
            json: try entry.value("input"), annotations: try Self.annotations(annotations.object("input")))
        let output = CanonicalSchema(
            json: try entry.value("output"), annotations: try Self.annotations(annotations.object("output")))
        for (side, schema) in [("input", input), ("output", output)] {
            do {
                _ = try schema.schema()
            } catch {
                throw SchemaLockError(path: entry.path(side), message: "not a supported schema: \(error)")
            }
        }
        self.init(input: input, output: output)
        let fingerprint = try entry.value("fingerprint")
        guard fingerprint.stringValue == self.fingerprint else {
            throw SchemaLockError(
                path: entry.path("fingerprint"),
                message: "\(fingerprint.canonicalString()) does not match the locked schemas, which hash to "
                    + "\"\(self.fingerprint)\"; the lock was edited by hand: restore it from version control "
                    + "and refresh it with '\(SchemaLock.refreshCommand)'")
        }
    }

    private static func annotations(_ object: LockObject) throws(SchemaLockError) -> [String: SchemaAnnotations] {
        var annotations: [String: SchemaAnnotations] = [:]
        for (pointer, json) in object.members {
            let node = try LockObject(json, path: object.path(pointer))
            var annotation = SchemaAnnotations()
            for (key, value) in node.members {
                guard ["title", "description"].contains(key), let text = value.stringValue else {
                    throw SchemaLockError(
                        path: node.path(key),
                        message: "expected a string 'title' or 'description', found \(value.canonicalString())")
                }
                if key == "title" { annotation.title = text } else { annotation.description = text }
            }
            annotations[pointer] = annotation
        }
        return annotations
    }
}

extension SchemaLock: Codable {
    /// Decodes the format described on ``SchemaLock``, with the checks of ``parse(data:)``.
    public init(from decoder: any Decoder) throws {
        let json = try JSONValue(from: decoder)
        do {
            try self.init(lockJSON: json)
        } catch {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: error.description))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        try lockJSON.encode(to: encoder)
    }
}

/// A JSON object inside the lock, with its dotted path for errors.
private struct LockObject {
    let path: String
    let members: [(key: String, value: JSONValue)]
    private let object: [String: JSONValue]

    init(_ json: JSONValue, path: String) throws(SchemaLockError) {
        guard let object = json.objectValue else {
            throw SchemaLockError(path: path, message: "expected an object, found \(json.typeName)")
        }
        self.path = path
        self.object = object
        self.members = object.sorted { $0.key < $1.key }
    }

    func path(_ key: String) -> String {
        path.isEmpty ? key : path + "." + key
    }

    func value(_ key: String) throws(SchemaLockError) -> JSONValue {
        guard let value = object[key] else {
            throw SchemaLockError(path: path, message: "missing key '\(key)'")
        }
        return value
    }

    func object(_ key: String) throws(SchemaLockError) -> LockObject {
        try LockObject(value(key), path: path(key))
    }
}
