extension Schema {
    /// `value` with each absent object property that declares a `default` filled in, recursively:
    /// objects nested in objects and arrays are filled too, as are objects inside inserted defaults.
    ///
    /// `$ref`s must already be resolved (``Registry/resolvingRefs(in:)``). Values of the wrong
    /// shape are returned unchanged; ``validate(_:)`` reports them.
    public func applyingDefaults(to value: JSONValue) -> JSONValue {
        switch value {
        case .object(var object) where !properties.isEmpty:
            for property in properties {
                if let present = object[property.name] {
                    object[property.name] = property.schema.applyingDefaults(to: present)
                } else if let defaultValue = property.schema.defaultValue {
                    object[property.name] = property.schema.applyingDefaults(to: defaultValue)
                }
            }
            return .object(object)
        case .array(let elements):
            guard let items else { return value }
            return .array(elements.map(items.applyingDefaults(to:)))
        default:
            return value
        }
    }
}
