import TaskRuntime

extension RemoteJob {
    /// The job with the `state`, `stage` and `progress` that `event` reports.
    func applying(_ event: StreamedEvent) -> RemoteJob {
        var members = json.objectValue ?? [:]
        for key in ["state", "stage", "progress"] {
            if let value = event.data[key] { members[key] = value }
        }
        return RemoteJob(.object(members))
    }
}
