import Foundation
import Sentinel2
import TaskRuntime

/// The job's input read into the catalog's terms: the boxes, the reference day and a time series
/// request per box. Input that passed the schema and the submission check always reads; anything
/// else fails the job with `invalid_input`.
struct AODRequest: Sendable {
    let boxes: [GeoBoundingBox]
    let series: [TimeSeriesRequest]

    init(_ input: AodEstimation.Input) throws {
        guard let date = Self.day(input.date) else {
            throw TaskError.permanent(.invalidInput, "date '\(input.date)' is not a day like 2024-06-01")
        }
        var boxes: [GeoBoundingBox] = []
        for (index, numbers) in input.bboxes.enumerated() {
            guard let box = GeoBoundingBox(numbers) else {
                throw TaskError.permanent(
                    .invalidInput, "bboxes[\(index)] \(numbers) is not [min_lon, min_lat, max_lon, max_lat]")
            }
            boxes.append(box)
        }
        self.boxes = boxes
        series = boxes.map { box in
            TimeSeriesRequest(
                bbox: box, date: date, numSteps: input.numSteps, temporalStepDays: input.temporalStep,
                temporalToleranceDays: input.temporalTolerance, maxCloudCover: input.cloudCoverage)
        }
    }

    /// Midnight UTC of a `yyyy-MM-dd` day.
    static func day(_ text: String) -> Date? {
        let parts = text.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let components = DateComponents(year: parts[0], month: parts[1], day: parts[2])
        guard components.isValidDate(in: calendar) else { return nil }
        return calendar.date(from: components)
    }

    /// `yyyy-MM-dd` of a day, in UTC.
    static func dayString(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
    }
}
