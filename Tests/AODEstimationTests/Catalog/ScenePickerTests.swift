import Atmosphere
import Foundation
import Sentinel2
import Testing

@Suite("Scene picker")
struct ScenePickerTests {
    /// The footprint every full-coverage scene has: lon 10...12, lat 50...52.
    private static let fullFootprint = GeoBoundingBox(
        minLongitude: 10, minLatitude: 50, maxLongitude: 12, maxLatitude: 52)
    /// The request box, inside `fullFootprint`.
    private static let box = GeoBoundingBox(
        minLongitude: 10.5, minLatitude: 50.5, maxLongitude: 11.5, maxLatitude: 51.5)

    private func scene(
        _ id: String, _ month: Int, _ day: Int, hour: Int = 10, minute: Int = 0, cloud: Double,
        footprint: GeoBoundingBox = ScenePickerTests.fullFootprint
    ) -> Scene {
        var ring = footprint.corners
        ring.append(ring[0])
        return Scene(
            id: id, datetime: STACFixtures.utc(2024, month, day, hour, minute), cloudCover: cloud, footprint: [ring],
            bbox: footprint, epsg: 32632,
            geometry: SunViewGeometry(solarZenith: 35, viewZenith: 3, relativeAzimuth: 60),
            bands: [:], itemURL: URL(fileURLWithPath: "/catalog/\(id).json"))
    }

    private func request(
        steps: Int = 1, stepDays: Int = 10, tolerance: Int = 3, maxCloud: Double = 15
    ) -> TimeSeriesRequest {
        TimeSeriesRequest(
            bbox: Self.box, date: STACFixtures.utc(2024, 5, 22, 15), numSteps: steps, temporalStepDays: stepDays,
            temporalToleranceDays: tolerance, maxCloudCover: maxCloud)
    }

    private func select(_ request: TimeSeriesRequest, _ scenes: [Scene]) async throws -> [StepSelection] {
        try await ScenePicker.select(request, from: StaticSceneSource(scenes: scenes))
    }

    @Test("the least cloudy scene within the tolerance wins")
    func leastCloudyWins() async throws {
        let scenes = [
            scene("S2A_A", 5, 21, cloud: 10),
            scene("S2B_B", 5, 24, cloud: 5),
            scene("S2A_C", 5, 26, cloud: 1),
        ]
        let selections = try await select(request(), scenes)
        #expect(selections.count == 1)
        #expect(selections[0].scene?.id == "S2B_B")
        #expect(selections[0].candidates == 2)
        #expect(selections[0].reason == nil)
        #expect(selections[0].targetDate == STACFixtures.utc(2024, 5, 22))
    }

    @Test("scenes exactly tolerance days away count, whatever their time of day")
    func toleranceBoundaryInclusive() async throws {
        let early = try await select(request(), [scene("S2A_EARLY", 5, 19, hour: 0, minute: 1, cloud: 5)])
        #expect(early[0].scene?.id == "S2A_EARLY")
        let late = try await select(request(), [scene("S2A_LATE", 5, 25, hour: 23, minute: 59, cloud: 5)])
        #expect(late[0].scene?.id == "S2A_LATE")
    }

    @Test("scenes more than tolerance days away do not count")
    func toleranceBoundaryExclusive() async throws {
        let scenes = [
            scene("S2A_BEFORE", 5, 18, hour: 23, minute: 59, cloud: 5), scene("S2A_AFTER", 5, 26, hour: 0, cloud: 5),
        ]
        let selections = try await select(request(), scenes)
        #expect(selections[0].scene == nil)
        #expect(selections[0].candidates == 0)
        #expect(selections[0].reason == "no scene within ±3 days of 2024-05-22")
    }

    @Test("when every candidate is too cloudy the reason says so")
    func cloudLimitReason() async throws {
        let selections = try await select(
            request(), [scene("S2A_X", 5, 21, cloud: 60), scene("S2B_Y", 5, 23, cloud: 42)])
        #expect(selections[0].scene == nil)
        #expect(selections[0].candidates == 2)
        #expect(
            selections[0].reason == "2 scenes within ±3 days of 2024-05-22, all above 15% cloud cover (least 42.0%)")
    }

    @Test("a scene at the cloud limit is usable")
    func cloudLimitInclusive() async throws {
        let selections = try await select(request(), [scene("S2A_X", 5, 21, cloud: 15)])
        #expect(selections[0].scene?.id == "S2A_X")
    }

    @Test("a scene covering the whole box beats a less cloudy partial one")
    func fullCoveragePreferred() async throws {
        let partial = GeoBoundingBox(minLongitude: 11, minLatitude: 50, maxLongitude: 13, maxLatitude: 52)
        let scenes = [scene("S2A_PARTIAL", 5, 22, cloud: 1, footprint: partial), scene("S2B_FULL", 5, 22, cloud: 10)]
        let selections = try await select(request(), scenes)
        #expect(selections[0].scene?.id == "S2B_FULL")
        #expect(selections[0].candidates == 2)
    }

    @Test("with equal cloud cover the scene closer in time wins")
    func closerInTimeWins() async throws {
        let scenes = [scene("S2A_FAR", 5, 19, cloud: 5), scene("S2B_NEAR", 5, 23, cloud: 5)]
        let selections = try await select(request(), scenes)
        #expect(selections[0].scene?.id == "S2B_NEAR")
    }

    @Test("steps go back temporal_step days each, and a step without scenes is reported while others are chosen")
    func stepsGoBack() async throws {
        let scenes = [
            scene("S2A_STEP0", 5, 22, cloud: 5),
            scene("S2A_STEP2", 5, 3, cloud: 8),
            scene("S2B_STEP2_CLOUDY", 5, 2, cloud: 80),
        ]
        let selections = try await select(request(steps: 3, stepDays: 10, tolerance: 2), scenes)
        #expect(selections.map(\.step) == [0, 1, 2])
        #expect(
            selections.map(\.targetDate) == [
                STACFixtures.utc(2024, 5, 22), STACFixtures.utc(2024, 5, 12), STACFixtures.utc(2024, 5, 2),
            ])
        #expect(selections[0].scene?.id == "S2A_STEP0")
        #expect(selections[1].scene == nil)
        #expect(selections[1].reason == "no scene within ±2 days of 2024-05-12")
        #expect(selections[2].scene?.id == "S2A_STEP2")
        #expect(selections[2].candidates == 2)
    }

    @Test("one scene may serve several steps when their windows overlap")
    func overlappingWindows() async throws {
        let selections = try await select(
            request(steps: 2, stepDays: 2, tolerance: 2), [scene("S2A_SHARED", 5, 21, cloud: 5)])
        #expect(selections.map { $0.scene?.id } == ["S2A_SHARED", "S2A_SHARED"])
    }

    @Test("out-of-range requests are rejected")
    func invalidRequest() async throws {
        await #expect(throws: SelectionError.self) {
            try await select(request(steps: 0), [])
        }
        await #expect(throws: SelectionError.self) {
            try await select(request(tolerance: -1), [])
        }
    }
}
