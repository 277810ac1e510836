import TaskRuntime

extension Handlers {
    /// v2 sent one `name`; v3 wants it split. The last word is the last name.
    static func upgrade(_ old: Greet.V2.Input) throws -> Greet.Input {
        let words = old.name.split(separator: " ")
        guard words.count >= 2, let last = words.last else {
            throw TaskError.permanent(
                .taskRejectedInvalidParams, "the v2 name '\(old.name)' has no last name to split off")
        }
        return Greet.Input(firstName: words.dropLast().joined(separator: " "), lastName: String(last))
    }
}
