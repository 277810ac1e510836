import Foundation
import TaskRuntime
import TaskforgeTestSupport
import Testing

/// Old payloads are never silently run by new code: accepted older versions are validated against
/// their own schema and upgraded before the handler runs; retired ones are refused.
@Suite("Task versions")
struct VersioningTests {
    @Test func aPinnedOlderVersionIsValidatedStoredAndUpgraded() async throws {
        try await TestServer.with(catalog: GeneratedTasks.catalog, openAPIDocument: GeneratedTasks.openAPIDocument) {
            server in
            let reply = try await server.submit("greet", version: 2, ["name": "Ada King Lovelace"])
            #expect(reply.status == 202)
            #expect(reply.json["version"] == 2)
            let id = try #require(reply.json["id"]?.stringValue)
            let finished = try await server.waitUntilFinished(id)
            #expect(finished["state"] == "succeeded")
            #expect(finished["version"] == 2)
            #expect(finished["handler_version"] == 3)
            #expect(finished["output"] == ["greeting": "Hello, Ada King Lovelace!"])
        }
    }

    @Test func aPinnedVersionUsesItsOwnSchema() async throws {
        try await TestServer.with(catalog: GeneratedTasks.catalog, openAPIDocument: GeneratedTasks.openAPIDocument) {
            server in
            let current = try await server.submit("greet", version: 2, ["first_name": "Ada", "last_name": "Lovelace"])
            #expect(current.status == 422)
            #expect(
                current.json["violations"]?.arrayValue?.compactMap { $0["pointer"]?.stringValue }.sorted()
                    == ["/first_name", "/last_name", "/name"])
            let unpinned = try await server.submit("greet", ["first_name": "Ada", "last_name": "Lovelace"])
            #expect(unpinned.status == 202 && unpinned.json["version"] == 3)
            #expect(unpinned.json["input"]?["shout"] == false, "defaults are filled in")
        }
    }

    @Test func retiredAndUnknownVersionsAreRefused() async throws {
        try await TestServer.with(catalog: GeneratedTasks.catalog, openAPIDocument: GeneratedTasks.openAPIDocument) {
            server in
            let retired = try await server.submit("greet", version: 1, ["who": "Ada"])
            #expect(retired.status == 410)
            #expect(retired.json["code"] == "task_version_retired")
            let unknown = try await server.submit("greet", version: 4, ["first_name": "A", "last_name": "B"])
            #expect(unknown.status == 404)
            #expect(unknown.json["code"] == "task_version_not_found")
            let malformed = try await server.request("POST", "/v1/tasks/greet?version=two", body: "{}")
            #expect(malformed.status == 400 && malformed.json["code"] == "invalid_parameter")
        }
    }

    @Test func aQueuedJobOfARetiredVersionFailsWithWhatToDo() async throws {
        try await TestServer.with(catalog: GeneratedTasks.catalog, openAPIDocument: GeneratedTasks.openAPIDocument) {
            server in
            let job = try await server.store.enqueue([
                NewJob(task: "greet", version: 1, queue: "default", input: ["who": "Ada"], maxAttempts: 3)
            ])[0]
            let finished = try await server.waitUntilFinished(job.id.lowercasedString)
            #expect(finished["state"] == "failed")
            #expect(finished["error"]?["code"] == "task_version_retired")
            #expect(finished["error"]?["retryable"] == false)
            #expect(
                finished["error"]?["message"]?.stringValue?.contains("resubmit the job with a version-3 input") == true)
        }
    }

    @Test func anUpgradeThatRefusesFailsTheJobPermanently() async throws {
        try await TestServer.with(catalog: GeneratedTasks.catalog, openAPIDocument: GeneratedTasks.openAPIDocument) {
            server in
            let id = try #require(
                try await server.submit("greet", version: 2, ["name": "Cher"]).json["id"]?.stringValue)
            let finished = try await server.waitUntilFinished(id)
            #expect(finished["state"] == "failed")
            #expect(finished["error"]?["code"] == "task_rejected_invalid_params")
            #expect(finished["attempt"] == 1)
        }
    }

    @Test func theGeneratedOlderInputComesFromTheLock() {
        #expect(Greet.V2.version == 2)
        #expect(Greet.V2.inputSchema.required == ["name"])
        #expect(Greet.definition.acceptedVersions == [2])
        #expect(GeneratedTasks.catalog.entry(named: "greet")?.olderVersions.keys.sorted() == [2])
    }
}
