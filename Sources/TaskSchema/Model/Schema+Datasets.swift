import Foundation

/// A dataset an input names: a string of `format: dataset`, and where it is (a JSON Pointer).
public struct DatasetReference: Sendable, Hashable {
    public var pointer: String
    public var id: String

    public init(pointer: String, id: String) {
        self.pointer = pointer
        self.id = id
    }
}

extension Schema {
    /// Every dataset `value` names, in document order: the strings at properties (and array items)
    /// whose schema has `format: dataset`. `$ref`s must already be resolved; `value` must be valid.
    public func datasetReferences(in value: JSONValue) -> [DatasetReference] {
        var found: [DatasetReference] = []
        collectDatasets(in: value, at: "", into: &found)
        return found
    }

    /// Whether any part of this schema is of `format: dataset`.
    public var readsDatasets: Bool {
        format == .dataset || properties.contains { $0.schema.readsDatasets } || (items?.readsDatasets ?? false)
    }

    private func collectDatasets(in value: JSONValue, at pointer: String, into found: inout [DatasetReference]) {
        switch value {
        case .string(let text) where format == .dataset:
            found.append(DatasetReference(pointer: pointer.isEmpty ? "/" : pointer, id: text))
        case .object(let members):
            for property in properties {
                guard let member = members[property.name] else { continue }
                property.schema.collectDatasets(
                    in: member, at: pointer + "/" + JSONPointer.escape(property.name), into: &found)
            }
        case .array(let elements):
            guard let items else { return }
            for (index, element) in elements.enumerated() {
                items.collectDatasets(in: element, at: pointer + "/\(index)", into: &found)
            }
        default:
            return
        }
    }
}
