/// Reads one entry under `tasks:` into a ``TaskDefinition``.
struct TaskParser {
    let context: ParseContext

    private static let keys = [
        "version", "accepts", "summary", "description", "queue", "priority", "timeout", "retry", "input", "output",
        "dedup", "rate_limit", "search", "stages", "files",
        "schedule", "http",
    ]
    private static let requiredKeys = ["version", "summary", "timeout", "input", "output"]

    /// The task, or `nil` when a required part is missing or invalid (the problems are reported).
    func parse(_ entry: YAMLNode.Entry) -> TaskDefinition? {
        let name = entry.key
        if !Naming.isLowerSnakeCase(name) {
            let suggestion = NameSuggestions.lowerSnakeCase(name).map { ", like '\($0)'" } ?? ""
            context.error("task name '\(name)' must be lower snake_case\(suggestion)", at: entry.keyLocation)
        }
        guard let rawEntries = entry.value.entries else {
            context.error("task '\(name)' must be a mapping, found \(entry.value.found)", at: entry.valueLocation)
            return nil
        }
        let entries = context.uniqueEntries(rawEntries, noun: "key")
        context.rejectUnknownKeys(entries, allowed: Self.keys, place: "in task '\(name)'")
        context.requireKeys(Self.requiredKeys, in: entries, owner: "task '\(name)'", at: entry.keyLocation)
        func value(_ key: String) -> YAMLNode.Entry? { entries.first { $0.key == key } }

        let version = value("version").flatMap { context.integer($0, minimum: 1) }
        let summary = value("summary").flatMap(summary)
        let description = value("description").flatMap(context.string)
        let queue = value("queue").map(queue) ?? "default"
        let priority = value("priority").flatMap(priority) ?? 0
        let timeout = value("timeout").flatMap(context.duration)
        let retry = value("retry").map(retryPolicy) ?? RetryPolicy.none
        let input = value("input").map { objectSchema($0) }
        let output = value("output").map { objectSchema($0) }
        let accepted = value("accepts").map { acceptedVersions($0, version: version) } ?? []
        let dedup = value("dedup").flatMap { dedupPolicy($0, input: input) }
        let rateLimit = value("rate_limit").flatMap { rateLimitPolicy($0, task: name) }
        let searchFields = value("search").flatMap { inputFields($0, input: input, listing: "'search'") } ?? []
        let alias = value("http").flatMap(routeAlias)
        let schedules = value("schedule").map(self.schedules) ?? []
        let stages = value("stages").map { self.stages($0, queue: queue, timeout: timeout) } ?? []
        let files = value("files").map(self.files) ?? []
        if let filesEntry = value("files") {
            checkFiles(
                files, at: filesEntry.keyLocation, input: input, hasDedup: dedup != nil,
                hasSchedules: !schedules.isEmpty)
        }

        guard let version, let summary, let timeout, let input, let output else { return nil }
        return TaskDefinition(
            name: name, version: version, summary: summary, description: description, queue: queue,
            priority: priority, timeout: timeout, retry: retry, input: input, output: output,
            acceptedVersions: accepted,
            dedup: dedup, rateLimit: rateLimit, searchFields: searchFields, schedules: schedules, alias: alias,
            stages: stages,
            files: files, location: entry.keyLocation)
    }

    private func summary(_ entry: YAMLNode.Entry) -> String? {
        guard let summary = context.string(entry) else { return nil }
        guard !summary.allSatisfy(\.isWhitespace) else {
            context.error("'summary' must not be empty", at: entry.valueLocation)
            return nil
        }
        return summary
    }

    /// `accepts: [1, 2]`: distinct positive versions, each lower than `version` (when that is valid),
    /// returned ascending.
    private func acceptedVersions(_ entry: YAMLNode.Entry, version: Int?) -> [Int] {
        guard let items = entry.value.items else {
            context.error(
                "'accepts' must be a list of older versions, such as [1, 2], found \(entry.value.found)",
                at: entry.valueLocation)
            return []
        }
        var versions: [Int] = []
        for item in items {
            guard case .integer(let accepted) = item.scalar, accepted >= 1 else {
                context.error("'accepts' entries must be positive integers, found \(item.found)", at: item.location)
                continue
            }
            if versions.contains(accepted) {
                context.error("'accepts' lists version \(accepted) more than once", at: item.location)
            } else if let version, accepted >= version {
                context.error(
                    "'accepts' lists version \(accepted), which is not lower than the task's version \(version)",
                    at: item.location)
            } else {
                versions.append(accepted)
            }
        }
        return versions.sorted()
    }

    func queue(_ entry: YAMLNode.Entry) -> String {
        guard let queue = context.string(entry) else { return "default" }
        if !Naming.isLowerSnakeCase(queue) {
            let suggestion = NameSuggestions.lowerSnakeCase(queue).map { ", like '\($0)'" } ?? ""
            context.error("queue name '\(queue)' must be lower snake_case\(suggestion)", at: entry.valueLocation)
        }
        return queue
    }

    /// `priority: 10`: an integer in ``TaskDefinition/priorityRange``.
    private func priority(_ entry: YAMLNode.Entry) -> Int? {
        let range = TaskDefinition.priorityRange
        guard case .integer(let priority) = entry.value.scalar, range.contains(priority) else {
            context.error(
                "'priority' must be an integer from \(range.lowerBound) to \(range.upperBound), found \(entry.value.found)",
                at: entry.valueLocation)
            return nil
        }
        return priority
    }

    /// `input` and `output` are object schemas: their properties become a Swift struct's fields.
    func objectSchema(_ entry: YAMLNode.Entry) -> Schema {
        let schema = SchemaParser(context: context).parse(entry, role: "'\(entry.key)'")
        if entry.value.entries != nil, schema.types != [.object] {
            let found =
                schema.ref != nil
                ? "a $ref" : schema.types.map { "type \($0.map(\.rawValue).joined(separator: " or "))" }
            context.error(
                "'\(entry.key)' must be a schema with 'type: object', found \(found ?? "no 'type'")",
                at: entry.keyLocation)
        }
        return schema
    }

    private static let retryKeys = ["max_attempts", "backoff", "initial", "max"]

    private func retryPolicy(_ entry: YAMLNode.Entry) -> RetryPolicy {
        guard let rawEntries = entry.value.entries else {
            context.error("'retry' must be a mapping, found \(entry.value.found)", at: entry.valueLocation)
            return .none
        }
        let entries = context.uniqueEntries(rawEntries, noun: "key")
        context.rejectUnknownKeys(entries, allowed: Self.retryKeys, place: "in 'retry'")
        context.requireKeys(["max_attempts"], in: entries, owner: "'retry'", at: entry.keyLocation)
        func value(_ key: String) -> YAMLNode.Entry? { entries.first { $0.key == key } }

        var policy = RetryPolicy.none
        policy.maxAttempts = value("max_attempts").flatMap { context.integer($0, minimum: 1) } ?? 1
        if let backoffEntry = value("backoff"), let name = context.string(backoffEntry) {
            if let backoff = RetryPolicy.Backoff(rawValue: name) {
                policy.backoff = backoff
            } else {
                context.error(
                    "'backoff' must be 'exponential' or 'fixed', found '\(name)'", at: backoffEntry.valueLocation)
            }
        }
        let initialEntry = value("initial")
        let maxEntry = value("max")
        policy.initial = initialEntry.flatMap(context.duration) ?? policy.initial
        policy.max = maxEntry.flatMap(context.duration) ?? policy.max
        if policy.initial > policy.max {
            let initial = initialEntry?.value.string ?? "1s, the default"
            let max = maxEntry?.value.string ?? "1m, the default"
            context.error(
                "'initial' (\(initial)) is greater than 'max' (\(max))",
                at: initialEntry?.valueLocation ?? maxEntry?.valueLocation ?? entry.keyLocation)
        }
        return policy
    }
}
