import ArgumentParser
import Foundation
import Logging
import TaskRuntime
import TaskStorePostgres

/// `taskforge-bench`: throughput, pickup latency, insert rate and memory of the Taskforge worker on
/// SQLite and PostgreSQL, each beside the same database's own limit (docs/benchmarks.md).
@main
struct TaskforgeBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "taskforge-bench",
        abstract: "Benchmark the job stores and the worker against their database's own limit.",
        discussion: """
            Build in release mode: swift build -c release --product taskforge-bench (scripts/bench does \
            everything, PostgreSQL included). PostgreSQL phases create and drop their own databases \
            (taskforge_bench_*), so the URL's user needs CREATEDB. Each store runs in its own process.
            """)

    @Option(help: "No-op jobs enqueued and drained by the burn-down.")
    var jobs = 100_000

    @Option(help: "No-op jobs drained with handlers in supervised handler processes (0 skips this phase).")
    var isolatedJobs = 10_000

    @Option(help: "Worker slots; the bare SQL loop keeps as many jobs in flight.")
    var concurrency = 16

    @Option(help: "How far ahead the worker claims, in milliseconds of its handlers' pace (0: free slots only).")
    var prefetchHorizon = Int(WorkerConfiguration(queues: [:]).prefetchHorizon.seconds * 1000)

    @Option(help: "Jobs per enqueue call.")
    var batchSize = 1_000

    @Option(help: "Pickup latency samples (each on an idle queue), after 10 unmeasured ones.")
    var latencySamples = 300

    @Option(help: "Pause after each pickup, in milliseconds.")
    var latencySpacing = 20

    @Option(help: "Concurrent claim-and-complete loops of the bare SQL baseline (concurrency is split among them).")
    var baselineLoops = 2

    @Option(help: "Seconds one phase may take before the run fails.")
    var phaseTimeout = 600

    @Option(
        help: ArgumentHelp(
            "Stores to measure, comma-separated: sqlite, postgres.", valueName: "stores"),
        transform: { argument in
            try argument.split(separator: ",").map { name in
                guard let kind = StoreKind(rawValue: String(name)) else {
                    throw ValidationError("unknown store '\(name)'; use sqlite, postgres or both")
                }
                return kind
            }
        })
    var stores: [StoreKind] = [.sqlite, .postgres]

    // No default shown in --help: the environment's URL may hold a password.
    @Option(help: "The PostgreSQL server (env: TASKFORGE_BENCH_POSTGRES_URL); phases create their own databases on it.")
    var postgresURL: String?

    @Flag(help: "Print the results as JSON.")
    var json = false

    @Flag(help: .hidden)
    var child = false

    /// Serve as a handler process of the isolated burn-down.
    @Flag(help: .hidden)
    var handlerHost = false

    var settings: BenchSettings {
        BenchSettings(
            jobs: jobs, isolatedJobs: isolatedJobs, concurrency: concurrency,
            prefetchHorizonMilliseconds: prefetchHorizon, batchSize: batchSize,
            latencySamples: latencySamples,
            latencySpacingMilliseconds: latencySpacing, baselineLoops: baselineLoops, phaseTimeoutSeconds: phaseTimeout)
    }

    var resolvedPostgresURL: String? {
        (postgresURL ?? ProcessInfo.processInfo.environment["TASKFORGE_BENCH_POSTGRES_URL"]).flatMap {
            $0.isEmpty ? nil : $0
        }
    }

    func validate() throws {
        guard !handlerHost else { return }
        guard (1...10_000_000).contains(jobs) else { throw ValidationError("--jobs must be 1...10000000") }
        guard (0...10_000_000).contains(isolatedJobs) else {
            throw ValidationError("--isolated-jobs must be 0...10000000")
        }
        guard (1...1_000).contains(concurrency) else { throw ValidationError("--concurrency must be 1...1000") }
        // SQLite binds 9 values per job; 3,000 stays under its 32,766 variables per statement.
        guard (1...3_000).contains(batchSize) else { throw ValidationError("--batch-size must be 1...3000") }
        guard (1...10_000).contains(latencySamples) else {
            throw ValidationError("--latency-samples must be 1...10000")
        }
        guard (0...10_000).contains(latencySpacing) else {
            throw ValidationError("--latency-spacing must be 0...10000")
        }
        guard (1...concurrency).contains(baselineLoops) else {
            throw ValidationError("--baseline-loops must be 1...--concurrency")
        }
        guard (10...86_400).contains(phaseTimeout) else { throw ValidationError("--phase-timeout must be 10...86400") }
        guard !stores.isEmpty else { throw ValidationError("--stores names no store") }
        if stores.contains(.postgres) {
            guard let url = resolvedPostgresURL else {
                throw ValidationError(
                    "PostgreSQL needs --postgres-url or TASKFORGE_BENCH_POSTGRES_URL (scripts/bench starts a server), "
                        + "or pass --stores sqlite")
            }
            _ = try PostgresURL(url)
        }
    }

    func run() async throws {
        if handlerHost {
            await HandlerHost(catalog: NoopTask.catalog { _ in }, logger: Logger(label: "taskforge-bench")).run()
        }
        if child {
            try await runInThisProcess()
            return
        }
        var reports: [StoreReport] = []
        for kind in StoreKind.allCases where stores.contains(kind) {
            reports.append(try runChild(for: kind))
        }
        let run = RunReport(
            settings: settings,
            machine: .init(
                cores: ProcessInfo.processInfo.activeProcessorCount,
                memoryBytes: ProcessInfo.processInfo.physicalMemory,
                os: ProcessInfo.processInfo.operatingSystemVersionString),
            stores: reports)
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            print(String(decoding: try encoder.encode(run), as: UTF8.self))
        } else {
            print(Report.table(run))
        }
        if reports.contains(where: { !$0.verification.ok || $0.isolatedBurnDown?.verification.ok == false }) {
            throw ExitCode.failure
        }
    }

    /// Runs one store's benchmark in a fresh process (so memory figures are that store's alone) and
    /// reads its report from the child's standard output.
    private func runChild(for kind: StoreKind) throws -> StoreReport {
        let arguments = [
            "--child", "--stores", kind.rawValue, "--jobs", "\(jobs)", "--isolated-jobs", "\(isolatedJobs)",
            "--concurrency", "\(concurrency)",
            "--batch-size", "\(batchSize)", "--latency-samples", "\(latencySamples)",
            "--latency-spacing", "\(latencySpacing)", "--baseline-loops", "\(baselineLoops)",
            "--phase-timeout", "\(phaseTimeout)",
        ]
        var environment = ProcessInfo.processInfo.environment
        if kind == .postgres, let url = resolvedPostgresURL {
            // Through the environment, not argv, where other users could read a password.
            environment["TASKFORGE_BENCH_POSTGRES_URL"] = url
        }
        let process = Process()
        process.executableURL = Self.executable
        process.arguments = arguments
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readUntilEnd()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw BenchError("the \(kind.title) benchmark failed (exit status \(process.terminationStatus))")
        }
        do {
            return try JSONDecoder().decode(StoreReport.self, from: data)
        } catch {
            throw BenchError("the \(kind.title) benchmark printed no report: \(error)")
        }
    }

    /// The child: one store, report as JSON on stdout.
    private func runInThisProcess() async throws {
        guard stores.count == 1, let kind = stores.first else { throw ValidationError("--child takes one store") }
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = .warning
            return handler
        }
        let logger = Logger(label: "taskforge-bench")
        let backend: any StoreBackend
        let sqlite: SQLiteBackend?
        switch kind {
        case .sqlite:
            sqlite = try SQLiteBackend(logger: logger)
            backend = sqlite!
        case .postgres:
            sqlite = nil
            backend = PostgresBackend(url: try PostgresURL(resolvedPostgresURL ?? ""), logger: logger)
        }
        defer { sqlite?.removeDirectory() }
        let report = try await StoreBenchmark(backend: backend, settings: settings, logger: logger).run()
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        FileHandle.standardOutput.write(try encoder.encode(report))
    }

    /// This executable, which is also the handler process of the isolated burn-down.
    static var executable: URL {
        URL(
            fileURLWithPath: (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
                ?? CommandLine.arguments[0])
    }
}
