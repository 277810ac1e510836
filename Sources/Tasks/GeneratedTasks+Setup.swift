import TaskRuntime

extension GeneratedTasks {
    /// What the tasks of `tasks.yaml` need from the process, read once at start from `environment`:
    /// the `search` task's provider, checks and settings (``SearchConfiguration``) and the scene
    /// catalog of `aod_estimation` (``AODConfiguration``).
    public static func setup(environment: [String: String]) throws -> TaskSetup {
        var setup = TaskSetup()
        try SearchConfiguration(environment: environment).install(into: &setup)
        AODConfiguration(environment: environment).install(into: &setup)
        return setup
    }
}
