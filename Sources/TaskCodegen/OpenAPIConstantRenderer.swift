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
        for line in document.split(separator: "\n", omittingEmptySubsequences: false) {
            text += line.isEmpty ? "\n" : "        \(line)\n"
        }
        text += "        \"\"\"\(hashes)\n}\n"
        let header = GeneratedFile.swiftHeader(registryFile: registry.fileName, imports: ["TaskRuntime"])
        return GeneratedFile(name: Self.fileName, contents: header + text)
    }
}
