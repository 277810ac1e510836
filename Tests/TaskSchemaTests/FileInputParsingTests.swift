import TaskSchema
import Testing

/// A task declaring `files: <files>` on line 10, with an input property `label` and `extra` lines.
private func registry(files: String, extra: String = "") -> String {
    """
    tasks:
      survey:
        version: 1
        summary: S.
        timeout: 1s
        input:
          type: object
          properties: {label: {type: string}, region: {type: string}}
        output: {type: object}
        files: \(files)\(extra)
    """
}

@Suite struct FileInputParsingTests {
    @Test func parsesEachFileInOrderWithItsDefaults() throws {
        let text =
            "{pre: {max_size: 2GiB, media_types: [image/tiff], description: Before.}, post: {}, prj: {required: false, max_size: 1000}, shx: }"
        let result = RegistryParser.parse(registry(files: text), file: "tasks.yaml")
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let files = try #require(result.registry?.task(named: "survey")?.files)
        #expect(files.map(\.name) == ["pre", "post", "prj", "shx"])
        #expect(
            files[0].maxSize == 2 << 30 && files[0].mediaTypes == ["image/tiff"] && files[0].description == "Before.")
        #expect(files[1].required && files[1].maxSize == nil && files[1].mediaTypes.isEmpty)
        #expect(files[2].required == false && files[2].maxSize == 1000)
        #expect(files[3].required && files[3].location.line == 10)
    }

    @Test(arguments: [
        ("500MB", Int64(500_000_000)), ("2GiB", Int64(2) << 30), ("1048576", Int64(1_048_576)),
        ("10 KiB", Int64(10_240)),
    ])
    func readsSizes(_ text: String, _ bytes: Int64) {
        #expect(ByteSizeSyntax.parse(text) == bytes)
    }

    @Test(arguments: ["", "0", "-1", "2XB", "1.5GB", "GB", "99999999999TiB"])
    func refusesMalformedSizes(_ text: String) {
        #expect(ByteSizeSyntax.parse(text) == nil)
    }

    @Test func acceptsMediaTypesIgnoringCaseAndParameters() {
        let file = FileInput(
            name: "pre", mediaTypes: ["image/tiff"], location: SourceLocation(file: "t", line: 1, column: 1))
        #expect(file.accepts(mediaType: "IMAGE/TIFF; charset=binary"))
        #expect(file.accepts(mediaType: "image/png") == false)
        #expect(FileInput(name: "any", location: file.location).accepts(mediaType: "text/plain"))
    }

    @Test(arguments: [
        ("{Pre: {}}", ["tasks.yaml:10:13: error: file name 'Pre' must be lower snake_case, like 'pre'"]),
        (
            "{pre: {max_size: big}}",
            [
                "tasks.yaml:10:29: error: 'max_size' must be a positive size such as '500MB', '2GiB' or 1048576, found 'big'"
            ]
        ),
        (
            "{pre: {media_types: [tiff]}}",
            ["tasks.yaml:10:33: error: 'media_types' entries must be media types such as 'image/tiff', found 'tiff'"]
        ),
        ("{pre: {size: 1}}", ["tasks.yaml:10:19: error: unknown key 'size' in file 'pre'"]),
        ("{pre: {required: maybe}}", ["tasks.yaml:10:29: error: 'required' must be a boolean, found string"]),
        (
            "{label: {}}",
            ["tasks.yaml:10:13: error: file 'label' has the name of an input property; give one of them another name"]
        ),
        (
            "[pre]",
            [
                "tasks.yaml:10:12: error: 'files' must be a mapping of file names to declarations such as {pre: {max_size: 2GiB}}, found list"
            ]
        ),
        ("{}", ["tasks.yaml:10:12: error: 'files' must declare from 1 to 16 files, found 0"]),
    ])
    func reportsEachProblemAtItsPosition(_ text: String, _ expected: [String]) {
        let result = RegistryParser.parse(registry(files: text), file: "tasks.yaml")
        #expect(result.registry == nil)
        #expect(result.diagnostics.map(\.description) == expected)
    }

    @Test func filesRuleOutSchedulesAndDedup() {
        let extra = "\n    dedup: {key: [label]}\n    schedule: [{cron: '* * * * *', input: {}}]"
        let result = RegistryParser.parse(registry(files: "{pre: {}}", extra: extra), file: "tasks.yaml")
        #expect(
            result.diagnostics.map(\.description).sorted() == [
                "tasks.yaml:10:5: error: a task with 'files' cannot have a 'schedule': nothing would upload its files",
                "tasks.yaml:10:5: error: a task with 'files' cannot use 'dedup': equal inputs may come with different files",
            ])
    }
}
