import TaskRuntime
import Testing

/// `withDeadline`: what worker loops wrap store calls in, so a call lost with its connection fails
/// instead of stalling the loop.
@Suite("Deadlines on store calls")
struct DeadlineTests {
    @Test func anAnswerBeforeTheDeadlineIsReturned() async throws {
        #expect(try await withDeadline(.seconds(30), "adding") { 1 + 1 } == 2)
        await #expect(throws: CancellationError.self) {
            try await withDeadline(.seconds(30), "failing") { throw CancellationError() }
        }
    }

    @Test func anOperationThatNeverAnswersFailsAtTheDeadlineAndIsCancelled() async throws {
        let (cancelled, signal) = AsyncStream.makeStream(of: Bool.self)
        let error = await #expect(throws: DeadlineExceeded.self) {
            try await withDeadline(.milliseconds(50), "hanging") {
                // Stands for a query whose connection vanished: it answers only when cancelled.
                let slept: Void? = try? await Task.sleep(for: .seconds(3600))
                signal.yield(slept == nil)
                signal.finish()
            }
        }
        #expect(error?.operation == "hanging")
        var iterator = cancelled.makeAsyncIterator()
        #expect(await iterator.next() == true, "the abandoned operation was cancelled")
    }
}
