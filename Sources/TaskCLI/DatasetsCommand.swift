import ArgumentParser
import AsyncHTTPClient
import Foundation
import NIOCore
import TaskRuntime

/// `taskforge datasets upload|list|get|delete`: the datasets jobs read (`/v1/datasets`).
public struct DatasetsCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "datasets", abstract: "Upload, list, show and delete datasets (CSV or JSON Lines tables).",
        subcommands: [Upload.self, List.self, Get.self, Delete.self])

    public init() {}

    /// `taskforge datasets upload FILE [--name NAME]`: streams the file (never read whole into memory)
    /// and prints the stored dataset, its profile included.
    public struct Upload: AsyncParsableCommand {
        public static let configuration = CommandConfiguration(
            abstract: "Upload a CSV or JSON Lines file (optionally gzip-compressed) as a dataset; prints it as stored.")

        @OptionGroup var connection: ConnectionOptions
        @Argument(help: "The file: .csv, .jsonl or .ndjson, each optionally .gz.") var file: String
        @Option(help: "The dataset's name (default: the file's name).") var name: String?

        public init() {}

        public func run() async throws {
            let url = URL(fileURLWithPath: file)
            guard let size = (try? FileManager.default.attributesOfItem(atPath: url.path))?[.size] as? Int64 else {
                throw CLIError("cannot read '\(file)'")
            }
            let name = self.name ?? url.lastPathComponent
            let client = connection.client
            let encoded =
                name.addingPercentEncoding(
                    withAllowedCharacters: .urlQueryAllowed.subtracting(CharacterSet(charactersIn: "&=+#")))
                ?? name
            var request = client.request(.POST, "/v1/datasets?name=\(encoded)")
            // The server picks the format from the name's suffix for a generic type.
            request.headers.add(name: "Content-Type", value: "application/octet-stream")
            request.body = .stream(FileChunks(url: url), length: .known(size))
            let response = try await client.execute(request, timeout: .hours(2))
            guard response.status == .created else {
                throw try await CLIError(response: response, doing: "uploading the dataset")
            }
            print(try await Self.json(response).prettyString)
        }

        static func json(_ response: HTTPClientResponse) async throws -> JSONValue {
            let bytes = try await response.body.collect(upTo: 16 << 20)
            return try JSONValue(json: Data(bytes.readableBytesView))
        }
    }

    /// `taskforge datasets list [--limit N]`: the caller's datasets, newest first, one a line.
    public struct List: AsyncParsableCommand {
        public static let configuration = CommandConfiguration(abstract: "List your datasets, newest first.")

        @OptionGroup var connection: ConnectionOptions
        @Option(help: "How many to show (1 to 1000).") var limit: Int = 50

        public init() {}

        public func run() async throws {
            let response = try await connection.client.execute(
                connection.client.request(.GET, "/v1/datasets?limit=\(limit)"))
            guard response.status == .ok else {
                throw try await CLIError(response: response, doing: "listing datasets")
            }
            let page = try await Upload.json(response)
            for dataset in page["datasets"]?.arrayValue ?? [] {
                let rows = dataset["row_count"]?.doubleValue.map { String(Int($0)) } ?? "?"
                let size = dataset["size"]?.doubleValue.map { String(Int($0)) } ?? "?"
                print(
                    [
                        dataset["id"]?.stringValue ?? "?", dataset["format"]?.stringValue ?? "?", "\(rows) rows",
                        "\(size) bytes",
                        dataset["name"]?.stringValue ?? "",
                    ].joined(separator: "  "))
            }
        }
    }

    /// `taskforge datasets get ID`: the dataset and its profile as JSON.
    public struct Get: AsyncParsableCommand {
        public static let configuration = CommandConfiguration(
            abstract: "Show a dataset: size, SHA-256, rows, columns with their types and null counts, a preview.")

        @OptionGroup var connection: ConnectionOptions
        @Argument(help: "The dataset's id.") var id: String

        public init() {}

        public func run() async throws {
            let response = try await connection.client.execute(connection.client.request(.GET, "/v1/datasets/\(id)"))
            guard response.status == .ok else {
                throw try await CLIError(response: response, doing: "reading the dataset")
            }
            print(try await Upload.json(response).prettyString)
        }
    }

    /// `taskforge datasets delete ID`: refused while an unfinished job reads it.
    public struct Delete: AsyncParsableCommand {
        public static let configuration = CommandConfiguration(
            abstract: "Delete a dataset (refused while a waiting, pending or running job reads it).")

        @OptionGroup var connection: ConnectionOptions
        @Argument(help: "The dataset's id.") var id: String

        public init() {}

        public func run() async throws {
            let response = try await connection.client.execute(connection.client.request(.DELETE, "/v1/datasets/\(id)"))
            guard response.status == .noContent else {
                throw try await CLIError(response: response, doing: "deleting the dataset")
            }
            print("deleted \(id)")
        }
    }
}

/// A local file as 1 MiB chunks, read as the request body is sent.
struct FileChunks: AsyncSequence, Sendable {
    typealias Element = ByteBuffer
    let url: URL

    struct AsyncIterator: AsyncIteratorProtocol {
        let handle: FileHandle?

        mutating func next() async throws -> ByteBuffer? {
            guard let handle, let data = try handle.read(upToCount: 1 << 20), !data.isEmpty else {
                try handle?.close()
                return nil
            }
            return ByteBuffer(bytes: data)
        }
    }

    func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(handle: try? FileHandle(forReadingFrom: url))
    }
}
