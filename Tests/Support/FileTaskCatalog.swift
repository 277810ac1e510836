import Crypto
import Foundation
import TaskRuntime

/// A test task with files, `measure`: `scan` (required, image/tiff, at most 1 MiB) and `notes`
/// (optional). Its handler reads the files the worker fetched and answers each one's size and
/// SHA-256, so a test can compare them with the bytes it uploaded.
public enum FileTaskCatalog {
    struct Input: Codable, Sendable { var label: String? }

    public static var catalog: TaskCatalog {
        let location = SourceLocation(file: "tasks.yaml", line: 1, column: 1)
        let definition = TaskDefinition(
            name: "measure", version: 1, summary: "Measure files.", queue: "default", timeout: .seconds(30),
            input: Schema(type: [.object], additionalProperties: true), output: Schema(type: [.object]),
            files: [
                FileInput(name: "scan", maxSize: 1 << 20, mediaTypes: ["image/tiff"], location: location),
                FileInput(name: "notes", required: false, location: location),
            ],
            location: location)
        return TaskCatalog([
            TaskEntry(definition) { (_: Input, job: JobContext) -> JSONValue in
                var files: [String: JSONValue] = [:]
                for (name, url) in job.inputFiles.urls {
                    let bytes = try Data(contentsOf: url)
                    files[name] = [
                        "size": .integer(bytes.count),
                        "sha256": .string(Hex.encode(SHA256.hash(data: bytes))),
                    ]
                }
                return ["files": .object(files)]
            }
        ])
    }
}
