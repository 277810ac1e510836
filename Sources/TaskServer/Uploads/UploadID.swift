/// Upload ids: 32 random lowercase hex digits. Every route checks an id against this grammar
/// before it names a file, so nothing from a path reaches the file system unchecked.
enum UploadID {
    /// A new random id (128 bits).
    static func generate() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<2).map { _ in
            let hex = String(generator.next() as UInt64, radix: 16)
            return String(repeating: "0", count: 16 - hex.count) + hex
        }.joined()
    }

    /// Whether `text` is exactly 32 lowercase hex digits.
    static func isValid(_ text: String) -> Bool {
        text.utf8.count == 32 && text.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
    }
}
