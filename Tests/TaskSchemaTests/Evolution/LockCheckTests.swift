import TaskSchema
import Testing

private let refresh = "run 'swift package --allow-writing-to-package-directory taskgen lock'"

/// `echo` with its input on lines 6-11 (`message` on line 10, `sources` on line 11) and its output
/// on lines 12-15 (`message` on line 15); `accepts`, when given, on line 16; `sleep` after it.
private func registryText(
    version: Int = 1,
    message: String = "{type: string, maxLength: 10000, description: The text.}",
    sources: String = "sources: {type: array, items: {type: string}}",
    outputMessage: String = "{type: string}",
    accepts: String? = nil,
    withSleep: Bool = false
) -> String {
    var lines = [
        "tasks:",
        "  echo:",
        "    version: \(version)",
        "    summary: Echo.",
        "    timeout: 30s",
        "    input:",
        "      type: object",
        "      required: [message]",
        "      properties:",
        "        message: \(message)",
        "        \(sources)",
        "    output:",
        "      type: object",
        "      properties:",
        "        message: \(outputMessage)",
    ]
    if let accepts { lines.append("    accepts: \(accepts)") }
    if withSleep {
        lines += [
            "  sleep:",
            "    version: 1",
            "    summary: Sleep.",
            "    timeout: 1h",
            "    input: {type: object, properties: {seconds: {type: number}}}",
            "    output: {type: object}",
        ]
    }
    return lines.joined(separator: "\n")
}

private func lock(_ texts: String...) throws -> SchemaLock {
    var lock = SchemaLock()
    for text in texts {
        lock = lock.updated(with: try parseRegistry(text))
    }
    return lock
}

private func check(_ text: String, against lock: SchemaLock) throws -> [String] {
    LockCheck.check(try parseRegistry(text), against: lock).map(\.description)
}

@Suite struct LockCheckTests {
    @Test func anUnchangedRegistryPasses() throws {
        #expect(try check(registryText(), against: lock(registryText())).isEmpty)
    }

    @Test func aDescriptionChangeIsNotASchemaChange() throws {
        let locked = try lock(registryText())
        let edited = registryText(message: "{type: string, maxLength: 10000, description: What to send back.}")
        #expect(try check(edited, against: locked).isEmpty)
        let refreshed = locked.updated(with: try parseRegistry(edited))
        #expect(refreshed != locked)
        #expect(
            refreshed.entry(task: "echo", version: 1)?.fingerprint
                == locked.entry(task: "echo", version: 1)?.fingerprint)
        let annotation = refreshed.entry(task: "echo", version: 1)?.input.annotations["/properties/message"]
        #expect(annotation == SchemaAnnotations(description: "What to send back."))
    }

    @Test func aBreakingChangeWithoutABumpIsAnErrorAtTheChange() throws {
        let edited = registryText(sources: "# sources removed")
        #expect(
            try check(edited, against: lock(registryText())) == [
                "tasks.yaml:6:5: error: task 'echo' v1 input: property 'sources' removed (input_property_removed); "
                    + "bump 'version' to 2, or restore it"
            ])
    }

    @Test func everyBreakingChangeIsReportedInLineOrder() throws {
        let edited = registryText(
            message: "{type: string, maxLength: 100, description: The text.}", sources: "# sources removed",
            outputMessage: "{type: [string, \"null\"]}")
        #expect(
            try check(edited, against: lock(registryText())) == [
                "tasks.yaml:6:5: error: task 'echo' v1 input: property 'sources' removed (input_property_removed); "
                    + "bump 'version' to 2, or restore it",
                "tasks.yaml:10:9: error: task 'echo' v1 input: maxLength of 'message' lowered from 10000 to 100 "
                    + "(input_max_length_lowered); bump 'version' to 2, or restore it",
                "tasks.yaml:15:9: error: task 'echo' v1 output: null added to the type of 'message' (output_null_added); "
                    + "bump 'version' to 2, or restore it",
            ])
    }

    @Test func aCompatibleChangeWarnsThatTheLockIsStale() throws {
        let edited = registryText(message: "{type: string, maxLength: 20000, description: The whole text.}")
        #expect(
            try check(edited, against: lock(registryText())) == [
                "tasks.yaml:2:3: warning: task 'echo' v1 changed compatibly (input_constraint_relaxed, annotation_changed); "
                    + "the schema lock is stale: \(refresh)"
            ])
    }

    @Test func aNewVersionWarnsThatTheLockIsStale() throws {
        let bumped = registryText(version: 2, sources: "# sources removed")
        #expect(
            try check(bumped, against: lock(registryText())) == [
                "tasks.yaml:2:3: warning: task 'echo' v2 is not in the schema lock; the schema lock is stale: \(refresh)"
            ])
    }

    @Test func versionsOnlyGoUp() throws {
        let locked = try lock(registryText(), registryText(version: 2))
        #expect(
            try check(registryText(), against: locked) == [
                "tasks.yaml:2:3: error: task 'echo' version 1 is lower than its released version 2; versions only go up"
            ])
    }

    @Test func aDeletedTaskWarnsUntilTheLockIsRefreshed() throws {
        let locked = try lock(registryText(withSleep: true))
        #expect(
            try check(registryText(), against: locked) == [
                "tasks.yaml:1:1: warning: task 'sleep' (released versions: 1) is in the schema lock but no longer declared; "
                    + "once it has no unfinished jobs, accept its deletion: \(refresh)"
            ])
        #expect(try check(registryText(), against: locked.updated(with: parseRegistry(registryText()))).isEmpty)
    }

    @Test func aNewTaskWarnsThatTheLockIsStale() throws {
        #expect(
            try check(registryText(withSleep: true), against: lock(registryText())) == [
                "tasks.yaml:16:3: warning: task 'sleep' is not in the schema lock; the schema lock is stale: \(refresh)"
            ])
    }

    @Test func anAcceptedVersionMustBeLocked() throws {
        let current = registryText(version: 2, sources: "# sources removed", accepts: "[1]")
        #expect(
            try check(current, against: lock(registryText(version: 2, sources: "# sources removed"))) == [
                "tasks.yaml:2:3: error: task 'echo' accepts version 1, but the lock has no version 1"
            ])
        #expect(try check(current, against: lock(registryText(), current)).isEmpty)
    }

    @Test func aSharedTypeChangeIsReportedForEveryTaskUsingIt() throws {
        let text = { (maxItems: Int) in
            """
            types:
              BBox: {type: array, items: {type: number}, maxItems: \(maxItems)}
            tasks:
              crop:
                version: 1
                summary: Crop.
                timeout: 30s
                input: {type: object, properties: {region: {$ref: '#/types/BBox'}}}
                output: {type: object}
              detect:
                version: 3
                summary: Detect.
                timeout: 30s
                input: {type: object}
                output: {type: object, properties: {box: {$ref: '#/types/BBox'}}}
            """
        }
        #expect(
            try check(text(2), against: lock(text(4))) == [
                "tasks.yaml:8:40: error: task 'crop' v1 input: maxItems of 'region' lowered from 4 to 2 "
                    + "(input_max_items_lowered); bump 'version' to 2, or restore it",
                "tasks.yaml:10:3: warning: task 'detect' v3 changed compatibly (output_constraint_tightened); "
                    + "the schema lock is stale: \(refresh)",
            ])
    }

    @Test func aLockEntryThatDiffersOnlyInFormWarns() throws {
        var locked = try lock(registryText())
        var entry = try #require(locked.entry(task: "echo", version: 1))
        guard case .object(var json) = entry.output.json else { throw LockTestFailure.notAnObject }
        json["type"] = ["object"]
        entry.output.json = .object(json)
        locked.tasks["echo"]?[1] = entry
        #expect(
            try check(registryText(), against: locked) == [
                "tasks.yaml:2:3: warning: task 'echo' v1 differs from the schema lock only in form; "
                    + "the schema lock is stale: \(refresh)"
            ])
    }

    @Test func anUnreadableLockEntryIsAnError() throws {
        var locked = try lock(registryText())
        locked.tasks["echo"]?[1]?.output.json = ["type": "object", "oneOf": []]
        #expect(
            try check(registryText(), against: locked) == [
                "tasks.yaml:2:3: error: task 'echo' v1: the schema lock's entry cannot be read "
                    + "(at '/': unknown keyword 'oneOf'); restore the lock from version control"
            ])
    }

    @Test func refreshingKeepsOlderVersionsAndRewritesTheCurrentOne() throws {
        let v1 = try lock(registryText())
        let v2 = v1.updated(with: try parseRegistry(registryText(version: 2, sources: "# sources removed")))
        #expect(v2.versions(of: "echo") == [1, 2])
        #expect(v2.entry(task: "echo", version: 1) == v1.entry(task: "echo", version: 1))
        let relaxed = registryText(version: 2, message: "{type: string}", sources: "# sources removed")
        let v2b = v2.updated(with: try parseRegistry(relaxed))
        #expect(v2b.versions(of: "echo") == [1, 2])
        #expect(v2b.entry(task: "echo", version: 2) != v2.entry(task: "echo", version: 2))
        #expect(try check(relaxed, against: v2b).isEmpty)
    }
}

private enum LockTestFailure: Error {
    case notAnObject
}
