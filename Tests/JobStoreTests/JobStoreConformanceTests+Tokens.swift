import Foundation
import TaskRuntime
import Testing

/// API tokens and job owners.
extension JobStoreConformanceTests {
    static func apiToken(
        _ name: String, _ scopes: Set<TokenScope> = [.read], tasks: [String]? = nil
    ) -> (APIToken, TokenSecret) {
        let secret = TokenSecret.generate()
        // Whole seconds: exact in a Double and in both stores' microseconds, so the round trip compares equal.
        let created = Date(timeIntervalSince1970: Date().timeIntervalSince1970.rounded(.down))
        let token = APIToken(
            id: secret.id, name: name, secretHash: secret.hash, scopes: scopes, tasks: tasks, createdAt: created,
            expiresAt: created.addingTimeInterval(86_400))
        return (token, secret)
    }

    @Test(arguments: StoreKind.allCases)
    func aTokenIsStoredFoundByIdListedAndRevokedOnce(kind: StoreKind) async throws {
        try await kind.withStore { store in
            let (ci, secret) = Self.apiToken("ci", [.submit, .read], tasks: ["echo", "search"])
            #expect(try await store.createToken(ci))
            let (other, _) = Self.apiToken("ci")
            #expect(try await !store.createToken(other), "names are unique")
            let found = try #require(try await store.token(id: ci.id))
            #expect(found == ci)
            #expect(secret.matches(found) && !TokenSecret.generate().matches(found))
            let (ops, _) = Self.apiToken("ops", [.admin])
            #expect(try await store.createToken(ops))
            #expect(try await store.tokens().map(\.name).sorted() == ["ci", "ops"])

            let revokedAt = Date(timeIntervalSince1970: 1_800_000_000)
            let revoked = try #require(try await store.revokeToken("ci", at: revokedAt))
            #expect(revoked.id == ci.id && revoked.revokedAt == revokedAt && !revoked.isActive(at: Date()))
            let again = try #require(try await store.revokeToken(ci.id, at: revokedAt.addingTimeInterval(60)))
            #expect(again.revokedAt == revokedAt, "the first revocation time stays")
            #expect(try await store.revokeToken("nobody", at: Date()) == nil)
            #expect(try await store.token(id: ops.id)?.revokedAt == nil)
        }
    }

    @Test(arguments: StoreKind.allCases)
    func jobsRecordTheirOwnerAndListingsFilterByIt(kind: StoreKind) async throws {
        try await kind.withStore { store in
            var alices = NewJob.sample()
            alices.owner = "aaaaaaaaaaaa"
            var bobs = NewJob.sample()
            bobs.owner = "bbbbbbbbbbbb"
            let stored = try await store.enqueue([alices, bobs, .sample()])
            #expect(stored.map(\.owner) == ["aaaaaaaaaaaa", "bbbbbbbbbbbb", nil])
            var alicesDeduplicated = NewJob.sample()
            alicesDeduplicated.owner = "aaaaaaaaaaaa"
            let outcome = try await store.enqueueDeduplicated(alicesDeduplicated, key: "k", reuseResultFor: .zero)
            guard case .created(let created) = outcome else {
                Issue.record("expected a new job, got \(outcome)")
                return
            }
            #expect(created.owner == "aaaaaaaaaaaa")
            let owned = try await store.jobs(matching: JobQuery(owner: "aaaaaaaaaaaa")).jobs
            #expect(Set(owned.map(\.id)) == [stored[0].id, created.id])
            #expect(try await store.jobs(matching: JobQuery()).jobs.count == 4)
        }
    }
}
