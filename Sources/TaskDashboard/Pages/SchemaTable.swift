import Foundation
import TaskRuntime

/// A task's input or output schema as a table a person reads: one row per property (nested ones by
/// their path, `bbox.west`, `items[]`), with its type, whether it is required, its limits, default
/// and description.
struct SchemaTable {
    let schema: Schema

    var html: HTML {
        var rows: [HTML] = []
        collect(schema, path: "", into: &rows)
        guard !rows.isEmpty else { return "<p class=\"muted\">\(typeName(schema))</p>" }
        return """
            <div class="scroll"><table class="schema">
            <thead><tr><th scope="col">Field</th><th scope="col">Type</th><th scope="col">Required</th><th scope="col">Constraints</th><th scope="col">Default</th><th scope="col">Description</th></tr></thead>
            <tbody>\(rows)</tbody></table></div>
            """
    }

    private func collect(_ schema: Schema, path: String, into rows: inout [HTML]) {
        for property in schema.properties {
            let name = path.isEmpty ? property.name : "\(path).\(property.name)"
            let field = property.schema
            rows.append(
                """
                <tr><th scope="row"><code>\(name)</code></th><td>\(typeName(field))</td>
                <td>\(schema.required.contains(property.name) ? "yes" : "")</td><td>\(constraints(field))</td>
                <td>\(field.defaultValue.map { "<code>\($0.canonicalString())</code>" as HTML })</td>
                <td>\(field.description ?? field.title ?? "")</td></tr>
                """)
            collect(field, path: name, into: &rows)
            if let items = field.items { collect(items, path: name + "[]", into: &rows) }
        }
    }

    private func typeName(_ schema: Schema) -> String {
        if let ref = schema.ref { return String(ref.split(separator: "/").last ?? Substring(ref)) }
        let types = schema.types?.map(\.rawValue).joined(separator: " or ") ?? "any"
        if types == "array", let items = schema.items { return "array of \(typeName(items))" }
        return schema.format.map { "\(types) (\($0.rawValue))" } ?? types
    }

    private func constraints(_ schema: Schema) -> String {
        var parts: [String] = []
        if let values = schema.enumValues {
            parts.append("one of " + values.map { $0.canonicalString() }.joined(separator: ", "))
        }
        if let minimum = schema.minimum { parts.append("≥ \(number(minimum))") }
        if let minimum = schema.exclusiveMinimum { parts.append("> \(number(minimum))") }
        if let maximum = schema.maximum { parts.append("≤ \(number(maximum))") }
        if let maximum = schema.exclusiveMaximum { parts.append("< \(number(maximum))") }
        if let length = schema.minLength { parts.append("at least \(length) characters") }
        if let length = schema.maxLength { parts.append("at most \(length) characters") }
        if let count = schema.minItems { parts.append("at least \(count) items") }
        if let count = schema.maxItems { parts.append("at most \(count) items") }
        if let pattern = schema.pattern { parts.append("matches \(pattern)") }
        return parts.joined(separator: "; ")
    }

    private func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}

/// An input that satisfies a schema's required properties, for the examples on the tasks page:
/// the default, else the first allowed value, else a value of the type within its limits.
enum ExampleInput {
    static func of(_ schema: Schema) -> JSONValue {
        if let value = schema.defaultValue ?? schema.constValue ?? schema.enumValues?.first { return value }
        switch schema.types?.first {
        case .object?:
            var members: [String: JSONValue] = [:]
            for property in schema.properties where schema.required.contains(property.name) {
                members[property.name] = of(property.schema)
            }
            return .object(members)
        case .array?:
            return .array((0..<(schema.minItems ?? 0)).map { _ in schema.items.map(of) ?? .null })
        case .integer?:
            return .integer(Int(schema.minimum ?? 1))
        case .number?:
            return JSONValue(number: schema.minimum ?? 1)
        case .boolean?:
            return .bool(true)
        case .string?:
            if schema.format == .uuid || schema.format == .dataset { return .string(UUID().lowercasedString) }
            return .string(String(repeating: "x", count: max(schema.minLength ?? 4, 1)))
        default:
            return .null
        }
    }

    /// The command line's options for the required top-level scalars: `--recency-days 7`.
    static func options(_ schema: Schema) -> [String] {
        schema.properties.filter { schema.required.contains($0.name) }.compactMap { property in
            let value = of(property.schema)
            let text: String
            switch value {
            case .string(let string): text = string.contains(" ") ? "'\(string)'" : string
            case .integer, .number, .bool: text = value.canonicalString()
            default: return nil
            }
            return "--\(property.name.replacingOccurrences(of: "_", with: "-")) \(text)"
        }
    }
}
