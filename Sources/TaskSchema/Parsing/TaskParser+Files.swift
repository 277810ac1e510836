extension TaskParser {
    private static let fileKeys = ["required", "max_size", "media_types", "description"]

    /// The most files a task may declare.
    static let maximumFileCount = 16

    /// `files: {pre: {required: true, max_size: 2GiB, media_types: [image/tiff], description: ...}}`:
    /// a mapping of lower snake_case names to file declarations (every key optional; `{}` declares a
    /// required file of any type and size). Returns the files that parsed, in declaration order.
    func files(_ entry: YAMLNode.Entry) -> [FileInput] {
        guard let rawEntries = entry.value.entries else {
            context.error(
                "'files' must be a mapping of file names to declarations such as {pre: {max_size: 2GiB}}, "
                    + "found \(entry.value.found)",
                at: entry.valueLocation)
            return []
        }
        let entries = context.uniqueEntries(rawEntries, noun: "file")
        if entries.isEmpty || entries.count > Self.maximumFileCount {
            context.error(
                "'files' must declare from 1 to \(Self.maximumFileCount) files, found \(entries.count)",
                at: entry.valueLocation)
        }
        return entries.compactMap(file)
    }

    private func file(_ entry: YAMLNode.Entry) -> FileInput? {
        let name = entry.key
        if !Naming.isLowerSnakeCase(name) {
            let suggestion = NameSuggestions.lowerSnakeCase(name).map { ", like '\($0)'" } ?? ""
            context.error("file name '\(name)' must be lower snake_case\(suggestion)", at: entry.keyLocation)
            return nil
        }
        if entry.value.isNull { return FileInput(name: name, location: entry.keyLocation) }
        guard let rawEntries = entry.value.entries else {
            context.error(
                "file '\(name)' must be a mapping such as {required: true, max_size: 2GiB}, found \(entry.value.found)",
                at: entry.valueLocation)
            return nil
        }
        let entries = context.uniqueEntries(rawEntries, noun: "key")
        context.rejectUnknownKeys(entries, allowed: Self.fileKeys, place: "in file '\(name)'")
        func value(_ key: String) -> YAMLNode.Entry? { entries.first { $0.key == key } }
        return FileInput(
            name: name,
            required: value("required").flatMap(context.bool) ?? true,
            maxSize: value("max_size").flatMap(byteSize),
            mediaTypes: value("media_types").map(mediaTypes) ?? [],
            description: value("description").flatMap(context.string),
            location: entry.keyLocation)
    }

    /// `max_size: 2GiB` or a whole number of bytes.
    private func byteSize(_ entry: YAMLNode.Entry) -> Int64? {
        let text: String? =
            switch entry.value.scalar {
            case .integer(let bytes): String(bytes)
            default: entry.value.string
            }
        guard let text, let bytes = ByteSizeSyntax.parse(text) else {
            let found = entry.value.string.map { "'\($0)'" } ?? entry.value.found
            context.error(
                "'max_size' must be a positive size such as \(ByteSizeSyntax.examples), found \(found)",
                at: entry.valueLocation)
            return nil
        }
        return bytes
    }

    /// `media_types: [image/tiff, application/octet-stream]`: `type/subtype` strings.
    private func mediaTypes(_ entry: YAMLNode.Entry) -> [String] {
        guard let items = entry.value.items else {
            context.error(
                "'media_types' must be a list such as [image/tiff], found \(entry.value.found)", at: entry.valueLocation
            )
            return []
        }
        return items.compactMap { item in
            guard let text = item.string, Self.isMediaType(text) else {
                context.error(
                    "'media_types' entries must be media types such as 'image/tiff', found \(item.string.map { "'\($0)'" } ?? item.found)",
                    at: item.location)
                return nil
            }
            return text
        }
    }

    private static func isMediaType(_ text: String) -> Bool {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        let token = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$&-^_.+")
        return parts.count == 2 && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy(token.contains) }
    }
}

extension TaskParser {
    /// Files and the rest of the task must fit together: a file's name is also a CLI flag beside the
    /// input's, and a job waiting for uploads can neither be enqueued by the clock nor shared by dedup.
    func checkFiles(
        _ files: [FileInput], at location: SourceLocation, input: Schema?, hasDedup: Bool, hasSchedules: Bool
    ) {
        for file in files where input?.property(file.name) != nil {
            context.error(
                "file '\(file.name)' has the name of an input property; give one of them another name",
                at: file.location)
        }
        if hasSchedules {
            context.error("a task with 'files' cannot have a 'schedule': nothing would upload its files", at: location)
        }
        if hasDedup {
            context.error(
                "a task with 'files' cannot use 'dedup': equal inputs may come with different files", at: location)
        }
    }
}
