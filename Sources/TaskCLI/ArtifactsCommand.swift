import ArgumentParser
import AsyncHTTPClient
import Foundation
import NIOCore
import TaskRuntime

/// `taskforge artifacts get|meta`: an artifact's bytes or its metadata and lineage.
public struct ArtifactsCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "artifacts", abstract: "Download an artifact, or show where it came from.",
        subcommands: [Get.self, Meta.self])

    public init() {}

    /// `taskforge artifacts get ID -o FILE`: streams the bytes to a file, following the server's
    /// presigned link when artifacts live in object storage.
    public struct Get: AsyncParsableCommand {
        public static let configuration = CommandConfiguration(abstract: "Download an artifact's bytes to a file.")

        @OptionGroup var connection: ConnectionOptions
        @Argument(help: "The artifact's id.") var id: String
        @Option(name: .shortAndLong, help: "The file to write ('-' for standard output).") var output: String

        public init() {}

        public func run() async throws {
            let client = connection.client
            let http = HTTPClient(
                eventLoopGroupProvider: .singleton, configuration: .init(redirectConfiguration: .disallow))
            do {
                try await download(with: http, client: client)
                try await http.shutdown()
            } catch {
                try? await http.shutdown()
                throw error
            }
        }

        private func download(with http: HTTPClient, client: APIClient) async throws {
            var response = try await http.execute(client.request(.GET, "/v1/artifacts/\(id)"), timeout: .hours(1))
            // A presigned link carries its own credentials: the token is not sent there.
            if response.status == .found, let location = response.headers.first(name: "Location") {
                response = try await http.execute(HTTPClientRequest(url: location), timeout: .hours(1))
            }
            guard response.status == .ok else {
                throw try await CLIError(response: response, doing: "downloading the artifact")
            }
            let handle: FileHandle
            if output == "-" {
                handle = .standardOutput
            } else {
                guard FileManager.default.createFile(atPath: output, contents: nil) else {
                    throw CLIError("cannot write '\(output)'")
                }
                handle = try FileHandle(forWritingTo: URL(fileURLWithPath: output))
            }
            defer { if output != "-" { try? handle.close() } }
            for try await chunk in response.body {
                try handle.write(contentsOf: Data(chunk.readableBytesView))
            }
        }
    }

    /// `taskforge artifacts meta ID`: the artifact's metadata and lineage as JSON.
    public struct Meta: AsyncParsableCommand {
        public static let configuration = CommandConfiguration(
            abstract: "Show an artifact's metadata and lineage: the job, attempt and inputs that produced it.")

        @OptionGroup var connection: ConnectionOptions
        @Argument(help: "The artifact's id.") var id: String

        public init() {}

        public func run() async throws {
            let response = try await connection.client.execute(
                connection.client.request(.GET, "/v1/artifacts/\(id)/meta"))
            guard response.status == .ok else {
                throw try await CLIError(response: response, doing: "reading the artifact's metadata")
            }
            let bytes = try await response.body.collect(upTo: 1 << 20)
            print((try JSONValue(json: Data(bytes.readableBytesView))).prettyString)
        }
    }
}
