import Foundation

/// Where a schema node sits inside a task's input or output schema: as a JSON pointer for tools,
/// and as a dotted subject (`options.tags[]`) for messages.
struct SchemaNodePath: Hashable {
    /// `/properties/options/properties/tags/items`; `""` is the whole schema.
    var pointer = ""
    /// `options.tags[]`; `""` is the whole schema.
    var subject = ""

    /// The schema of property `name`.
    func property(_ name: String) -> SchemaNodePath {
        SchemaNodePath(
            pointer: pointer + "/properties/" + JSONPointer.escape(name),
            subject: subject.isEmpty ? name : subject + "." + name)
    }

    /// The schema of the array's elements.
    var items: SchemaNodePath {
        SchemaNodePath(pointer: pointer + "/items", subject: subject + "[]")
    }

    /// `" of 'subject'"`, or nothing for the whole schema: "maximum of 'seconds' lowered".
    var of: String { phrase("of") }
    /// `" from 'subject'"`, or nothing for the whole schema: "enum value "b" removed from 'kind'".
    var from: String { phrase("from") }
    /// `" to 'subject'"`, or nothing for the whole schema: "pattern '^a' added to 'name'".
    var to: String { phrase("to") }

    private func phrase(_ preposition: String) -> String {
        subject.isEmpty ? "" : " \(preposition) '\(subject)'"
    }
}
