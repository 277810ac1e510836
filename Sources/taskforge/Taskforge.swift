import TaskforgeCommands
import Tasks

/// The `taskforge` executable: the commands of TaskforgeCommands serving the tasks of tasks.yaml.
@main
enum Taskforge {
    static func main() async {
        await TaskforgeCommand<GeneratedTasks>.main()
    }
}

extension GeneratedTasks: TaskApplication {}
