import TaskServer

extension GeneratedTasks {
    /// The seed services' routes (docs/compat.md); `serve --no-compat seed000` leaves one out.
    public static var routeProfiles: [any RouteProfile] { CompatProfiles.all }
}
