extension DedupPolicy {
    /// The dedup key of a submission: the lowercase hex SHA-256 of the canonical JSON of
    /// `{"task": task, "version": version, "key": {field: value, ...}}`, where `input` has its
    /// defaults applied and a field it lacks counts as `null`. With API tokens, `owner` (the
    /// submitting token's id) joins the document as `"owner"`: each principal has keys of its own, so
    /// a submit never hands back, and a lookup never reveals, another principal's job.
    public func key(task: String, version: Int, input: JSONValue, owner: String? = nil) -> String {
        let fields = Dictionary(uniqueKeysWithValues: keyFields.map { ($0, input[$0] ?? .null) })
        var document: [String: JSONValue] = [
            "task": .string(task), "version": .integer(version), "key": .object(fields),
        ]
        if let owner { document["owner"] = .string(owner) }
        return ContentHash.sha256Hex(JSONValue.object(document).canonicalString())
    }
}
