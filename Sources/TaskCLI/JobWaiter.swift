import ArgumentParser
import Foundation

/// Follows a job until it finishes: a live progress bar on a terminal, plain lines otherwise.
struct JobWaiter {
    let client: APIClient
    var pollInterval: Duration = .milliseconds(200)

    func wait(for job: RemoteJob) async throws -> RemoteJob {
        let display = ProgressDisplay(interactive: isatty(STDERR_FILENO) == 1)
        var current = job
        display.show(current)
        while !current.isFinished {
            try await Task.sleep(for: pollInterval)
            current = try await client.job(id: current.idString)
            display.show(current)
        }
        display.end()
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
