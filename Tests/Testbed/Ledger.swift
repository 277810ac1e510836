import Foundation

/// The file the test tasks append one line per event to; one `write` per line with `O_APPEND`, so
/// lines from concurrent processes never interleave.
enum Ledger {
    static func append(_ line: String) throws {
        guard let path = ProcessInfo.processInfo.environment["TESTBED_LEDGER"] else { return }
        let descriptor = open(path, O_WRONLY | O_APPEND | O_CREAT, 0o644)
        guard descriptor >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        defer { close(descriptor) }
        let bytes = Array((line + "\n").utf8)
        guard write(descriptor, bytes, bytes.count) == bytes.count else {
            throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
        }
    }
}
