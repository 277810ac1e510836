/// The grammar of storage keys, checked by every ``ArtifactStore`` before a key reaches a path or a
/// URL: `/`-separated segments of lowercase letters, digits, `.`, `_` and `-`, none empty, none
/// starting with `.` (so no `.` or `..`), at most 512 characters in all.
public enum StorageKey {
    /// Throws ``ArtifactStorageError`` when `key` breaks the grammar.
    public static func check(_ key: String) throws {
        guard isValid(key) else { throw ArtifactStorageError("refused the storage key '\(key)'") }
    }

    static func isValid(_ key: String) -> Bool {
        guard !key.isEmpty, key.utf8.count <= 512 else { return false }
        return key.split(separator: "/", omittingEmptySubsequences: false).allSatisfy { segment in
            guard let first = segment.utf8.first, first != UInt8(ascii: ".") else { return false }
            return segment.utf8.allSatisfy { byte in
                (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
                    || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                    || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
            }
        }
    }
}
