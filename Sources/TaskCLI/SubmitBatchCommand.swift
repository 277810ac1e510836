import ArgumentParser
import Foundation
import TaskRuntime

/// `taskforge submit-batch jobs.jsonl`: one `{task, version?, input, options?}` object a line, all
/// submitted in one `POST /v1/jobs:batch`: every job is queued, or (any item invalid) none is.
public struct SubmitBatchCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "submit-batch",
        abstract: "Submit the jobs of a JSON Lines file at once: all of them, or none.",
        discussion: """
            Each non-empty line is {"task": "echo", "input": {...}, "version": 1, "options": {"priority": 5, "delay": "30s"}};
            version and options are optional. Use - to read standard input.
            """)

    @OptionGroup var connection: ConnectionOptions
    @Argument(help: "The JSON Lines file, or - for standard input.") var file: String
    @Flag(help: "Print the jobs as JSON.") var json = false

    public init() {}

    public func run() async throws {
        let jobs = try Self.items(in: try read())
        let reply = try await connection.client.submitBatch(jobs)
        guard !json else {
            print(reply.prettyString)
            return
        }
        let submitted = reply["jobs"]?.arrayValue ?? []
        print("submitted \(submitted.count) job(s)")
        for job in submitted.map(RemoteJob.init) {
            print("\(job.idString)  \(job.summary)")
        }
    }

    private func read() throws -> String {
        if file == "-" {
            return String(decoding: FileHandle.standardInput.readUntilEnd(), as: UTF8.self)
        }
        do {
            return try String(contentsOfFile: file, encoding: .utf8)
        } catch {
            throw CLIError("cannot read '\(file)': \(error.localizedDescription)")
        }
    }

    /// The items of a JSON Lines text; a line that is not a JSON object is reported with its number.
    static func items(in text: String) throws -> [JSONValue] {
        var items: [JSONValue] = []
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            guard !line.allSatisfy(\.isWhitespace) else { continue }
            guard let item = try? JSONValue(json: Data(line.utf8)), item.objectValue != nil else {
                throw CLIError("line \(number + 1) is not a JSON object")
            }
            items.append(item)
        }
        guard !items.isEmpty else { throw CLIError("the file has no jobs") }
        return items
    }
}
