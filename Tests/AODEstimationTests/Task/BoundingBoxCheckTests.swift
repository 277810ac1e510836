import Testing

@testable import Tasks

/// The bounding-box rules the schema cannot state, each violation pointing at its place.
@Suite("AOD: bounding box check")
struct BoundingBoxCheckTests {
    @Test func wellFormedBoxesPass() {
        #expect(BoundingBoxCheck.violations(in: [[116.0, 39.0, 116.5, 39.5], [-74.1, 40.6, -73.9, 40.8]]).isEmpty)
    }

    @Test func eachBrokenRulePointsAtItsItem() {
        let violations = BoundingBoxCheck.violations(in: [
            [116.0, 39.0, 116.5, 39.5], [10, 5, 9, 6], [10, 95, 11, 96], [10, 6, 11, 6],
        ])
        #expect(violations.map(\.pointer) == ["/bboxes/1", "/bboxes/2/1", "/bboxes/2/3", "/bboxes/3"])
        #expect(violations.map(\.code) == ["invalid_bbox", "out_of_range", "out_of_range", "invalid_bbox"])
        #expect(violations[0].message.contains("min_lon 10.0 must be less than max_lon 9.0"))
    }
}
