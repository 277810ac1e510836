import Foundation
import TaskforgeTestSupport
import Testing

/// The dashboard in a real browser: headless Chromium from Debian driven by Selenium
/// (`Tests/Browser/dashboard.py`), against a live `taskforge serve` that requires tokens, on SQLite
/// and on PostgreSQL. The script signs in, compares every page with the API, watches live updates,
/// pauses a queue, cancels in bulk, checks the read-only token, CSRF and accessibility (axe-core),
/// and saves screenshots of each page, light and dark, under `.build/ui-screenshots/`.
///
/// `scripts/test` installs Chromium, chromedriver, Selenium and axe-core, and runs these after the
/// rest of the suite, the two stores side by side and beside schemathesis only (a browser beside
/// every other test would slow them past their deadlines; the script mostly waits for live updates).
/// They skip only where Chromium could not be installed (`TASKFORGE_BROWSER_UNAVAILABLE`).
@Suite("dashboard in a browser")
struct DashboardBrowserTests {
    static let script = CommandLineRunner.packageRoot.appendingPathComponent("Tests/Browser/dashboard.py")
    static let screenshots = CommandLineRunner.packageRoot.appendingPathComponent(".build/ui-screenshots")

    @Test func onSQLite() async throws {
        guard try await Self.browserIsReady() else { return }
        try await Self.run(label: "sqlite", databaseURL: "")
    }

    @Test func onPostgreSQL() async throws {
        guard try await Self.browserIsReady() else { return }
        try await PostgresTestServer.fromEnvironment().withDatabase { _, url in
            try await Self.run(label: "postgres", databaseURL: url)
        }
    }

    /// Whether Chromium, chromedriver and Selenium are here; a failure when they should be.
    private static func browserIsReady() async throws -> Bool {
        if let reason = ProcessInfo.processInfo.environment["TASKFORGE_BROWSER_UNAVAILABLE"], !reason.isEmpty {
            print("dashboard browser tests skipped: \(reason)")
            return false
        }
        let tools = ["/usr/bin/chromium", "/usr/bin/chromedriver"].filter {
            !FileManager.default.isExecutableFile(atPath: $0)
        }
        let selenium = try await ProcessRunner.run(
            URL(fileURLWithPath: "/usr/bin/env"), ["python3", "-c", "import selenium"])
        guard tools.isEmpty, selenium.status == 0 else {
            Issue.record(
                "the browser tests need Debian's chromium and chromium-driver and Selenium from PyPI (missing: \((tools + (selenium.status == 0 ? [] : ["selenium"])).joined(separator: ", "))); scripts/test installs them"
            )
            return false
        }
        return true
    }

    private static func run(label: String, databaseURL: String) async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("taskforge-ui-\(UUID())")
        let data = directory.appendingPathComponent("data").path
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: screenshots, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        // `search` meets a closed port: its jobs are claimed, fail and retry (a queue that drains).
        let environment = [
            "TASKFORGE_DATABASE_URL": databaseURL, "BRAVE_API_KEY": "stand-in", "BRAVE_BASE_URL": "http://127.0.0.1:9",
        ]
        var tokens: [String] = []
        for (name, scopes) in [("admin", "admin"), ("reader", "read")] {
            let created = try await CommandLineRunner.run(
                ["token", "create", "--name", name, "--scopes", scopes, "--data-dir", data], environment: environment)
            tokens.append(
                try #require(created.stdout.split(separator: "\n").first.map(String.init), "\(created.stderr)"))
        }
        let server = try BackgroundProcess(
            try CommandLineRunner.executable,
            // Jobs still running at the end (the script's sleeps) are given back at once.
            [
                "serve", "--port", "0", "--data-dir", data, "--isolation", "in-process", "--ui-stream-lifetime", "3",
                "--shutdown-grace", "0",
            ],
            environment: environment, logFile: directory.appendingPathComponent("serve.log"))
        let url = try await server.listeningURL()
        let result = try await ProcessRunner.run(
            URL(fileURLWithPath: "/usr/bin/env"),
            [
                "python3", script.path, "--base-url", url, "--admin-token", tokens[0], "--read-token", tokens[1],
                "--screenshots", screenshots.path, "--label", label,
            ])
        #expect(await server.terminate() == 0)
        #expect(result.status == 0, "\(result.stdout.suffix(8000))\n\(result.stderr.suffix(4000))")
    }
}
