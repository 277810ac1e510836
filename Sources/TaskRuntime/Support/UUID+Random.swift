import Foundation

#if canImport(Glibc)
import Glibc
#endif

extension UUID {
    /// A random (version 4) UUID, its 122 random bits from the kernel's generator in one call
    /// (`arc4random_buf`). Foundation's `UUID()` on Linux opens, reads and closes `/dev/urandom`
    /// for every one (3.4 µs against 0.4 on this machine), and a job ID is made for every job
    /// submitted.
    public static func random() -> UUID {
        var bytes: uuid_t = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        withUnsafeMutableBytes(of: &bytes) { buffer in
            arc4random_buf(buffer.baseAddress!, buffer.count)
        }
        bytes.6 = bytes.6 & 0x0F | 0x40  // version 4
        bytes.8 = bytes.8 & 0x3F | 0x80  // the RFC 9562 variant
        return UUID(uuid: bytes)
    }
}
