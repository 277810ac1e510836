import Foundation
import TaskSchema

/// A Swift declaration derived from a schema: the model between `Schema` and rendered source.
indirect enum SwiftDeclaration: Equatable {
    case structure(SwiftStruct)
    case enumeration(SwiftEnum)
    case alias(name: String, type: String, doc: String?)

    var name: String {
        switch self {
        case .structure(let structure): structure.name
        case .enumeration(let enumeration): enumeration.name
        case .alias(let name, _, _): name
        }
    }
}

/// A `Codable` struct for an object schema.
struct SwiftStruct: Equatable {
    struct Field: Equatable {
        var jsonName: String
        var swiftName: String
        /// The full type, `?` included when optional.
        var type: String
        var isOptional: Bool
        var doc: String?
        /// The initializer's default argument, when it has one.
        var defaultArgument: String?
    }

    var name: String
    var doc: String?
    var fields: [Field]
    var nested: [SwiftDeclaration]
}

/// A `String`-backed enum for a string schema with `enum`.
struct SwiftEnum: Equatable {
    var name: String
    var doc: String?
    /// (Swift case name, JSON value).
    var cases: [(name: String, rawValue: String)]

    static func == (lhs: SwiftEnum, rhs: SwiftEnum) -> Bool {
        lhs.name == rhs.name && lhs.doc == rhs.doc && lhs.cases.map(\.rawValue) == rhs.cases.map(\.rawValue)
    }
}

/// Where a generated declaration comes from, for its doc comment: `task 'echo' v1` and the path
/// of the schema within it, `input.options`.
struct DeclarationOrigin {
    /// The registry's file name, or the lock's for an older version's input.
    var file: String
    var owner: String
    var path: String

    func appending(_ component: String) -> DeclarationOrigin {
        DeclarationOrigin(file: file, owner: owner, path: path.isEmpty ? component : path + "." + component)
    }

    /// `- Remark: Generated from tasks.yaml:33 (task 'echo' v1, input)`.
    func remark(_ location: SourceLocation?) -> String {
        let place = location.map { "\(file):\($0.line)" } ?? file
        return "- Remark: Generated from \(place) (\(owner)\(path.isEmpty ? "" : ", " + path))."
    }
}

/// Builds the Swift model of schemas: which types exist and how each property is spelled.
struct SwiftTypeBuilder {
    /// Shared `types:` by name; a `$ref` to one of them is spelled with its name.
    var sharedTypeNames: Set<String>

    /// The declarations for a named schema (a task's `Input`/`Output`, or a shared type): a struct
    /// or an enum of that name, or a type alias and the types its elements need.
    func declarations(named name: String, for schema: Schema, origin: DeclarationOrigin) -> [SwiftDeclaration] {
        var nested: [SwiftDeclaration] = []
        let spelled = spelling(of: schema, suggestedName: name, origin: origin, nested: &nested)
        if nested.contains(where: { $0.name == name }) { return nested }
        return nested + [
            .alias(name: name, type: spelled, doc: Self.doc(schema.description, origin.remark(schema.location)))
        ]
    }

    /// A doc comment of its parts that are present, one paragraph each.
    static func doc(_ parts: String?...) -> String? {
        let present = parts.compactMap { $0?.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
        return present.isEmpty ? nil : present.joined(separator: "\n")
    }

    private func structure(named name: String, _ schema: Schema, origin: DeclarationOrigin) -> SwiftStruct {
        var nested: [SwiftDeclaration] = []
        let fields = schema.properties.map { property -> SwiftStruct.Field in
            let base = spelling(
                of: property.schema, suggestedName: Naming.upperCamelCase(property.name),
                origin: origin.appending(property.name), nested: &nested)
            let hasDefault = property.schema.defaultValue != nil
            let isOptional = property.schema.isNullable || (!schema.required.contains(property.name) && !hasDefault)
            var defaultArgument: String?
            if isOptional {
                defaultArgument = "nil"
            } else if let value = property.schema.defaultValue {
                defaultArgument = literal(value, for: property.schema, typeName: Naming.upperCamelCase(property.name))
            }
            return SwiftStruct.Field(
                jsonName: property.name,
                swiftName: SwiftSyntax.identifier(Naming.lowerCamelCase(property.name)),
                type: isOptional ? base + "?" : base,
                isOptional: isOptional,
                doc: Self.doc(
                    property.schema.description,
                    ConstraintSummary.documenting(property.schema),
                    origin.appending(property.name).remark(property.schema.location)),
                defaultArgument: defaultArgument)
        }
        return SwiftStruct(
            name: name, doc: Self.doc(schema.description, origin.remark(schema.location)), fields: fields,
            nested: nested)
    }

    /// The Swift type of `schema`, adding any struct or enum it needs to `nested`.
    private func spelling(
        of schema: Schema, suggestedName: String, origin: DeclarationOrigin, nested: inout [SwiftDeclaration]
    ) -> String {
        if let ref = schema.ref, sharedTypeNames.contains(ref) { return ref }
        let types = schema.nonNullTypes
        guard types.count == 1, let type = types.first else { return "JSONValue" }
        switch type {
        case .string:
            guard let values = schema.enumValues?.compactMap(\.stringValue), !values.isEmpty else { return "String" }
            nested.append(
                .enumeration(
                    SwiftEnum(
                        name: suggestedName, doc: Self.doc(schema.description, origin.remark(schema.location)),
                        cases: values.map { (SwiftSyntax.caseName($0), $0) })))
            return suggestedName
        case .integer:
            return "Int"
        case .number:
            return "Double"
        case .boolean:
            return "Bool"
        case .null:
            return "JSONValue"
        case .array:
            guard let items = schema.items else { return "[JSONValue]" }
            let element = spelling(
                of: items, suggestedName: Self.singular(suggestedName), origin: origin.appending("items"),
                nested: &nested)
            return "[" + element + "]"
        case .object:
            guard !schema.properties.isEmpty else { return "[String: JSONValue]" }
            nested.append(.structure(structure(named: suggestedName, schema, origin: origin)))
            return suggestedName
        }
    }

    /// A Swift literal for a default value, or `nil` when it has none short enough to write.
    private func literal(_ value: JSONValue, for schema: Schema, typeName: String) -> String? {
        if schema.ref != nil { return nil }
        switch (value, schema.nonNullTypes.first) {
        case (.string(let string), .string?):
            return schema.enumValues == nil ? SwiftSyntax.stringLiteral(string) : "." + SwiftSyntax.caseName(string)
        case (.integer(let integer), .integer?):
            return String(integer)
        case (_, .number?):
            return value.doubleValue.map(SwiftSyntax.number)
        case (.bool(let bool), .boolean?):
            return bool ? "true" : "false"
        case (.array(let elements), .array?):
            guard let items = schema.items else { return SwiftSyntax.jsonLiteral(value) }
            let rendered = elements.compactMap { literal($0, for: items, typeName: Self.singular(typeName)) }
            return rendered.count == elements.count ? "[" + rendered.joined(separator: ", ") + "]" : nil
        default:
            return schema.types == nil ? SwiftSyntax.jsonLiteral(value) : nil
        }
    }

    /// `Results` -> `Result`, `Bboxes` -> `Bbox`, `Entries` -> `Entry`, `ClampedAxes` -> `ClampedAxis`,
    /// `Data` -> `DataItem`.
    static func singular(_ name: String) -> String {
        if name.hasSuffix("Axes") || name == "axes" { return name.dropLast(2) + "is" }
        if name.hasSuffix("ies") { return name.dropLast(3) + "y" }
        if name.hasSuffix("xes") || name.hasSuffix("sses") { return String(name.dropLast(2)) }
        if name.hasSuffix("s") && !name.hasSuffix("ss") && name.count > 3 { return String(name.dropLast()) }
        return name + "Item"
    }
}
