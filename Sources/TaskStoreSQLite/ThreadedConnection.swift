import Logging
import NIOCore
import NIOPosix
import SQLiteNIO

/// A connection to the database file that runs its statements on a thread of its own.
///
/// SQLite blocks the calling thread: a writer waiting for the write lock sleeps in its busy
/// handler (for up to `busy_timeout`), and a checkpoint waits for the disk. On a pool shared with
/// anything else (SQLiteNIO's default is `NIOThreadPool.singleton`, which other stores, file I/O
/// and NIO's blocking calls in the same process use too), such a wait holds up work that has
/// nothing to do with this database. A thread per connection confines it to the connection, whose
/// statements SQLite runs one at a time anyway.
struct ThreadedConnection: Sendable {
    let connection: SQLiteConnection
    private let thread: NIOThreadPool

    /// Opens `path` on a new thread; `prepare` sets the connection up (pragmas).
    static func open(
        path: String, logger: Logger, prepare: (SQLiteConnection) async throws -> Void
    ) async throws -> ThreadedConnection {
        let thread = NIOThreadPool(numberOfThreads: 1)
        thread.start()
        do {
            let connection = try await SQLiteConnection.open(
                storage: .file(path: path), threadPool: thread, logger: logger,
                on: MultiThreadedEventLoopGroup.singleton.any())
            do {
                try await prepare(connection)
            } catch {
                try? await connection.close()
                throw error
            }
            return ThreadedConnection(connection: connection, thread: thread)
        } catch {
            try? await thread.shutdownGracefully()
            throw error
        }
    }

    /// Closes the connection, then stops its thread.
    func close() async throws {
        try await connection.close()
        try await thread.shutdownGracefully()
    }
}
