// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "taskforge",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "taskforge", targets: ["taskforge"]),
        .executable(name: "taskgen", targets: ["taskgen"]),
        .executable(name: "taskforge-bench", targets: ["taskforge-bench"]),
        .executable(name: "datasets-bench", targets: ["datasets-bench"]),
        .executable(name: "aod-bench", targets: ["aod-bench"]),
        .executable(name: "validator-bench", targets: ["validator-bench"]),
        // A package of one's own adds tasks.yaml, the build plugin and `swift package taskgen lock`
        // (Examples/WordCount).
        .plugin(name: "TaskgenPlugin", targets: ["TaskgenPlugin"]),
        .plugin(name: "TaskgenCommand", targets: ["TaskgenCommand"]),
        .library(name: "TaskRuntime", targets: ["TaskRuntime"]),
        .library(name: "TaskCLI", targets: ["TaskCLI"]),
        .library(name: "TaskforgeCommands", targets: ["TaskforgeCommands"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/vapor/sqlite-nio.git", from: "1.13.2"),
        .package(url: "https://github.com/vapor/postgres-nio.git", from: "1.33.2"),
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-crypto.git", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.3"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
    ],
    targets: [
        // tasks.yaml -> model, with line-precise diagnostics; validation; JSON Schema rendering.
        // Yams only: it is the build plugin's tool's dependency, compiled again in every adopting package.
        .target(name: "TaskSchema", dependencies: [.product(name: "Yams", package: "Yams")]),
        // model -> Swift source (types, dispatch table, CLI flags).
        .target(name: "TaskCodegen", dependencies: ["TaskSchema", "TaskAPIModel"]),
        .executableTarget(
            name: "taskgen",
            dependencies: ["TaskCodegen", .product(name: "ArgumentParser", package: "swift-argument-parser")]),
        .plugin(name: "TaskgenPlugin", capability: .buildTool(), dependencies: ["taskgen"]),
        .plugin(
            name: "TaskgenCommand",
            capability: .command(
                intent: .custom(
                    verb: "taskgen", description: "Refresh or check the schema lock and the OpenAPI document"),
                permissions: [
                    .writeToPackageDirectory(reason: "writes Generated/tasks.lock.json and Generated/openapi.json")
                ]),
            dependencies: ["taskgen"]),

        // The HTTP API's bodies as Codable types; the OpenAPI document reads their schemas from them.
        .target(name: "TaskAPIModel", dependencies: ["TaskSchema"]),
        // Jobs, the JobStore seam, workers.
        .target(
            name: "TaskRuntime",
            dependencies: [
                "TaskSchema", "TaskAPIModel",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]),
        .target(
            name: "TaskStoreSQLite",
            dependencies: [
                "TaskRuntime", .product(name: "SQLiteNIO", package: "sqlite-nio"),
                .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOPosix", package: "swift-nio"),
            ]),
        .target(
            name: "TaskStorePostgres",
            dependencies: [
                "TaskRuntime",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]),
        // Artifact bytes: the ArtifactStore seam, local files and S3-compatible object storage (SigV4).
        .target(
            name: "TaskArtifacts",
            dependencies: [
                "TaskRuntime",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "_NIOFileSystem", package: "swift-nio"),
            ]),
        .target(
            name: "TaskServer",
            dependencies: [
                "TaskRuntime", "TaskArtifacts", "Datasets", .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_NIOFileSystem", package: "swift-nio"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ]),
        // The operators' dashboard at /ui: server-rendered pages over TaskOperations (docs/dashboard.md).
        .target(
            name: "TaskDashboard",
            dependencies: [
                "TaskServer", "TaskRuntime", .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            resources: [.copy("Assets/dashboard.css"), .copy("Assets/dashboard.js")]),
        .target(
            name: "TaskCLI",
            dependencies: [
                "TaskRuntime",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]),

        // serve, worker, handler-host, migrate, schema, submit, jobs: the command line of any task catalog.
        .target(
            name: "TaskforgeCommands",
            dependencies: [
                "TaskServer", "TaskDashboard", "TaskStoreSQLite", "TaskStorePostgres", "TaskCLI", "TaskArtifacts",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]),

        // GDAL (Debian's libgdal-dev) and GeoKit, the thin Swift wrapper the geospatial tasks use.
        .systemLibrary(name: "CGDAL", pkgConfig: "gdal", providers: [.apt(["libgdal-dev"])]),
        .target(name: "GeoKit", dependencies: ["CGDAL"]),
        // Sunlight through an aerosol layer: the 6S lookup table (scripts/aod-lut), its interpolation and
        // the dark-dense-vegetation retrieval of aerosol optical depth (docs/tasks/aod_estimation.md).
        .target(
            name: "Atmosphere",
            resources: [.copy("Resources/aod-lut.bin"), .copy("Resources/aod-lut.json")]),
        // Sentinel-2 scenes: STAC items, the scene catalog in DATA_FOLDER, scene selection, and the
        // synthetic catalogs `taskforge data synth-s2` writes.
        .target(name: "Sentinel2", dependencies: ["GeoKit", "Atmosphere"]),
        // zlib (Debian's zlib1g-dev), for `.csv.gz` datasets.
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        // Datasets: streaming CSV and JSON Lines readers, profiles, metrics, normalization and anomaly
        // detection over files of any size (docs/tasks/datasets.md).
        .target(name: "Datasets", dependencies: ["CZlib"]),

        // The application: generated code from tasks.yaml plus one handler file per task.
        .target(
            name: "Tasks",
            dependencies: [
                "TaskRuntime", "TaskCLI", "TaskServer", "GeoKit", "Atmosphere", "Sentinel2", "Datasets",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            plugins: ["TaskgenPlugin"]),
        .executableTarget(name: "taskforge", dependencies: ["Tasks", "TaskforgeCommands"]),
        // Benchmarks of both stores against their database's own limit (docs/benchmarks.md).
        .executableTarget(
            name: "taskforge-bench",
            dependencies: [
                "TaskRuntime", "TaskStoreSQLite", "TaskStorePostgres",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "SQLiteNIO", package: "sqlite-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]),

        // dataset_metrics on a large CSV, beside pandas and DuckDB (scripts/bench datasets).
        .executableTarget(name: "datasets-bench", dependencies: ["Datasets"]),
        // The dashboard's pages on a store with a million jobs (scripts/bench ui).
        .executableTarget(
            name: "dashboard-bench",
            dependencies: [
                "TaskDashboard", "TaskServer", "TaskRuntime", "TaskStoreSQLite", "TaskStorePostgres", "TaskArtifacts",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "SQLiteNIO", package: "sqlite-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]),
        // The AOD retrieval's cost per pixel, its variants side by side (scripts/bench aod).
        .executableTarget(name: "aod-bench", dependencies: ["Atmosphere"]),

        // The JSON-Schema-Test-Suite cases of the supported keywords and their generated validators.
        .target(
            name: "ValidatorSuite", dependencies: ["TaskSchema"], resources: [.copy("Resources/JSON-Schema-Test-Suite")]
        ),
        // The interpreter and the generated validators on the suite, beside jsonschema and jsonschema-rs
        // (scripts/bench validators).
        .executableTarget(name: "validator-bench", dependencies: ["ValidatorSuite", "TaskSchema"]),

        // Datasets for its seeded generator, TaskRuntime for dedup keys and schedule ids, swift-crypto as
        // the lock digest's oracle.
        .testTarget(
            name: "TaskSchemaTests",
            dependencies: ["TaskSchema", "TaskRuntime", "Datasets", .product(name: "Crypto", package: "swift-crypto")]),
        // The generated validators against the interpreter, case by case, on the suite.
        .testTarget(name: "ValidatorTests", dependencies: ["TaskCodegen", "ValidatorSuite", "TaskSchema"]),
        // The SigV4 signer against AWS's vectors; both artifact stores against a real S3-compatible server.
        .testTarget(name: "ArtifactStoreTests", dependencies: ["TaskArtifacts", "TaskforgeTestSupport"]),
        .testTarget(
            name: "TaskCodegenTests", dependencies: ["TaskCodegen", "TaskforgeTestSupport"], exclude: ["Golden"]),
        // Compiles the golden registry through the build plugin (a target with its own tasks.yaml).
        .testTarget(
            name: "GeneratedCodeTests", dependencies: ["TaskRuntime", "TaskCLI"], plugins: ["TaskgenPlugin"]),
        .testTarget(
            name: "JobStoreTests",
            dependencies: [
                "TaskRuntime", "TaskStoreSQLite", "TaskStorePostgres", "TaskforgeTestSupport",
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]),
        // A real server for end-to-end tests, serving any catalog: in memory or on loopback.
        .target(
            name: "TaskforgeTestSupport",
            dependencies: [
                "TaskServer", "TaskStoreSQLite", "TaskStorePostgres", "TaskArtifacts",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            path: "Tests/Support"),
        .testTarget(
            name: "TaskforgeTests",
            dependencies: [
                "Tasks", "TaskforgeTestSupport", "taskforge", "TaskDashboard",
                .product(name: "Hummingbird", package: "hummingbird"),
            ]),
        // The taskforge command line over test-only tasks (record, spin, crash), for the reliability tests.
        .executableTarget(
            name: "taskforge-testbed", dependencies: ["TaskforgeCommands"], path: "Tests/Testbed",
            plugins: ["TaskgenPlugin"]),
        // Real worker and server processes on PostgreSQL, with faults injected from outside.
        .testTarget(
            name: "ReliabilityTests",
            dependencies: [
                "TaskforgeTestSupport", "TaskStorePostgres", "taskforge-testbed",
            ]),
        // The volume calculation on DEMs and shapefiles the tests write through GDAL.
        .testTarget(
            name: "VolcalTests",
            dependencies: ["Tasks", "GeoKit", "CGDAL", "TaskRuntime", "TaskforgeTestSupport", "taskforge"]),
        // The dataset engine against Python's csv, pandas, scikit-learn and DuckDB (Oracles/).
        .testTarget(
            name: "DatasetsTests", dependencies: ["Datasets", "TaskRuntime", "TaskforgeTestSupport"],
            exclude: ["Oracles"]),
        // Datasets over the API (`/v1/datasets`, the three dataset tasks, seed 002's routes) on both
        // stores and S3, checked against the same Python oracles.
        .testTarget(
            name: "DatasetTaskTests",
            dependencies: [
                "Tasks", "TaskforgeTestSupport", "TaskStorePostgres", "TaskArtifacts", "taskforge",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]),
        // The radiative model and the retrieval on known atmospheres.
        // Fixtures/6s-scenes.json: TOA reflectances 6S computed directly (scripts/aod-lut --fixtures).
        .testTarget(
            name: "AtmosphereTests", dependencies: ["Atmosphere", .product(name: "Crypto", package: "swift-crypto")],
            resources: [.copy("Fixtures")]),
        // Scene catalogs, selection, synthetic scenes, chips and the aod_estimation task end to end.
        .testTarget(
            name: "AODEstimationTests",
            dependencies: [
                "Tasks", "Sentinel2", "Atmosphere", "GeoKit", "TaskRuntime", "TaskforgeTestSupport", "taskforge",
            ]),
        // Version pinning and upgrades, on a registry of its own with a lock beside it.
        .testTarget(
            name: "VersioningTests",
            dependencies: ["TaskRuntime", "TaskCLI", "TaskforgeTestSupport"],
            plugins: ["TaskgenPlugin"]),
    ]
)
