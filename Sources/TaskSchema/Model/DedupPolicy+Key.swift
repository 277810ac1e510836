extension DedupPolicy {
    /// The dedup key of a submission: the lowercase hex SHA-256 of the canonical JSON of
    /// `{"task": task, "version": version, "key": {field: value, ...}}`, where `input` has its
    /// defaults applied and a field it lacks counts as `null`.
    public func key(task: String, version: Int, input: JSONValue) -> String {
        let fields = Dictionary(uniqueKeysWithValues: keyFields.map { ($0, input[$0] ?? .null) })
        let document: JSONValue = ["task": .string(task), "version": .integer(version), "key": .object(fields)]
        return ContentHash.sha256Hex(document.canonicalString())
    }
}
