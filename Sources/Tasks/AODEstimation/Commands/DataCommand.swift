import ArgumentParser

/// `taskforge data`: data the tasks read, made for tests, demos and benchmarks.
public struct DataCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "data", abstract: "Write data the tasks read (synthetic scene catalogs).",
        subcommands: [SynthS2Command.self])

    public init() {}
}
