/// A JSON Schema (2020-12) restricted to the keyword subset Taskforge supports.
///
/// The same value drives validation at submit time, the generated Swift types, the OpenAPI
/// document and the schema lock. Only keywords that were written are set; `nil` means absent.
public struct Schema: Sendable, Hashable {
    /// A named member of an object schema, in declaration order.
    public struct Property: Sendable, Hashable {
        public var name: String
        public var schema: Schema

        public init(_ name: String, _ schema: Schema) {
            self.name = name
            self.schema = schema
        }
    }

    /// `type`: the allowed JSON types; `nil` allows any.
    public var types: [JSONType]?
    public var properties: [Property]
    public var required: [String]
    /// `additionalProperties`; `nil` means the default of its context (false for inputs).
    public var additionalProperties: Bool?
    public var enumValues: [JSONValue]?
    public var constValue: JSONValue?
    public var minimum: Double?
    public var maximum: Double?
    public var exclusiveMinimum: Double?
    public var exclusiveMaximum: Double?
    public var multipleOf: Double?
    public var minLength: Int?
    public var maxLength: Int?
    public var pattern: String?
    public var format: StringFormat?
    public var minItems: Int?
    public var maxItems: Int?
    public var uniqueItems: Bool?
    public var defaultValue: JSONValue?
    public var title: String?
    public var description: String?
    /// `$ref: "#/types/Name"`, kept by name so generated code can share one Swift type.
    public var ref: String?
    /// Where the schema was written; not part of its identity.
    public var location: SourceLocation?
    private var itemsStorage: [Schema]

    /// `items`: the schema of every array element.
    public var items: Schema? {
        get { itemsStorage.first }
        set { itemsStorage = newValue.map { [$0] } ?? [] }
    }

    public init(
        type types: [JSONType]? = nil,
        properties: [Property] = [],
        required: [String] = [],
        additionalProperties: Bool? = nil,
        enum enumValues: [JSONValue]? = nil,
        const constValue: JSONValue? = nil,
        minimum: Double? = nil,
        maximum: Double? = nil,
        exclusiveMinimum: Double? = nil,
        exclusiveMaximum: Double? = nil,
        multipleOf: Double? = nil,
        minLength: Int? = nil,
        maxLength: Int? = nil,
        pattern: String? = nil,
        format: StringFormat? = nil,
        items: Schema? = nil,
        minItems: Int? = nil,
        maxItems: Int? = nil,
        uniqueItems: Bool? = nil,
        default defaultValue: JSONValue? = nil,
        title: String? = nil,
        description: String? = nil,
        ref: String? = nil,
        location: SourceLocation? = nil
    ) {
        self.types = types
        self.properties = properties
        self.required = required
        self.additionalProperties = additionalProperties
        self.enumValues = enumValues
        self.constValue = constValue
        self.minimum = minimum
        self.maximum = maximum
        self.exclusiveMinimum = exclusiveMinimum
        self.exclusiveMaximum = exclusiveMaximum
        self.multipleOf = multipleOf
        self.minLength = minLength
        self.maxLength = maxLength
        self.pattern = pattern
        self.format = format
        self.itemsStorage = items.map { [$0] } ?? []
        self.minItems = minItems
        self.maxItems = maxItems
        self.uniqueItems = uniqueItems
        self.defaultValue = defaultValue
        self.title = title
        self.description = description
        self.ref = ref
        self.location = location
    }

    /// This schema with the annotations a schema that refers to it sets beside its `$ref`, which
    /// win over its own: how generated code spells `$ref: BBox` with a `description`.
    public func annotated(
        description: String? = nil, title: String? = nil, default defaultValue: JSONValue? = nil
    ) -> Schema {
        var annotated = self
        annotated.description = description ?? self.description
        annotated.title = title ?? self.title
        annotated.defaultValue = defaultValue ?? self.defaultValue
        return annotated
    }

    /// The property named `name`, if declared.
    public func property(_ name: String) -> Schema? {
        properties.first { $0.name == name }?.schema
    }

    /// Whether `null` is among the allowed types (`type: [T, "null"]`).
    public var isNullable: Bool { types?.contains(.null) ?? false }

    /// The allowed types other than `null`.
    public var nonNullTypes: [JSONType] { (types ?? []).filter { $0 != .null } }

    /// The schema with every `location` cleared, recursively.
    public var withoutLocations: Schema {
        var copy = self
        copy.location = nil
        copy.properties = properties.map { Property($0.name, $0.schema.withoutLocations) }
        copy.itemsStorage = itemsStorage.map(\.withoutLocations)
        return copy
    }
}

/// The JSON Schema `type` names.
public enum JSONType: String, Sendable, Hashable, CaseIterable, Codable {
    case object, array, string, integer, number, boolean, null
}

/// The `format` values Taskforge checks.
public enum StringFormat: String, Sendable, Hashable, CaseIterable, Codable {
    case date
    case dateTime = "date-time"
    case uuid, uri, email
    /// The id of a dataset (`POST /v1/datasets`): a UUID, which the submit checks names a dataset the
    /// caller may read, and whose file the worker hands the handler (docs/tasks/datasets.md).
    case dataset
}
