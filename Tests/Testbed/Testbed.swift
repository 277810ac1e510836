import TaskforgeCommands

/// `taskforge-testbed`: the taskforge command line over the test-only tasks of this directory's
/// tasks.yaml, run as real processes by the reliability tests.
@main
enum Testbed {
    static func main() async {
        await TaskforgeCommand<GeneratedTasks>.main()
    }
}

extension GeneratedTasks: TaskApplication {}
