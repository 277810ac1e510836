/// Classifies the differences between two versions of a task's input or output schema as breaking
/// or compatible, by the rules in `docs/schema-evolution.md`. Pure: no I/O.
///
/// - Input: breaking when an old client's payload could be refused or mean something else.
/// - Output: breaking when an old reader could meet a result it cannot decode or does not expect.
public enum CompatibilityClassifier {
    /// Every difference from `old` to `new`, walking properties and items recursively: the changes of
    /// a node come first, then removed properties, then the new schema's properties in order, then items.
    ///
    /// Both schemas must have their `$ref`s resolved (``Registry/resolvingRefs(in:)``), so that a
    /// change to a shared type counts wherever it is used. Lists with set meaning (`required`,
    /// `enum`, `type`) are compared as sets, property order is ignored, and an absent
    /// `additionalProperties` counts as `false`. A renamed property is a removal plus an addition.
    ///
    /// `old` usually comes from the schema lock and has no locations; each change is located on the
    /// `new` side (``SchemaChange/location``).
    public static func changes(from old: Schema, to new: Schema, direction: SchemaDirection) -> [SchemaChange] {
        var walk = ClassificationWalk(direction: direction)
        walk.compare(old, new, at: SchemaNodePath(), parentLocation: nil)
        return walk.changes
    }
}

/// One classification: walks two schemas together, collecting changes.
struct ClassificationWalk {
    /// A node under comparison: its path and the location changes to it are reported at.
    struct Node {
        var path: SchemaNodePath
        var location: SourceLocation?
    }

    let direction: SchemaDirection
    private(set) var changes: [SchemaChange] = []

    init(direction: SchemaDirection) {
        self.direction = direction
    }

    /// Records a change of kind `rule` at `path`, located at `location`.
    mutating func add(
        _ rule: CompatibilityRule, _ message: String, at path: SchemaNodePath, _ location: SourceLocation?
    ) {
        changes.append(
            SchemaChange(rule, direction: direction, message: message, pointer: path.pointer, location: location))
    }

    /// `input` picks the rule for input schemas, `output` the one for output schemas.
    func rule(input: CompatibilityRule, output: CompatibilityRule) -> CompatibilityRule {
        direction == .input ? input : output
    }

    mutating func compare(_ old: Schema, _ new: Schema, at path: SchemaNodePath, parentLocation: SourceLocation?) {
        let location = new.location ?? parentLocation
        let node = Node(path: path, location: location)
        compareTypes(old.types, new.types, node)
        compareEnums(old.enumValues, new.enumValues, node)
        compareConsts(old.constValue, new.constValue, node)
        let domains: [SchemaKeyword.Domain] = [.numbers, .strings, .arrays, .objects]
        let shared = domains.filter { Self.allows(old.types, $0) && Self.allows(new.types, $0) }
        if shared.contains(.numbers) { compareNumberKeywords(old, new, node) }
        if shared.contains(.strings) { compareStringKeywords(old, new, node) }
        if shared.contains(.arrays) { compareArrayKeywords(old, new, node) }
        if shared.contains(.objects) {
            compareFlag(
                "additionalProperties", old.additionalProperties, new.additionalProperties, node,
                tightened: rule(input: .inputAdditionalPropertiesClosed, output: .outputConstraintTightened),
                tightensWhen: false)
        }
        compareDefaults(old.defaultValue, new.defaultValue, node)
        compareAnnotation("title", old.title, new.title, node)
        compareAnnotation("description", old.description, new.description, node)
        if shared.contains(.objects) { compareProperties(old, new, node) }
        if shared.contains(.arrays), old.items != nil || new.items != nil {
            compare(old.items ?? Schema(), new.items ?? Schema(), at: path.items, parentLocation: location)
        }
    }

    private mutating func compareProperties(_ old: Schema, _ new: Schema, _ node: Node) {
        for property in old.properties where new.property(property.name) == nil {
            let path = node.path.property(property.name)
            let rule = rule(input: .inputPropertyRemoved, output: .outputPropertyRemoved)
            add(rule, "property '\(path.subject)' removed", at: path, node.location)
        }
        for property in new.properties {
            let path = node.path.property(property.name)
            let location = property.schema.location ?? node.location
            let isRequired = new.required.contains(property.name)
            guard let previous = old.property(property.name) else {
                addAddedProperty(property.schema, isRequired: isRequired, at: path, location)
                continue
            }
            let wasRequired = old.required.contains(property.name)
            if isRequired && !wasRequired {
                addBecameRequired(property.schema, at: path, location)
            } else if wasRequired && !isRequired {
                let rule = rule(input: .inputPropertyBecameOptional, output: .outputPropertyBecameOptional)
                add(rule, "property '\(path.subject)' became optional", at: path, location)
            }
            compare(previous, property.schema, at: path, parentLocation: node.location)
        }
    }

    private mutating func addAddedProperty(
        _ schema: Schema, isRequired: Bool, at path: SchemaNodePath, _ location: SourceLocation?
    ) {
        let name = path.subject
        switch (direction, isRequired, schema.defaultValue) {
        case (.output, _, _):
            add(
                .outputPropertyAdded, "\(isRequired ? "required" : "optional") property '\(name)' added", at: path,
                location)
        case (.input, false, _):
            add(.inputPropertyAddedOptional, "optional property '\(name)' added", at: path, location)
        case (.input, true, nil):
            add(.inputRequiredAdded, "required property '\(name)' added without a default", at: path, location)
        case (.input, true, let value?):
            add(
                .inputPropertyAddedWithDefault,
                "required property '\(name)' added with default \(value.canonicalString())", at: path, location)
        }
    }

    /// An input property that became required breaks old payloads that omit it, unless a default fills it in.
    private mutating func addBecameRequired(_ schema: Schema, at path: SchemaNodePath, _ location: SourceLocation?) {
        switch (direction, schema.defaultValue) {
        case (.output, _):
            add(.outputPropertyBecameRequired, "property '\(path.subject)' became required", at: path, location)
        case (.input, nil):
            add(.inputPropertyBecameRequired, "property '\(path.subject)' became required", at: path, location)
        case (.input, let value?):
            add(
                .inputPropertyBecameRequiredWithDefault,
                "property '\(path.subject)' became required, with default \(value.canonicalString())", at: path,
                location)
        }
    }

    /// Whether a schema with `types` (`nil`: any) can hold values of `domain`.
    private static func allows(_ types: [JSONType]?, _ domain: SchemaKeyword.Domain) -> Bool {
        types?.contains(where: domain.contains) ?? true
    }
}

extension CompatibilityClassifier {
    /// The input changes, then the output changes, from a locked version to the current schemas of
    /// `task` (its `$ref`s resolved in `registry`), located in `tasks.yaml`.
    ///
    /// - Throws: ``JSONSchemaDecodingError`` when a locked schema cannot be read back.
    public static func changes(
        from locked: SchemaLock.VersionEntry, to task: TaskDefinition, in registry: Registry
    ) throws(JSONSchemaDecodingError) -> [SchemaChange] {
        changes(from: try locked.input.schema(), to: registry.resolvingRefs(in: task.input), direction: .input)
            + changes(from: try locked.output.schema(), to: registry.resolvingRefs(in: task.output), direction: .output)
    }

    /// The input changes, then the output changes, between two locked versions
    /// (`taskforge schema diff`); they carry no locations.
    ///
    /// - Throws: ``JSONSchemaDecodingError`` when a locked schema cannot be read back.
    public static func changes(
        from old: SchemaLock.VersionEntry, to new: SchemaLock.VersionEntry
    ) throws(JSONSchemaDecodingError) -> [SchemaChange] {
        changes(from: try old.input.schema(), to: try new.input.schema(), direction: .input)
            + changes(from: try old.output.schema(), to: try new.output.schema(), direction: .output)
    }
}
