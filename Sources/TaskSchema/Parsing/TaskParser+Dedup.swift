extension TaskParser {
    private static let dedupKeys = ["key", "reuse_result_for"]

    /// `dedup: {key: [field, ...], reuse_result_for: 1h}`: `key` lists distinct top-level properties
    /// of `input` (not checked when `input` did not parse); `reuse_result_for` is optional.
    func dedupPolicy(_ entry: YAMLNode.Entry, input: Schema?) -> DedupPolicy? {
        guard let rawEntries = entry.value.entries else {
            context.error("'dedup' must be a mapping, found \(entry.value.found)", at: entry.valueLocation)
            return nil
        }
        let entries = context.uniqueEntries(rawEntries, noun: "key")
        context.rejectUnknownKeys(entries, allowed: Self.dedupKeys, place: "in 'dedup'")
        context.requireKeys(["key"], in: entries, owner: "'dedup'", at: entry.keyLocation)
        func value(_ key: String) -> YAMLNode.Entry? { entries.first { $0.key == key } }

        let reuseEntry = value("reuse_result_for")
        let reuse = reuseEntry.flatMap(context.duration)
        guard let keyEntry = value("key"), let fields = inputFields(keyEntry, input: input, listing: "'key'"),
            reuseEntry == nil || reuse != nil
        else { return nil }
        return DedupPolicy(keyFields: fields, reuseResultFor: reuse ?? .zero)
    }

    /// A list of distinct top-level properties of `input` (`key: [dataset, date]`, `search: [query]`;
    /// not checked against `input` when it did not parse), or `nil` when the list is not valid (the
    /// problems are reported). `listing` names the list in messages.
    func inputFields(_ entry: YAMLNode.Entry, input: Schema?, listing: String) -> [String]? {
        guard let items = entry.value.items else {
            context.error(
                "\(listing) must be a list of input property names, found \(entry.value.found)", at: entry.valueLocation
            )
            return nil
        }
        guard !items.isEmpty else {
            context.error("\(listing) must list at least one input property", at: entry.valueLocation)
            return nil
        }
        let declared = input?.properties.map(\.name)
        var fields: [String] = []
        var valid = true
        for item in items {
            guard let field = item.string else {
                context.error("\(listing) entries must be input property names, found \(item.found)", at: item.location)
                valid = false
                continue
            }
            if fields.contains(field) {
                context.error("\(listing) lists '\(field)' more than once", at: item.location)
                valid = false
            } else if let declared, !declared.contains(field) {
                let suggestion = NameSuggestions.didYouMean(field, in: declared)
                context.error(
                    "\(listing) names '\(field)', which is not a top-level input property\(suggestion)",
                    at: item.location)
                valid = false
            } else {
                fields.append(field)
            }
        }
        return valid ? fields : nil
    }
}
