/// Checks a registry against the schema lock: released versions may change only compatibly,
/// versions only go up, and every accepted older version must be locked. Pure: no I/O.
public enum LockCheck {
    /// Every problem with `registry` against `lock`, sorted by location:
    ///
    /// - a locked version whose schemas changed: one error per breaking change, at the change, or,
    ///   when every change is compatible, one warning that the lock is stale;
    /// - a version lower than the highest released one: an error;
    /// - an accepted version (`accepts`) that is not locked: an error;
    /// - a new task or a new version, or a locked task no longer declared: a warning that the lock
    ///   is stale (deleting a task is accepted by refreshing the lock).
    public static func check(_ registry: Registry, against lock: SchemaLock) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for task in registry.tasks {
            diagnostics += versionDiagnostics(task, registry: registry, lock: lock)
            let released = lock.versions(of: task.name)
            for version in task.acceptedVersions where !released.contains(version) {
                diagnostics.append(
                    .error(
                        "task '\(task.name)' accepts version \(version), but the lock has no version \(version)",
                        at: task.location))
            }
        }
        let start = SourceLocation(file: registry.file, line: 1, column: 1)
        for name in lock.tasks.keys.sorted() where registry.task(named: name) == nil {
            let versions = lock.versions(of: name).map(String.init).joined(separator: ", ")
            diagnostics.append(
                .warning(
                    "task '\(name)' (released versions: \(versions)) is in the schema lock but no longer declared; "
                        + "once it has no unfinished jobs, accept its deletion: run '\(SchemaLock.refreshCommand)'",
                    at: start))
        }
        return diagnostics.enumerated()
            .sorted { lhs, rhs in
                let (left, right) = (lhs.element.location, rhs.element.location)
                return (left.file, left.line, left.column, lhs.offset) < (
                    right.file, right.line, right.column, rhs.offset
                )
            }
            .map(\.element)
    }

    private static let stale = "the schema lock is stale: run '\(SchemaLock.refreshCommand)'"

    /// The diagnostics about `task`'s current version against its released versions.
    private static func versionDiagnostics(
        _ task: TaskDefinition, registry: Registry, lock: SchemaLock
    ) -> [Diagnostic] {
        let name = "task '\(task.name)'"
        guard let highest = lock.versions(of: task.name).last else {
            return [.warning("\(name) is not in the schema lock; \(stale)", at: task.location)]
        }
        guard task.version >= highest else {
            return [
                .error(
                    "\(name) version \(task.version) is lower than its released version \(highest); versions only go up",
                    at: task.location)
            ]
        }
        guard let locked = lock.entry(task: task.name, version: task.version) else {
            return [.warning("\(name) v\(task.version) is not in the schema lock; \(stale)", at: task.location)]
        }
        guard SchemaLock.VersionEntry(task: task, in: registry).fingerprint != locked.fingerprint else { return [] }
        let changes: [SchemaChange]
        do {
            changes = try CompatibilityClassifier.changes(from: locked, to: task, in: registry)
        } catch {
            return [
                .error(
                    "\(name) v\(task.version): the schema lock's entry cannot be read (\(error)); "
                        + "restore the lock from version control",
                    at: task.location)
            ]
        }
        let breaking = changes.filter(\.isBreaking)
        guard breaking.isEmpty else {
            return breaking.map { change in
                .error(
                    "\(name) v\(task.version) \(change.direction.rawValue): \(change); "
                        + "bump 'version' to \(task.version + 1), or restore it",
                    at: change.location ?? task.location)
            }
        }
        guard !changes.isEmpty else {
            return [
                .warning(
                    "\(name) v\(task.version) differs from the schema lock only in form; \(stale)", at: task.location)
            ]
        }
        var rules: [String] = []
        for change in changes where !rules.contains(change.rule) {
            rules.append(change.rule)
        }
        return [
            .warning(
                "\(name) v\(task.version) changed compatibly (\(rules.joined(separator: ", "))); \(stale)",
                at: task.location)
        ]
    }
}
