import Foundation
import PostgresNIO
import TaskStorePostgres

/// The PostgreSQL server the tests use, named by `TASKFORGE_TEST_POSTGRES_URL` (set by `scripts/test`).
public struct PostgresTestServer: Sendable {
    public var url: PostgresURL
    private var text: String

    /// The server of the environment; throws (never skips) when it is not configured.
    public static func fromEnvironment() throws -> PostgresTestServer {
        guard let text = ProcessInfo.processInfo.environment["TASKFORGE_TEST_POSTGRES_URL"], !text.isEmpty else {
            throw TestFailure(
                "set TASKFORGE_TEST_POSTGRES_URL (like postgres://postgres@127.0.0.1:5432/postgres); scripts/test starts PostgreSQL"
            )
        }
        return PostgresTestServer(url: try PostgresURL(text), text: text)
    }

    /// Runs `body` with a new, empty database (its URL, and the same as text for other processes),
    /// and drops the database afterwards.
    public func withDatabase<T>(_ body: (PostgresURL, String) async throws -> T) async throws -> T {
        let name = "tf_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        try await query("CREATE DATABASE \(name)")
        var database = url
        database.configuration.database = name
        var components = URLComponents(string: text)
        components?.path = "/" + name
        do {
            let result = try await body(database, components?.string ?? text)
            try await query("DROP DATABASE \(name) WITH (FORCE)")
            return result
        } catch {
            _ = try? await query("DROP DATABASE \(name) WITH (FORCE)")
            throw error
        }
    }

    /// Runs one SQL statement on `database` (the server's URL when nil) and returns its rows.
    @discardableResult
    public func query(_ sql: String, database: String? = nil) async throws -> [PostgresRow] {
        var configuration = url.configuration
        if let database { configuration.database = database }
        let client = PostgresClient(configuration: configuration)
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await client.run() }
            defer { group.cancelAll() }
            return try await client.query(PostgresQuery(unsafeSQL: sql)).collect()
        }
    }

    /// Restarts the server (`pg_ctl restart -m fast`, as the user that owns it) and waits until it
    /// accepts connections again. Needs `TASKFORGE_PG_ROOT` and `TASKFORGE_PG_BIN` from `scripts/lib/postgres.sh`.
    public func restart() async throws {
        let environment = ProcessInfo.processInfo.environment
        guard let root = environment["TASKFORGE_PG_ROOT"], let bin = environment["TASKFORGE_PG_BIN"] else {
            throw TestFailure(
                "restarting PostgreSQL needs TASKFORGE_PG_ROOT and TASKFORGE_PG_BIN (scripts/lib/postgres.sh)")
        }
        // With -l the restarted server writes to its log, not to our pipes. Through python3's
        // subprocess (close_fds): the server must not inherit the descriptor by which Foundation
        // notices that the process it started has exited, or `run` would never return. Nor does it
        // carry the test run's mark (scripts/test kills what does at the end): it is the script's
        // server, which the script stops.
        let pgctl = [
            "\(bin)/pg_ctl", "-D", "\(root)/data", "-l", "\(root)/server.log", "-m", "fast", "-w", "-t", "60",
            "restart",
        ]
        let command = (getuid() == 0 ? ["runuser", "-u", "postgres", "--"] : []) + pgctl
        let result = try await ProcessRunner.run(
            URL(fileURLWithPath: "/usr/bin/env"),
            [
                "-u", "TASKFORGE_TEST_RUN", "python3", "-c",
                "import subprocess, sys; sys.exit(subprocess.run(sys.argv[1:]).returncode)",
            ] + command)
        guard result.status == 0 else { throw TestFailure("pg_ctl restart failed: \(result.stderr)\(result.stdout)") }
    }
}
