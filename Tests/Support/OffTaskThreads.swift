import TaskRuntime

/// Runs seconds of synchronous work (GDAL, a retrieval, a large sort) on a thread of its own and
/// returns its result.
///
/// Swift Testing runs a test's body on one of the few threads (one per core) that run every task
/// of the test process; synchronous work held there stalls the servers, workers and clients of the
/// tests running beside it, past their deadlines. Assert on the result in the test itself: an
/// expectation recorded on the other thread belongs to no test.
public func offTaskThreads<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await onOwnThread(named: "test-work", work)
}

/// A value made on another thread and handed over whole to the test, which alone uses it from then
/// on (a GDAL-backed value that is not `Sendable`).
public struct HandedOver<Value>: @unchecked Sendable {
    public let value: Value

    public init(_ value: Value) {
        self.value = value
    }
}
