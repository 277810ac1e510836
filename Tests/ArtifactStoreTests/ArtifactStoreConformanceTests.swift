import Crypto
import Foundation
import NIOCore
import TaskArtifacts
import Testing

/// Both artifact stores behave alike: streaming round trips (one PUT and multipart), nothing left
/// behind by a failed body, deletion, and keys that would leave the store refused.
@Suite struct ArtifactStoreConformanceTests {
    @Test(arguments: StoreBackend.allCases)
    func storesAndReadsBackASmallObject(_ backend: StoreBackend) async throws {
        try await backend.withStore { store in
            let body = PatternBody(count: 100_000)
            try await store.put(key: "ab/small", contentType: "text/plain", body: body)
            #expect(try await store.readAll("ab/small") == body.bytes)
        }
    }

    /// 12 MiB in 5 MiB parts: three parts on S3, the last one short.
    @Test(arguments: StoreBackend.allCases)
    func storesAndReadsBackAnObjectOfSeveralParts(_ backend: StoreBackend) async throws {
        try await backend.withStore { store in
            let body = PatternBody(count: 12 << 20, chunk: 1 << 20)
            try await store.put(key: "cd/large", contentType: "application/octet-stream", body: body)
            var hash = SHA256()
            var size = 0
            try await store.read(key: "cd/large") { chunk in
                size += chunk.readableBytes
                chunk.withUnsafeReadableBytes { hash.update(bufferPointer: $0) }
            }
            let expected = try await body.sha256
            #expect(size == 12 << 20)
            #expect(hash.finalize() == expected)
        }
    }

    /// A body that breaks off after 7 MiB (past the first S3 part) leaves no object.
    @Test(arguments: StoreBackend.allCases)
    func aBodyThatFailsLeavesNothingBehind(_ backend: StoreBackend) async throws {
        try await backend.withStore { store in
            await #expect(throws: BrokenConnection.self) {
                try await store.put(
                    key: "ef/broken", contentType: "text/plain",
                    body: PatternBody(count: 7 << 20, chunk: 1 << 20, failure: BrokenConnection()))
            }
            await #expect(throws: ArtifactStorageError.self) { try await store.readAll("ef/broken") }
        }
    }

    @Test(arguments: StoreBackend.allCases)
    func deletesObjects(_ backend: StoreBackend) async throws {
        try await backend.withStore { store in
            try await store.put(key: "aa/gone", contentType: "text/plain", body: PatternBody(count: 10))
            try await store.delete(key: "aa/gone")
            await #expect(throws: ArtifactStorageError.self) { try await store.readAll("aa/gone") }
        }
    }

    @Test(arguments: StoreBackend.allCases)
    func refusesKeysThatCouldLeaveTheStore(_ backend: StoreBackend) async throws {
        try await backend.withStore { store in
            for key in [
                "../escape", "ab/../../escape", "/etc/passwd", "ab//c", "", ".hidden", "ab/..", "AB/c", "a b",
                "ab/c%2f",
            ] {
                await #expect(throws: ArtifactStorageError.self, "key '\(key)'") {
                    try await store.put(key: key, contentType: "text/plain", body: PatternBody(count: 1))
                }
                await #expect(throws: ArtifactStorageError.self, "key '\(key)'") { try await store.readAll(key) }
                await #expect(throws: ArtifactStorageError.self, "key '\(key)'") { try await store.delete(key: key) }
            }
        }
    }
}
