import ArgumentParser
import Foundation
import TaskRuntime
import TaskSchema

/// `taskforge schema check|diff`: the schema lock from the command line, for reviews and CI.
struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema", abstract: "Check and explain task schema versions against the schema lock.",
        subcommands: [Check.self, Diff.self])

    /// The registry and lock of the working tree.
    struct Files: ParsableArguments {
        @Option(help: "The task registry.") var registry = "tasks.yaml"
        @Option(help: "The schema lock.") var lock = "Generated/tasks.lock.json"

        func load() throws -> (Registry, SchemaLock) {
            let registry: Registry
            do {
                registry = try Registry.load(path: self.registry)
            } catch let error as DiagnosticsError {
                throw ValidationError(error.description)
            }
            return (registry, try SchemaCommand.parseLock(Data(contentsOf: URL(fileURLWithPath: lock)), from: lock))
        }
    }

    static func parseLock(_ data: Data, from origin: String) throws -> SchemaLock {
        do {
            return try SchemaLock.parse(data: data)
        } catch {
            throw ValidationError("\(origin): the schema lock is malformed at '\(error.path)': \(error.message)")
        }
    }

    /// `taskforge schema check [--against REF]`.
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Fail when tasks.yaml breaks a released version or the lock rewrites released history.",
            discussion: """
                With --against, every version released in the lock at that git revision must still be in \
                the working lock with the same fingerprint: a hand-edited lock cannot rewrite history.
                """)

        @OptionGroup var files: Files
        @Option(help: "A git revision whose lock the working lock must extend (e.g. origin/main).")
        var against: String?

        func run() throws {
            let (registry, lock) = try files.load()
            var problems = LockCheck.check(registry, against: lock).map(\.description)
            if let against {
                let released = try SchemaCommand.parseLock(
                    try Git.show(against, path: files.lock), from: "\(against):\(files.lock)")
                problems += SchemaCommand.rewrites(of: released, in: lock, revision: against)
            }
            for problem in problems { print(problem) }
            if !problems.isEmpty { throw ExitCode.failure }
            print("ok: \(registry.tasks.count) task(s) agree with the schema lock")
        }
    }

    /// Released versions of `released` that `lock` dropped or changed.
    static func rewrites(of released: SchemaLock, in lock: SchemaLock, revision: String) -> [String] {
        released.tasks.keys.sorted().flatMap { task in
            released.versions(of: task).compactMap { version -> String? in
                guard let old = released.entry(task: task, version: version) else { return nil }
                guard let new = lock.entry(task: task, version: version) else {
                    return "error: task '\(task)' v\(version) was released at \(revision) but is missing from the lock"
                }
                guard old.fingerprint == new.fingerprint else {
                    return "error: task '\(task)' v\(version) was released at \(revision) with fingerprint "
                        + "\(old.fingerprint); the lock now says \(new.fingerprint): released versions never change"
                }
                return nil
            }
        }
    }

    /// `taskforge schema diff <task>`.
    struct Diff: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Describe, in words, what changed between the versions of a task.")

        @OptionGroup var files: Files
        @Argument(help: "The task.") var task: String

        func run() throws {
            let (registry, lock) = try files.load()
            let versions = lock.versions(of: task)
            guard !versions.isEmpty || registry.task(named: task) != nil else {
                throw ValidationError("no task '\(task)' in \(files.registry) or \(files.lock)")
            }
            for (old, new) in zip(versions, versions.dropFirst()) {
                guard let from = lock.entry(task: task, version: old), let to = lock.entry(task: task, version: new)
                else { continue }
                print(Self.describe("v\(old) -> v\(new)", try CompatibilityClassifier.changes(from: from, to: to)))
            }
            if let current = registry.task(named: task), let latest = versions.last,
                let locked = lock.entry(task: task, version: latest)
            {
                let changes = try CompatibilityClassifier.changes(from: locked, to: current, in: registry)
                print(Self.describe("v\(latest) (locked) -> v\(current.version) (\(files.registry))", changes))
            }
        }

        static func describe(_ title: String, _ changes: [SchemaChange]) -> String {
            guard !changes.isEmpty else { return "\(title): no changes" }
            return "\(title):\n"
                + changes.map { "  \($0.isBreaking ? "breaking" : "compatible"): \($0.direction.rawValue): \($0)" }
                .joined(separator: "\n")
        }
    }
}

/// Reads files at a git revision.
enum Git {
    static func show(_ revision: String, path: String) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "show", "\(revision):\(path)"]
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let data = output.fileHandleForReading.readUntilEnd()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let message = String(decoding: errors.fileHandleForReading.readUntilEnd(), as: UTF8.self)
            throw ValidationError(
                "git show \(revision):\(path) failed: \(message.trimmingCharacters(in: .whitespacesAndNewlines))")
        }
        return data
    }
}
