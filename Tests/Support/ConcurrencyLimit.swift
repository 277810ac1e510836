/// At most `width` bodies at once; the others wait their turn, in order.
///
/// For work that is heavy on the machine rather than on the test's task: the Python oracles of the
/// dataset tests (pandas, scikit-learn, DuckDB) each take a core for a second or more, and twenty at
/// once would starve the servers and workers of every test beside them past their deadlines.
public actor ConcurrencyLimit {
    private let width: Int
    private var running = 0
    private var waiting: [CheckedContinuation<Void, Never>] = []

    public init(_ width: Int) {
        self.width = max(1, width)
    }

    /// Runs `body` once fewer than `width` others run.
    public func run<T: Sendable>(_ body: @Sendable () async throws -> T) async throws -> T {
        if running < width {
            running += 1
        } else {
            await withCheckedContinuation { waiting.append($0) }
        }
        defer {
            if waiting.isEmpty { running -= 1 } else { waiting.removeFirst().resume() }
        }
        return try await body()
    }
}
