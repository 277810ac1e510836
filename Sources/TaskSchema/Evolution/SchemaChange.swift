/// One difference between two versions of a task's input or output schema, classified.
public struct SchemaChange: Sendable, Hashable, CustomStringConvertible {
    /// Whether the change is to the input or the output schema.
    public var direction: SchemaDirection
    /// The stable snake_case rule name, a ``CompatibilityRule`` raw value: `input_property_removed`.
    public var rule: String
    /// Whether the change needs a version bump.
    public var isBreaking: Bool
    /// The change in words: `property 'sources' removed`.
    public var message: String
    /// A JSON pointer to the changed schema node: `/properties/sources`; `""` is the whole schema.
    public var pointer: String
    /// Where the new side's schema node was written, or, when it has none (a removed property),
    /// its nearest parent in the new schema. `nil` when the new schema carries no locations.
    public var location: SourceLocation?

    public init(
        direction: SchemaDirection, rule: String, isBreaking: Bool, message: String, pointer: String,
        location: SourceLocation?
    ) {
        self.direction = direction
        self.rule = rule
        self.isBreaking = isBreaking
        self.message = message
        self.pointer = pointer
        self.location = location
    }

    /// A change of kind `rule`, which decides ``isBreaking``.
    public init(
        _ rule: CompatibilityRule, direction: SchemaDirection, message: String, pointer: String,
        location: SourceLocation?
    ) {
        self.init(
            direction: direction, rule: rule.rawValue, isBreaking: rule.isBreaking, message: message, pointer: pointer,
            location: location)
    }

    /// `property 'sources' removed (input_property_removed)`.
    public var description: String { "\(message) (\(rule))" }
}
