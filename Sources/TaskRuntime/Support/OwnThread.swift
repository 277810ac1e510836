import Foundation

/// Runs blocking work (a long call into a C library, a blocking read) on a thread of its own and
/// returns its value: such work must not hold one of the few threads that run Swift tasks, where it
/// would stall every other task of the process (a server's requests, a worker's heartbeats).
public func onOwnThread<T: Sendable>(named name: String, _ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        let thread = Thread { continuation.resume(with: Result { try work() }) }
        thread.name = name
        thread.start()
    }
}
