import Foundation

/// What to look for: one box, a reference UTC day, the time series of steps going back from it,
/// and the limits a scene must meet.
public struct TimeSeriesRequest: Sendable, Hashable {
    /// The area of interest.
    public var bbox: GeoBoundingBox
    /// The reference date; only its UTC day matters. Step 0 targets this day.
    public var date: Date
    /// Number of steps (≥ 1).
    public var numSteps: Int
    /// Days between consecutive steps (≥ 0).
    public var temporalStepDays: Int
    /// Largest distance in UTC days between a scene and its step's target day (≥ 0, inclusive).
    public var temporalToleranceDays: Int
    /// Largest usable cloud cover in percent (inclusive).
    public var maxCloudCover: Double

    /// A request from its parts; `ScenePicker.select` rejects values out of range.
    public init(
        bbox: GeoBoundingBox, date: Date, numSteps: Int, temporalStepDays: Int, temporalToleranceDays: Int,
        maxCloudCover: Double
    ) {
        self.bbox = bbox
        self.date = date
        self.numSteps = numSteps
        self.temporalStepDays = temporalStepDays
        self.temporalToleranceDays = temporalToleranceDays
        self.maxCloudCover = maxCloudCover
    }

    /// Midnight UTC of the target day of `step`: the day of `date` minus `step · temporalStepDays` days.
    public func targetDate(step: Int) -> Date {
        UTCCalendar.adding(days: -step * temporalStepDays, to: date)
    }

    /// Why the request cannot be served, or nil when every value is in range.
    public var invalidReason: String? {
        if !bbox.isValid { return "bbox \(bbox.array) is not a valid lon/lat box" }
        if numSteps < 1 { return "num_steps must be at least 1 (got \(numSteps))" }
        if temporalStepDays < 0 { return "temporal_step must not be negative (got \(temporalStepDays))" }
        if temporalToleranceDays < 0 { return "temporal_tolerance must not be negative (got \(temporalToleranceDays))" }
        if !maxCloudCover.isFinite { return "cloud_coverage must be a finite number" }
        return nil
    }
}
