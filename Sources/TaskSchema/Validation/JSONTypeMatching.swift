extension JSONType {
    /// Whether `value` is of this type; `number` accepts integers too.
    func accepts(_ value: JSONValue) -> Bool {
        switch (self, value) {
        case (.null, .null), (.boolean, .bool), (.integer, .integer), (.number, .integer), (.number, .number),
            (.string, .string), (.array, .array), (.object, .object):
            true
        default:
            false
        }
    }
}
