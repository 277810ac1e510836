// swift-tools-version:6.1
import PackageDescription

// A package of one's own that uses Taskforge: its tasks in tasks.yaml, a handler per task, and an
// executable with Taskforge's command line (serve, worker, submit, jobs, ...).
let package = Package(
    name: "WordCount",
    platforms: [.macOS(.v15)],
    dependencies: [
        // In a package of your own: .package(url: "https://github.com/<owner>/taskforge.git", from: "<version>")
        .package(name: "taskforge", path: "../..")
    ],
    targets: [
        .executableTarget(
            name: "wordcount",
            dependencies: [
                .product(name: "TaskforgeCommands", package: "taskforge"),
                .product(name: "TaskRuntime", package: "taskforge"),
                .product(name: "TaskCLI", package: "taskforge"),
            ],
            plugins: [.plugin(name: "TaskgenPlugin", package: "taskforge")])
    ]
)
