extension RegistryChecks {
    /// Every schedule's `input` must be a valid input of its task (before defaults, as a submission).
    func checkScheduleInputs(excluding recursive: Set<String>) {
        let resolvable = Registry(
            file: registry.file, types: registry.types.filter { !recursive.contains($0.name) }, tasks: [])
        for task in registry.tasks where !task.schedules.isEmpty {
            let schema = resolvable.resolvingRefs(in: task.input)
            for schedule in task.schedules {
                for violation in schema.validate(schedule.input) {
                    let place = violation.pointer.isEmpty ? "" : " at '\(violation.pointer)'"
                    context.error(
                        "schedule input is not a valid input of task '\(task.name)'\(place): \(violation.message)",
                        at: schedule.location)
                }
            }
        }
    }
}
