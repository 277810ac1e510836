import Foundation

/// Renders ``SwiftDeclaration``s as public, `Codable`, `Sendable`, `Equatable` Swift types.
enum DeclarationRenderer {
    static func render(_ declaration: SwiftDeclaration, into writer: inout CodeWriter) {
        switch declaration {
        case .structure(let structure):
            render(structure, into: &writer)
        case .enumeration(let enumeration):
            writer.docComment(enumeration.doc)
            writer.block("public enum \(enumeration.name): String, Codable, Sendable, Equatable, CaseIterable {") {
                writer in
                for (name, rawValue) in enumeration.cases {
                    let bare = name.trimmingCharacters(in: ["`"])
                    writer.line(
                        bare == rawValue ? "case \(name)" : "case \(name) = \(SwiftSyntax.stringLiteral(rawValue))")
                }
            }
        case .alias(let name, let type, let doc):
            writer.docComment(doc)
            writer.line("public typealias \(name) = \(type)")
        }
    }

    private static func render(_ structure: SwiftStruct, into writer: inout CodeWriter) {
        writer.docComment(structure.doc)
        writer.block("public struct \(structure.name): Codable, Sendable, Equatable {") { writer in
            for field in structure.fields {
                writer.docComment(field.doc)
                writer.line("public var \(field.swiftName): \(field.type)")
            }
            if !structure.fields.isEmpty { writer.line() }
            let parameters = structure.fields.map { field in
                "\(field.swiftName): \(field.type)" + (field.defaultArgument.map { " = \($0)" } ?? "")
            }
            writer.list("public init(", parameters, ") {")
            writer.indented { writer in
                for field in structure.fields {
                    writer.line("self.\(field.swiftName) = \(field.swiftName)")
                }
            }
            writer.line("}")
            let renamed = structure.fields.filter { $0.swiftName.trimmingCharacters(in: ["`"]) != $0.jsonName }
            if !renamed.isEmpty {
                writer.line()
                writer.block("enum CodingKeys: String, CodingKey {") { writer in
                    for field in structure.fields {
                        let bare = field.swiftName.trimmingCharacters(in: ["`"])
                        writer.line(
                            bare == field.jsonName
                                ? "case \(field.swiftName)"
                                : "case \(field.swiftName) = \(SwiftSyntax.stringLiteral(field.jsonName))")
                    }
                }
            }
            for nested in structure.nested {
                writer.line()
                render(nested, into: &writer)
            }
        }
    }
}
