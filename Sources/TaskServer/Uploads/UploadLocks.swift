import HTTPTypes
import TaskRuntime

/// One in-process lock per upload, so that requests on one upload (HEAD, PATCH, DELETE, the
/// expiry sweep) never overlap. A request waits for the one in flight, first come first served,
/// up to ``wait``; past that it is refused with `423 upload_locked`.
actor UploadLocks {
    private struct Waiter {
        let ticket: Int
        let continuation: CheckedContinuation<Bool, Never>
    }

    /// How long a request waits for the lock.
    let wait: Duration
    private var held: Set<String> = []
    private var waiters: [String: [Waiter]] = [:]
    private var nextTicket = 0

    init(wait: Duration) {
        self.wait = wait
    }

    /// Runs `body` holding the lock of upload `id`.
    nonisolated func withLock<T: Sendable>(_ id: String, _ body: () async throws -> T) async throws -> T {
        guard await acquire(id) else {
            throw Problem(
                HTTPResponse.Status(code: 423, reasonPhrase: "Locked"), .uploadLocked,
                "another request on upload '\(id)' is still in progress after \(wait); try again when it finished")
        }
        do {
            let result = try await body()
            await release(id)
            return result
        } catch {
            await release(id)
            throw error
        }
    }

    /// Takes the lock now if it is free, else waits in line: `false` when the wait ran out.
    private func acquire(_ id: String) async -> Bool {
        guard held.contains(id) else {
            held.insert(id)
            return true
        }
        nextTicket += 1
        let ticket = nextTicket
        let timeout = Task { [wait] in
            try await Task.sleep(for: wait)
            self.giveUp(id, ticket: ticket)
        }
        let granted = await withCheckedContinuation { continuation in
            waiters[id, default: []].append(Waiter(ticket: ticket, continuation: continuation))
        }
        timeout.cancel()
        return granted
    }

    private func giveUp(_ id: String, ticket: Int) {
        guard let index = waiters[id]?.firstIndex(where: { $0.ticket == ticket }) else { return }
        let waiter = waiters[id]!.remove(at: index)
        if waiters[id]!.isEmpty { waiters[id] = nil }
        waiter.continuation.resume(returning: false)
    }

    /// Hands the lock to the next in line, or frees it.
    private func release(_ id: String) {
        guard var line = waiters[id], !line.isEmpty else {
            held.remove(id)
            return
        }
        let next = line.removeFirst()
        waiters[id] = line.isEmpty ? nil : line
        next.continuation.resume(returning: true)
    }
}
