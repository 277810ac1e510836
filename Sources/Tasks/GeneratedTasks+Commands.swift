import ArgumentParser

extension GeneratedTasks {
    /// The application's own commands: `taskforge data synth-s2` (``DataCommand``).
    public static var commands: [any ParsableCommand.Type] { [DataCommand.self] }
}
