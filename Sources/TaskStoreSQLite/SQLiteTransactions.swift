import Logging
import SQLiteNIO
import Synchronization

/// Runs multi-statement transactions on a connection of their own, one at a time.
///
/// The store's main connection is shared by concurrent tasks, so a `BEGIN` there would sweep other
/// tasks' statements into the transaction (and a `ROLLBACK` would undo them). Here each transaction
/// holds the connection alone from `BEGIN IMMEDIATE` (which takes the database's write lock at once,
/// queueing behind other writers, in this process or another, for up to `busy_timeout`) to `COMMIT`.
///
/// Like the main connection, this one runs on a thread of its own (``ThreadedConnection``): writers
/// on the main connection wait for the write lock by blocking their thread, and the transaction
/// holding the lock must still be able to run its next statement.
final class SQLiteTransactions: Sendable {
    private let threaded: ThreadedConnection
    private var connection: SQLiteConnection { threaded.connection }
    private let turn = AsyncTurnstile()

    /// Opens the connection to `path`; `prepare` sets it up (pragmas).
    static func open(
        path: String, logger: Logger, prepare: (SQLiteConnection) async throws -> Void
    ) async throws -> SQLiteTransactions {
        SQLiteTransactions(threaded: try await ThreadedConnection.open(path: path, logger: logger, prepare: prepare))
    }

    private init(threaded: ThreadedConnection) {
        self.threaded = threaded
    }

    /// Runs `body` in one transaction: committed when it returns, rolled back when it throws.
    func run<Result: Sendable>(_ body: @Sendable (SQLiteConnection) async throws -> Result) async throws -> Result {
        await turn.enter()
        defer { turn.leave() }
        _ = try await connection.query("BEGIN IMMEDIATE")
        do {
            let result = try await body(connection)
            _ = try await connection.query("COMMIT")
            return result
        } catch {
            _ = try? await connection.query("ROLLBACK")
            throw error
        }
    }

    func close() async throws {
        try await threaded.close()
    }
}

/// Lets one task through at a time, the others waiting in arrival order (an async mutex).
final class AsyncTurnstile: Sendable {
    private struct State {
        var occupied = false
        var waiting: [CheckedContinuation<Void, Never>] = []
    }

    private let state = Mutex(State())

    func enter() async {
        await withCheckedContinuation { continuation in
            let admitted = state.withLock { state in
                guard state.occupied else {
                    state.occupied = true
                    return true
                }
                state.waiting.append(continuation)
                return false
            }
            if admitted { continuation.resume() }
        }
    }

    func leave() {
        let next = state.withLock { state -> CheckedContinuation<Void, Never>? in
            guard !state.waiting.isEmpty else {
                state.occupied = false
                return nil
            }
            return state.waiting.removeFirst()
        }
        next?.resume()
    }
}
