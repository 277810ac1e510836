extension TaskParser {
    private static let stageKeys = ["name", "description", "queue", "timeout", "weight", "output"]

    /// `stages: [{name, queue?, timeout?, weight?, output?, description?}, ...]`: from 2 to 8 stages
    /// with distinct lower snake_case names; `output` is required on every stage but the last and
    /// forbidden on the last (its output is the task's). `queue` and `timeout` default to the task's
    /// (`timeout` is `nil` when the task's did not parse). Returns the stages that parsed.
    func stages(_ entry: YAMLNode.Entry, queue: String, timeout: Duration?) -> [Stage] {
        guard let items = entry.value.items else {
            context.error(
                "'stages' must be a list of stages such as [{name: prepare, output: {...}}, {name: predict}], "
                    + "found \(entry.value.found)",
                at: entry.valueLocation)
            return []
        }
        let range = Stage.countRange
        if !range.contains(items.count) {
            context.error(
                "'stages' must list from \(range.lowerBound) to \(range.upperBound) stages, found \(items.count)",
                at: entry.valueLocation)
        }
        var firstLines: [String: Int] = [:]
        var stages: [Stage] = []
        for (index, item) in items.enumerated() {
            let isLast = index == items.count - 1
            guard let stage = stage(item, number: index + 1, isLast: isLast, queue: queue, timeout: timeout) else {
                continue
            }
            if let line = firstLines[stage.name] {
                context.error("duplicate stage '\(stage.name)'; first declared at line \(line)", at: stage.location)
            } else {
                firstLines[stage.name] = stage.location.line
                stages.append(stage)
            }
        }
        return stages
    }

    /// One stage, the `number`th (1-based); `nil` when its name is missing or invalid.
    private func stage(_ item: YAMLNode, number: Int, isLast: Bool, queue: String, timeout: Duration?) -> Stage? {
        guard let rawEntries = item.entries else {
            context.error("stage \(number) must be a mapping with a 'name', found \(item.found)", at: item.location)
            return nil
        }
        let entries = context.uniqueEntries(rawEntries, noun: "key")
        func value(_ key: String) -> YAMLNode.Entry? { entries.first { $0.key == key } }
        let nameEntry = value("name")
        let name = nameEntry.flatMap(context.string)
        let owner = name.map { "stage '\($0)'" } ?? "stage \(number)"
        context.rejectUnknownKeys(entries, allowed: Self.stageKeys, place: "in \(owner)")
        context.requireKeys(["name"], in: entries, owner: owner, at: item.location)
        if let name, let nameEntry, !Naming.isLowerSnakeCase(name) {
            let suggestion = NameSuggestions.lowerSnakeCase(name).map { ", like '\($0)'" } ?? ""
            context.error("stage name '\(name)' must be lower snake_case\(suggestion)", at: nameEntry.valueLocation)
        }

        let stageQueue = value("queue").map(self.queue) ?? queue
        let stageTimeout = value("timeout").flatMap(context.duration) ?? timeout
        let weight = value("weight").flatMap { context.integer($0, minimum: 1) } ?? 1
        let description = value("description").flatMap(context.string)
        let outputEntry = value("output")
        let output = outputEntry.map { objectSchema($0) }
        let location = nameEntry?.valueLocation ?? item.location
        if isLast, let outputEntry {
            context.error(
                "the last stage must not declare 'output': its output is the task's 'output'",
                at: outputEntry.keyLocation)
        } else if !isLast, outputEntry == nil {
            context.error(
                "\(owner) is missing required key 'output': every stage but the last hands an output to the next",
                at: location)
        }
        guard let name, let nameEntry, let stageTimeout else { return nil }
        return Stage(
            name: name, description: description, queue: stageQueue, timeout: stageTimeout, weight: weight,
            output: isLast ? nil : output, location: nameEntry.valueLocation)
    }
}
