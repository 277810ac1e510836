import Foundation
import TaskCodegen
import TaskSchema
import Testing

/// The committed `Generated/` files are what the generator makes of the root `tasks.yaml`: CI
/// cannot land a schema change without its refreshed lock and OpenAPI document.
@Suite("Committed generator output")
struct CommittedFilesTests {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let refresh = "run '\(SchemaLock.refreshCommand)' and commit Generated/"

    static func inputs() throws -> (Registry, SchemaLock) {
        let registry = try Registry.load(path: root.appendingPathComponent("tasks.yaml").path)
        let lock = try SchemaLock.parse(
            data: Data(contentsOf: root.appendingPathComponent("Generated/tasks.lock.json")))
        return (registry, lock)
    }

    @Test func theSchemaLockIsFresh() throws {
        let (registry, lock) = try Self.inputs()
        #expect(LockCheck.check(registry, against: lock).map(\.description) == [], "\(Self.refresh)")
        #expect(lock.updated(with: registry) == lock, "\(Self.refresh)")
    }

    @Test func theOpenAPIDocumentIsFresh() throws {
        let (registry, lock) = try Self.inputs()
        let committed = try String(
            contentsOf: Self.root.appendingPathComponent("Generated/openapi.json"), encoding: .utf8)
        #expect(committed == OpenAPIRenderer.render(for: registry, lock: lock), "\(Self.refresh)")
    }
}
