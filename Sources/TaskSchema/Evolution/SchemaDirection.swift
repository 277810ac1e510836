/// Which side of a task a schema describes, which decides what counts as a breaking change.
public enum SchemaDirection: String, Sendable, Hashable, CaseIterable {
    /// Payloads clients send: an old client's payload must still be accepted and mean the same.
    case input
    /// Results handlers return: an old reader must still decode them.
    case output
}
