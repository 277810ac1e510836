import Foundation

/// Reads a schema mapping, and the schemas nested in it, into a ``Schema``, reporting every
/// unknown, unsupported, misplaced, mistyped or contradictory keyword.
struct SchemaParser {
    let context: ParseContext

    /// The schema written as the value of `entry`; `role` names it in diagnostics ("'items'").
    func parse(_ entry: YAMLNode.Entry, role: String) -> Schema {
        var schema = Schema(location: entry.keyLocation)
        guard let rawEntries = entry.value.entries else {
            context.error("\(role) must be a schema (a mapping), found \(entry.value.found)", at: entry.valueLocation)
            return schema
        }
        var keywords: [SchemaKeyword: YAMLNode.Entry] = [:]
        var ordered: [(SchemaKeyword, YAMLNode.Entry)] = []
        for entry in context.uniqueEntries(rawEntries, noun: "key") {
            if let keyword = SchemaKeyword(rawValue: entry.key) {
                keywords[keyword] = entry
                ordered.append((keyword, entry))
            } else if SchemaKeyword.unsupported.contains(entry.key) {
                context.error(
                    "unsupported keyword '\(entry.key)'; Taskforge supports: \(SchemaKeyword.supportedList)",
                    at: entry.keyLocation)
            } else {
                let suggestion = NameSuggestions.didYouMean(entry.key, in: SchemaKeyword.allCases.map(\.rawValue))
                context.error("unknown key '\(entry.key)' in schema\(suggestion)", at: entry.keyLocation)
            }
        }

        var applicable = ordered
        if keywords[.ref] != nil {
            applicable = ordered.filter { keyword, entry in
                guard SchemaKeyword.allowedBesideRef.contains(keyword) else {
                    context.error(
                        "'\(keyword.rawValue)' cannot be used beside '$ref'; only 'description', 'title' and 'default' can",
                        at: entry.keyLocation)
                    return false
                }
                return true
            }
        } else if let typeEntry = keywords[.type] {
            schema.types = parseType(typeEntry)
            if let types = schema.types {
                applicable = ordered.filter { isApplicable($0, types: types, entry: $1) }
            }
        } else {
            applicable = ordered.filter { isApplicable($0, types: nil, entry: $1) }
        }

        for (keyword, entry) in applicable {
            read(keyword, from: entry, into: &schema)
        }
        if let (_, requiredEntry) = applicable.first(where: { $0.0 == .required }) {
            schema.required = requiredNames(requiredEntry, properties: schema.properties)
        }
        SchemaConsistency(context: context, keywords: keywords).check(schema)
        if schema.defaultValue != nil, let defaultEntry = keywords[.default] {
            context.defaults.append((schema, defaultEntry.valueLocation))
        }
        return schema
    }

    /// Whether a type-specific keyword suits the declared `types`; reports it when not.
    private func isApplicable(_ keyword: SchemaKeyword, types: [JSONType]?, entry: YAMLNode.Entry) -> Bool {
        guard let domain = keyword.domain else { return true }
        guard let types else {
            context.error(
                "'\(keyword.rawValue)' applies to \(domain.rawValue), but this schema has no 'type'",
                at: entry.keyLocation)
            return false
        }
        let declared = types.filter { $0 != .null }
        guard !declared.contains(where: domain.contains) else { return true }
        let typeName = (declared.first ?? .null).rawValue
        context.error(
            "'\(keyword.rawValue)' applies to \(domain.rawValue), but this schema's type is \(typeName)",
            at: entry.keyLocation)
        return false
    }

    private func read(_ keyword: SchemaKeyword, from entry: YAMLNode.Entry, into schema: inout Schema) {
        switch keyword {
        case .type, .required: break  // read before and after the others
        case .properties: schema.properties = properties(entry)
        case .additionalProperties:
            if entry.value.entries != nil {
                context.error(
                    "'additionalProperties' with a schema is unsupported; use true or false", at: entry.valueLocation)
            } else {
                schema.additionalProperties = context.bool(entry)
            }
        case .enum: schema.enumValues = enumValues(entry, types: schema.types)
        case .const:
            schema.constValue = context.json(entry.value)
            if let value = schema.constValue {
                checkType(of: value, keyword: "const", types: schema.types, at: entry.valueLocation)
            }
        case .minimum: schema.minimum = context.number(entry)
        case .maximum: schema.maximum = context.number(entry)
        case .exclusiveMinimum: schema.exclusiveMinimum = context.number(entry)
        case .exclusiveMaximum: schema.exclusiveMaximum = context.number(entry)
        case .multipleOf:
            schema.multipleOf = context.number(entry)
            if let value = schema.multipleOf, value <= 0 {
                context.error(
                    "'multipleOf' must be greater than 0, found \(entry.value.found)", at: entry.valueLocation)
            }
        case .minLength: schema.minLength = context.integer(entry, minimum: 0)
        case .maxLength: schema.maxLength = context.integer(entry, minimum: 0)
        case .pattern: schema.pattern = pattern(entry)
        case .format: schema.format = format(entry)
        case .items: schema.items = parse(entry, role: "'items'")
        case .minItems: schema.minItems = context.integer(entry, minimum: 0)
        case .maxItems: schema.maxItems = context.integer(entry, minimum: 0)
        case .uniqueItems: schema.uniqueItems = context.bool(entry)
        case .default: schema.defaultValue = context.json(entry.value)
        case .title: schema.title = context.string(entry)
        case .description: schema.description = context.string(entry)
        case .ref: schema.ref = reference(entry)
        }
    }

    private static let typeAliases: [String: JSONType] = [
        "int": .integer, "float": .number, "double": .number, "bool": .boolean, "str": .string,
        "list": .array, "dict": .object, "map": .object,
    ]

    /// `type: T` or `type: [T, "null"]`.
    private func parseType(_ entry: YAMLNode.Entry) -> [JSONType]? {
        if let name = entry.value.string {
            return jsonType(name, at: entry.valueLocation).map { [$0] }
        }
        guard let items = entry.value.items else {
            context.error(
                "'type' must be a type name or a list [T, \"null\"], found \(entry.value.found)",
                at: entry.valueLocation)
            return nil
        }
        let types = items.map { item in item.string.flatMap { jsonType($0, at: item.location) } }
        guard !types.contains(nil) else { return nil }
        let declared = types.compactMap { $0 }
        let nonNull = declared.filter { $0 != .null }
        guard declared.count == 2, nonNull.count == 1 else {
            context.error(
                "'type' lists are supported only as [T, \"null\"]; other unions are not supported",
                at: entry.valueLocation)
            return nil
        }
        return nonNull + [.null]
    }

    private func jsonType(_ name: String, at location: SourceLocation) -> JSONType? {
        if let type = JSONType(rawValue: name) { return type }
        let names = JSONType.allCases.map(\.rawValue)
        let suggestion =
            Self.typeAliases[name].map { "; did you mean '\($0.rawValue)'?" }
            ?? NameSuggestions.didYouMean(name, in: names)
        context.error(
            "unknown type '\(name)'; expected one of \(names.joined(separator: ", "))\(suggestion)", at: location)
        return nil
    }

    private func properties(_ entry: YAMLNode.Entry) -> [Schema.Property] {
        guard let entries = entry.value.entries else {
            context.error(
                "'properties' must be a mapping of property names to schemas, found \(entry.value.found)",
                at: entry.valueLocation)
            return []
        }
        var swiftNames: [String: String] = [:]
        return context.uniqueEntries(entries, noun: "property").map { property in
            if !Naming.isLowerSnakeCase(property.key) {
                let suggestion = NameSuggestions.lowerSnakeCase(property.key).map { ", like '\($0)'" } ?? ""
                context.error(
                    "property name '\(property.key)' must be lower snake_case\(suggestion)", at: property.keyLocation)
            } else {
                let swiftName = Naming.lowerCamelCase(property.key)
                if let other = swiftNames[swiftName] {
                    context.error(
                        "property '\(property.key)' has the same Swift name '\(swiftName)' as property '\(other)'",
                        at: property.keyLocation)
                }
                swiftNames[swiftName] = swiftNames[swiftName] ?? property.key
            }
            return Schema.Property(property.key, parse(property, role: "property '\(property.key)'"))
        }
    }

    private func requiredNames(_ entry: YAMLNode.Entry, properties: [Schema.Property]) -> [String] {
        guard let items = entry.value.items else {
            context.error(
                "'required' must be a list of property names, found \(entry.value.found)", at: entry.valueLocation)
            return []
        }
        let declared = properties.map(\.name)
        var names: [String] = []
        for item in items {
            guard let name = item.string else {
                context.error("'required' entries must be property names, found \(item.found)", at: item.location)
                continue
            }
            if names.contains(name) {
                context.error("'required' lists '\(name)' more than once", at: item.location)
            } else if !declared.contains(name) {
                let suggestion = NameSuggestions.didYouMean(name, in: declared)
                context.error(
                    "'required' lists '\(name)', which is not declared under 'properties'\(suggestion)",
                    at: item.location)
            }
            if !names.contains(name) { names.append(name) }
        }
        return names
    }

    private func enumValues(_ entry: YAMLNode.Entry, types: [JSONType]?) -> [JSONValue]? {
        guard let items = entry.value.items, !items.isEmpty else {
            context.error("'enum' must be a non-empty list, found \(entry.value.found)", at: entry.valueLocation)
            return nil
        }
        var values: [JSONValue] = []
        for item in items {
            guard let value = context.json(item) else { continue }
            if values.contains(value) {
                context.error("'enum' lists \(value.canonicalString()) more than once", at: item.location)
                continue
            }
            checkType(of: value, keyword: "enum", types: types, at: item.location)
            values.append(value)
        }
        return values
    }

    private func checkType(of value: JSONValue, keyword: String, types: [JSONType]?, at location: SourceLocation) {
        guard let types, !types.contains(where: { $0.accepts(value) }) else { return }
        let expected = types.map(\.rawValue).joined(separator: " or ")
        context.error(
            "'\(keyword)' value \(value.canonicalString()) does not match the schema's type \(expected)", at: location)
    }

    private func pattern(_ entry: YAMLNode.Entry) -> String? {
        guard let pattern = context.string(entry) else { return nil }
        guard (try? NSRegularExpression(pattern: pattern)) != nil else {
            context.error("'pattern' '\(pattern)' is not a valid regular expression", at: entry.valueLocation)
            return nil
        }
        return pattern
    }

    private func format(_ entry: YAMLNode.Entry) -> StringFormat? {
        guard let name = context.string(entry) else { return nil }
        guard let format = StringFormat(rawValue: name) else {
            let names = StringFormat.allCases.map(\.rawValue)
            context.error(
                "unknown format '\(name)'; supported formats: \(names.joined(separator: ", "))"
                    + NameSuggestions.didYouMean(name, in: names),
                at: entry.valueLocation)
            return nil
        }
        return format
    }

    private func reference(_ entry: YAMLNode.Entry) -> String? {
        guard let text = context.string(entry) else { return nil }
        let prefix = "#/types/"
        guard text.hasPrefix(prefix), text.count > prefix.count else {
            context.error("$ref must have the form '#/types/<Name>', found '\(text)'", at: entry.valueLocation)
            return nil
        }
        let name = String(text.dropFirst(prefix.count))
        context.references.append((name, entry.valueLocation))
        return name
    }
}
