import Atmosphere
import Foundation
import Sentinel2
import Testing

@Suite("Scene coverage")
struct SceneCoverageTests {
    private func scene(footprint: [[LonLat]]) throws -> Scene {
        let box = try #require(GeoBoundingBox(enclosing: footprint.flatMap { $0 }))
        return Scene(
            id: "S2A_COVERAGE", datetime: STACFixtures.utc(2024, 5, 20, 10), cloudCover: 0, footprint: footprint,
            bbox: box, epsg: nil, geometry: SunViewGeometry(solarZenith: 30, viewZenith: 0, relativeAzimuth: 0),
            bands: [:], itemURL: URL(fileURLWithPath: "/catalog/item.json"))
    }

    private func square(_ minLon: Double, _ minLat: Double, _ maxLon: Double, _ maxLat: Double) -> [LonLat] {
        [
            LonLat(longitude: minLon, latitude: minLat), LonLat(longitude: maxLon, latitude: minLat),
            LonLat(longitude: maxLon, latitude: maxLat), LonLat(longitude: minLon, latitude: maxLat),
            LonLat(longitude: minLon, latitude: minLat),
        ]
    }

    @Test("a box inside the footprint is fully covered")
    func inside() throws {
        let scene = try scene(footprint: [square(10, 50, 12, 52)])
        let box = GeoBoundingBox(minLongitude: 10.5, minLatitude: 50.5, maxLongitude: 11.5, maxLatitude: 51.5)
        #expect(scene.coverage(of: box) == 1)
        #expect(scene.intersects(box))
    }

    @Test("a box half outside the footprint is half covered")
    func halfOutside() throws {
        let scene = try scene(footprint: [square(10, 50, 12, 52)])
        let box = GeoBoundingBox(minLongitude: 11.5, minLatitude: 50.5, maxLongitude: 12.5, maxLatitude: 51.5)
        #expect(abs(scene.coverage(of: box) - 0.5) < 0.02)
        #expect(scene.intersects(box))
    }

    @Test("a box away from the footprint is not covered and does not intersect")
    func outside() throws {
        let scene = try scene(footprint: [square(10, 50, 12, 52)])
        let box = GeoBoundingBox(minLongitude: 13, minLatitude: 50.5, maxLongitude: 14, maxLatitude: 51.5)
        #expect(scene.coverage(of: box) == 0)
        #expect(!scene.intersects(box))
    }

    @Test("a diagonal footprint edge crossing the box counts as intersecting")
    func diagonalEdge() throws {
        let triangle = [
            LonLat(longitude: 10, latitude: 50), LonLat(longitude: 12, latitude: 50),
            LonLat(longitude: 10, latitude: 52), LonLat(longitude: 10, latitude: 50),
        ]
        let scene = try scene(footprint: [triangle])
        let box = GeoBoundingBox(minLongitude: 10.9, minLatitude: 50.9, maxLongitude: 11.2, maxLatitude: 51.2)
        #expect(scene.intersects(box))
        let coverage = scene.coverage(of: box)
        #expect(coverage > 0 && coverage < 1)
    }

    @Test("the parts of a MultiPolygon footprint all count")
    func multiPolygon() throws {
        let scene = try scene(footprint: [square(10, 50, 11, 52), square(11, 50, 12, 52)])
        let box = GeoBoundingBox(minLongitude: 10.5, minLatitude: 50.5, maxLongitude: 11.5, maxLatitude: 51.5)
        #expect(scene.coverage(of: box) == 1)
    }

    @Test("bounding boxes from arrays are validated")
    func boundingBoxes() {
        #expect(GeoBoundingBox([10, 50, 11, 51]) != nil)
        #expect(GeoBoundingBox([10, 50, 0, 11, 51, 100]) == GeoBoundingBox([10, 50, 11, 51]))
        #expect(GeoBoundingBox([11, 50, 10, 51]) == nil)
        #expect(GeoBoundingBox([10, 50, 190, 51]) == nil)
        #expect(GeoBoundingBox([10, 50, 11]) == nil)
    }
}
