import TaskforgeCommands

/// The executable: Taskforge's command line (`serve`, `worker`, `submit count_words ...`, `jobs`)
/// over the tasks of this package's tasks.yaml.
@main
enum WordCount {
    static func main() async {
        await TaskforgeCommand<GeneratedTasks>.main()
    }
}

extension GeneratedTasks: TaskApplication {}
