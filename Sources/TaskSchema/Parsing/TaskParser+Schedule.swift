import Foundation

extension TaskParser {
    private static let scheduleKeys = ["cron", "timezone", "input", "catch_up"]

    /// `schedule: [{cron: "0 * * * *", timezone: UTC, input: {...}, catch_up: latest}, ...]`: only
    /// `cron` is required. Each input is checked against the task's input schema once all types are
    /// known (``RegistryChecks``).
    func schedules(_ entry: YAMLNode.Entry) -> [Schedule] {
        guard let items = entry.value.items else {
            context.error(
                "'schedule' must be a list of schedules such as [{cron: \"0 * * * *\"}], found \(entry.value.found)",
                at: entry.valueLocation)
            return []
        }
        var schedules: [Schedule] = []
        var firstLines: [JSONValue: Int] = [:]
        for item in items {
            guard let schedule = schedule(item) else { continue }
            let identity: JSONValue = [
                "cron": .string(schedule.cron.source), "timezone": .string(schedule.timeZone), "input": schedule.input,
            ]
            if let line = firstLines[identity] {
                context.error(
                    "schedule repeats the one at line \(line) (same cron, timezone and input)", at: item.location)
                continue
            }
            firstLines[identity] = item.location.line
            schedules.append(schedule)
        }
        return schedules
    }

    /// One schedule entry, or `nil` when it is not valid (the problems are reported).
    private func schedule(_ node: YAMLNode) -> Schedule? {
        guard let rawEntries = node.entries else {
            context.error("a schedule must be a mapping with 'cron', found \(node.found)", at: node.location)
            return nil
        }
        let entries = context.uniqueEntries(rawEntries, noun: "key")
        context.rejectUnknownKeys(entries, allowed: Self.scheduleKeys, place: "in a schedule")
        context.requireKeys(["cron"], in: entries, owner: "a schedule", at: node.location)
        func value(_ key: String) -> YAMLNode.Entry? { entries.first { $0.key == key } }

        // An absent key takes its default; a present but invalid one makes the schedule invalid.
        let cron = value("cron").flatMap(cronExpression)
        let zone = value("timezone").map(timeZone) ?? "UTC"
        let input = value("input").map(scheduleInput) ?? [:]
        let catchUp = value("catch_up").map(catchUpPolicy) ?? CatchUpPolicy.latest
        guard let cron, let zone, let input, let catchUp else { return nil }
        return Schedule(cron: cron, timeZone: zone, input: input, catchUp: catchUp, location: node.location)
    }

    private func cronExpression(_ entry: YAMLNode.Entry) -> CronExpression? {
        guard let source = context.string(entry) else { return nil }
        let cron: CronExpression
        do {
            cron = try CronExpression(parsing: source)
        } catch {
            context.error("invalid cron expression '\(source)': \(error.message)", at: entry.valueLocation)
            return nil
        }
        // 2000-01-01T00:00:00Z: the search covers every day of the week on every date, Feb 29 included.
        guard cron.nextFire(after: Date(timeIntervalSince1970: 946_684_800), in: TimeZone(identifier: "UTC")!) != nil
        else {
            context.error("cron expression '\(source)' never fires", at: entry.valueLocation)
            return nil
        }
        return cron
    }

    /// An IANA time zone identifier Foundation knows, such as `Europe/Berlin`.
    private func timeZone(_ entry: YAMLNode.Entry) -> String? {
        guard let identifier = context.string(entry) else { return nil }
        guard TimeZone(identifier: identifier) != nil else {
            let suggestion = NameSuggestions.didYouMean(identifier, in: TimeZone.knownTimeZoneIdentifiers)
            context.error(
                "unknown time zone '\(identifier)'; use an IANA identifier such as 'UTC' or 'Europe/Berlin'\(suggestion)",
                at: entry.valueLocation)
            return nil
        }
        return identifier
    }

    private func scheduleInput(_ entry: YAMLNode.Entry) -> JSONValue? {
        guard entry.value.entries != nil else {
            context.error(
                "'input' must be a mapping of input properties, found \(entry.value.found)", at: entry.valueLocation)
            return nil
        }
        return context.json(entry.value)
    }

    private func catchUpPolicy(_ entry: YAMLNode.Entry) -> CatchUpPolicy? {
        guard let name = context.string(entry) else { return nil }
        guard let policy = CatchUpPolicy(rawValue: name) else {
            let names = CatchUpPolicy.allCases.map { "'\($0.rawValue)'" }
            let suggestion = NameSuggestions.didYouMean(name, in: CatchUpPolicy.allCases.map(\.rawValue))
            context.error(
                "'catch_up' must be \(names.dropLast().joined(separator: ", ")) or \(names.last ?? ""), found '\(name)'\(suggestion)",
                at: entry.valueLocation)
            return nil
        }
        return policy
    }
}
