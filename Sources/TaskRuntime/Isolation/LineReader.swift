import Foundation

/// Reads a file handle line by line on a dedicated thread: reads block, and a handler may be hogging
/// the cooperative pool. Both sides of a handler process read their pipe this way.
enum LineReader {
    /// Hands each line of `handle` (without its newline) to `line`, then calls `end` at end of file.
    static func start(
        _ name: String, reading handle: FileHandle, line: @escaping @Sendable (Data) -> Void,
        end: @escaping @Sendable () -> Void
    ) {
        let reader = Thread {
            var buffer = Data()
            while case let chunk = handle.readSome(), !chunk.isEmpty {
                buffer.append(chunk)
                while let newline = buffer.firstIndex(of: UInt8(ascii: "\n")) {
                    line(Data(buffer[buffer.startIndex..<newline]))
                    buffer.removeSubrange(buffer.startIndex...newline)
                }
            }
            end()
        }
        reader.name = name
        reader.start()
    }
}
