extension TaskParser {
    private static let aliasKeys = ["path", "method"]

    /// `http: {path: /api/run-model, method: POST}`: `method` is optional and must be POST.
    func routeAlias(_ entry: YAMLNode.Entry) -> RouteAlias? {
        guard let rawEntries = entry.value.entries else {
            context.error(
                "'http' must be a mapping such as {path: /api/run-model}, found \(entry.value.found)",
                at: entry.valueLocation)
            return nil
        }
        let entries = context.uniqueEntries(rawEntries, noun: "key")
        context.rejectUnknownKeys(entries, allowed: Self.aliasKeys, place: "in 'http'")
        context.requireKeys(["path"], in: entries, owner: "'http'", at: entry.keyLocation)
        func value(_ key: String) -> YAMLNode.Entry? { entries.first { $0.key == key } }

        var method: String? = "POST"
        if let methodEntry = value("method") {
            method = context.string(methodEntry).flatMap { written in
                guard RouteAlias.methods.contains(written.uppercased()) else {
                    context.error(
                        "'method' must be POST: an alias submits a job, found '\(written)'",
                        at: methodEntry.valueLocation)
                    return nil
                }
                return written.uppercased()
            }
        }
        let path = value("path").flatMap { pathEntry -> String? in
            guard let path = context.string(pathEntry) else { return nil }
            if let problem = RouteAlias.problem(with: path) {
                context.error("'path' \(problem), found '\(path)'", at: pathEntry.valueLocation)
                return nil
            }
            return path
        }
        guard let path, let method else { return nil }
        return RouteAlias(path: path, method: method)
    }
}
