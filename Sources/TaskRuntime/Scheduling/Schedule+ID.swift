extension Schedule {
    /// The schedule's identity within `task`: `"<task>:<16 hex digits>"`, the first 16 lowercase hex
    /// digits of the SHA-256 of the canonical JSON of `{"cron": ..., "timezone": ..., "input": ...}`.
    ///
    /// Reordering the schedules of a task keeps their ids; changing a schedule's cron, time zone or
    /// input makes it a new schedule (with no tick history). ``catchUp`` is not part of it.
    public func id(task: String) -> String {
        let document: JSONValue = ["cron": .string(cron.source), "timezone": .string(timeZone), "input": input]
        return task + ":" + ContentHash.sha256Hex(document.canonicalString()).prefix(16)
    }
}
