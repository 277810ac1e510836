import ArgumentParser
import AsyncHTTPClient
import Foundation

/// Follows a job until it finishes, on its event stream (`GET /v1/jobs/{id}/events` as
/// `text/event-stream`): a live progress bar on a terminal, plain lines otherwise. A stream that
/// drops (or stays silent past the server's keep-alive) is followed again from its last event id.
struct JobWaiter {
    let client: APIClient
    /// The pause before following a dropped stream again.
    var reconnectDelay: Duration = .seconds(1)
    /// How many drops in a row, without an event between them, end the wait with an error.
    var maxReconnects = 30
    /// A stream silent this long (the server sends a keep-alive every 15 s) counts as dropped.
    var silenceLimit: Duration = .seconds(45)

    func wait(for job: RemoteJob) async throws -> RemoteJob {
        let display = ProgressDisplay(interactive: isatty(STDERR_FILENO) == 1)
        let http = HTTPClient(
            eventLoopGroup: HTTPClient.defaultEventLoopGroup,
            configuration: .init(
                timeout: .init(connect: .seconds(10), read: .seconds(Int64(silenceLimit.components.seconds)))))
        do {
            let finished = try await follow(job, display: display, http: http)
            try await http.shutdown()
            display.end()
            return finished
        } catch {
            try? await http.shutdown()
            display.end()
            throw error
        }
    }

    private func follow(_ job: RemoteJob, display: ProgressDisplay, http: HTTPClient) async throws -> RemoteJob {
        var current = job
        var lastEventID: String?
        var drops = 0
        display.show(current)
        while !current.isFinished {
            do {
                try await client.followEvents(ofJob: current.idString, after: lastEventID, using: http) { event in
                    if let id = event.id { lastEventID = id }
                    current = current.applying(event)
                    drops = 0
                    display.show(current)
                }
                // The server ends the stream after the final state: read the job with its output.
                current = try await client.job(id: current.idString)
            } catch let dropped as EventStreamDropped {
                drops += 1
                guard drops <= maxReconnects else {
                    throw CLIError("lost the event stream of job \(current.idString): \(dropped.underlying)")
                }
                try await Task.sleep(for: reconnectDelay)
            }
        }
        return current
    }

    /// Prints the outcome (output JSON on stdout, the error on stderr) and ends the process with
    /// 0 for `succeeded`, 1 for `failed`, 2 for `cancelled`.
    static func finish(_ job: RemoteJob, asJSON: Bool) throws {
        if asJSON {
            print(job.prettyString)
        } else if job.state == "succeeded" {
            print((job.json["output"] ?? .null).prettyString)
        }
        switch job.state {
        case "succeeded":
            return
        case "cancelled":
            if !asJSON { printError("job \(job.idString) was cancelled") }
            throw ExitCode(2)
        default:
            if !asJSON {
                let error = job.json["error"]
                printError(
                    "job \(job.idString) failed: \(error?["message"]?.stringValue ?? "unknown error") "
                        + "(\(error?["code"]?.stringValue ?? "?"))")
            }
            throw ExitCode(1)
        }
    }
}

/// Renders progress on standard error.
final class ProgressDisplay {
    private let interactive: Bool
    private var lastLine = ""

    init(interactive: Bool) {
        self.interactive = interactive
    }

    func show(_ job: RemoteJob) {
        let percent = Int(job.progress.rounded())
        let stage = job.stage.map { " (\($0))" } ?? ""
        if interactive {
            let width = 30
            let filled = min(width, percent * width / 100)
            let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
            writeError("\r[\(bar)] \(String(format: "%3d", percent))% \(job.state)\(stage)\u{1B}[K")
        } else {
            let line = "\(job.state)\(stage) \(percent / 10 * 10)%"
            guard line != lastLine else { return }
            lastLine = line
            writeError(line + "\n")
        }
    }

    func end() {
        if interactive { writeError("\n") }
    }
}

func writeError(_ text: String) {
    FileHandle.standardError.write(Data(text.utf8))
}

func printError(_ line: String) {
    writeError(line + "\n")
}
