import Foundation

#if canImport(Glibc)
import Glibc

private let systemRead = Glibc.read
#elseif canImport(Darwin)
import Darwin

private let systemRead = Darwin.read
#endif

extension FileHandle {
    /// Blocks until some bytes arrive and returns at most `maximum` of them; empty data means end of
    /// file (or a read error, which ends reading the same way).
    ///
    /// Foundation's `availableData` and `readDataToEndOfFile()` trap when a signal interrupts the read
    /// (`EINTR`), which happens whenever another thread is stopped to take a backtrace, for instance;
    /// this retries the read instead.
    public func readSome(upTo maximum: Int = 64 * 1024) -> Data {
        var bytes = [UInt8](repeating: 0, count: maximum)
        while true {
            let count = bytes.withUnsafeMutableBytes { systemRead(fileDescriptor, $0.baseAddress, maximum) }
            if count >= 0 { return Data(bytes[0..<count]) }
            if errno != EINTR { return Data() }
        }
    }

    /// Reads until end of file, retrying reads a signal interrupted (see ``readSome(upTo:)``).
    public func readUntilEnd() -> Data {
        var data = Data()
        while case let chunk = readSome(), !chunk.isEmpty { data.append(chunk) }
        return data
    }
}
