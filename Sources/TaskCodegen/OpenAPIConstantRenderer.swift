import TaskSchema

/// Renders the OpenAPI document as a Swift string constant, so the server serves exactly the
/// document that `Generated/openapi.json` commits, without reading files at run time.
struct OpenAPIConstantRenderer {
    static let fileName = "Generated+OpenAPI.swift"

    let registry: Registry
    let lock: SchemaLock

    func render() -> GeneratedFile {
        let document = OpenAPIRenderer.render(for: registry, lock: lock)
        // A raw string whose delimiter cannot occur in the document.
        var hashes = "#"
        while document.contains("\"" + hashes) { hashes += "#" }
        var text = "extension GeneratedTasks {\n"
        text += "    /// The OpenAPI 3.1 document of the API: the bytes of `Generated/openapi.json`.\n"
        text += "    public static let openAPIDocument = \(hashes)\"\"\"\n"
        // Every line indented past the closing delimiter; the empty last line keeps the final newline.
        // A line too long is broken at spaces (and a word too long anywhere: the string is raw, so no
        // escape sequence can be cut), each part but the last ending in a line continuation.
        let continuation = "\\" + hashes
        let width = CodeWriter.maximumWidth - 8 - continuation.count - 1
        for line in document.split(separator: "\n", omittingEmptySubsequences: false) {
            let words = CodeWriter.wrap(String(line), width: width)
            for (index, word) in words.enumerated() {
                var rest = Substring(word)
                while rest.count > width {
                    text += "        " + rest.prefix(width) + continuation + "\n"
                    rest = rest.dropFirst(width)
                }
                let last = index == words.count - 1
                text += (line.isEmpty ? "" : "        ") + rest + (last ? "" : " " + continuation) + "\n"
            }
        }
        text += "        \"\"\"\(hashes)\n}\n"
        let header = GeneratedFile.swiftHeader(registryFile: registry.fileName, imports: ["TaskRuntime"])
        return GeneratedFile(name: Self.fileName, contents: header + text)
    }
}
