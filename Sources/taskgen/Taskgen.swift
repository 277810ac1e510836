import ArgumentParser

/// Generates Swift sources and the committed schema lock from a `tasks.yaml`. Run by the build
/// plugin (`generate`) and the command plugin (`lock`, `check`); diagnostics are printed in the
/// compiler's format so SwiftPM and editors show them at the offending line.
@main
struct Taskgen: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "taskgen",
        abstract: "Generate Swift sources and the schema lock from a tasks.yaml registry.",
        subcommands: [Generate.self, Lock.self, Check.self])
}
