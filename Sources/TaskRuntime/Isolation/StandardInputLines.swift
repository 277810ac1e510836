import Foundation

/// Standard input as lines, read on a dedicated thread (reads block, and a handler may be hogging
/// the cooperative pool).
enum StandardInputLines {
    /// The lines of standard input. The process exits when it closes, even while a handler that
    /// ignores cancellation is running.
    static func stream() -> AsyncStream<String> {
        let (lines, continuation) = AsyncStream.makeStream(of: String.self)
        let reader = Thread {
            while let line = readLine(strippingNewline: true) {
                continuation.yield(line)
            }
            exit(0)
        }
        reader.name = "stdin-reader"
        reader.start()
        return lines
    }
}
