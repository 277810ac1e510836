import Foundation

/// Chooses one scene per step of a time series.
public enum ScenePicker {
    /// Coverage of the request box from which a scene counts as covering it fully.
    public static let fullCoverageThreshold = 0.99

    /// For every step k (target day = day of `request.date` − k · `temporalStepDays`):
    /// candidates are the source's scenes intersecting the box whose UTC day is at most
    /// `temporalToleranceDays` from the target day (both ends inclusive); usable candidates have
    /// `cloudCover ≤ maxCloudCover`. Among usable scenes the choice prefers, in order: covering the box
    /// fully (coverage ≥ `fullCoverageThreshold`), lower cloud cover, fewer days from the target day, smaller id.
    /// Steps are chosen independently, so one scene may serve several steps when their windows overlap.
    /// - Returns: One selection per step, step 0 first.
    /// - Throws: `SelectionError.invalidRequest` for out-of-range request values, and whatever the source throws.
    public static func select(
        _ request: TimeSeriesRequest, from source: any SceneSource
    ) async throws -> [StepSelection] {
        if let reason = request.invalidReason { throw SelectionError.invalidRequest(reason) }
        let earliest = UTCCalendar.adding(
            days: -request.temporalToleranceDays, to: request.targetDate(step: request.numSteps - 1))
        let latest = UTCCalendar.adding(days: request.temporalToleranceDays, to: request.date)
        let scenes = try await source.scenes(intersecting: request.bbox, acquiredFrom: earliest, through: latest)
        let rankings = scenes.map { SceneRanking(scene: $0, coverage: $0.coverage(of: request.bbox)) }
        return (0..<request.numSteps).map { step in
            select(step: step, of: request, among: rankings)
        }
    }

    private static func select(
        step: Int, of request: TimeSeriesRequest, among rankings: [SceneRanking]
    ) -> StepSelection {
        let target = request.targetDate(step: step)
        let candidates = rankings.filter {
            abs(UTCCalendar.days(from: target, to: $0.scene.datetime)) <= request.temporalToleranceDays
        }
        let usable = candidates.filter { $0.scene.cloudCover <= request.maxCloudCover }
        let best = usable.min { $0.isPreferred(over: $1, target: target) }
        return StepSelection(
            step: step, targetDate: target, scene: best?.scene, candidates: candidates.count,
            reason: best == nil ? noSceneReason(candidates: candidates, target: target, request: request) : nil)
    }

    private static func noSceneReason(candidates: [SceneRanking], target: Date, request: TimeSeriesRequest) -> String {
        let window = "within ±\(request.temporalToleranceDays) days of \(UTCCalendar.dayString(target))"
        guard let leastCloudy = candidates.map(\.scene.cloudCover).min() else { return "no scene \(window)" }
        let count = candidates.count == 1 ? "1 scene" : "\(candidates.count) scenes"
        let all = candidates.count == 1 ? "" : "all "
        return
            "\(count) \(window), \(all)above \(percent(request.maxCloudCover)) cloud cover (least \(String(format: "%.1f", leastCloudy))%)"
    }

    /// `15%` for whole numbers, `15.5%` otherwise.
    private static func percent(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? "\(Int(value))%" : "\(value)%"
    }
}
