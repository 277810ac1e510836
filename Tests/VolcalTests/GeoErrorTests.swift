import Foundation
import GeoKit
import Testing

/// GDAL's failures reach Swift as GeoError, with every message and its number.
@Suite("GeoKit: GDAL errors")
struct GeoErrorTests {
    @Test func aFailedOpenCarriesGDALsMessageAndNumber() throws {
        let error = #expect(throws: GeoError.self) { try Raster.open(URL(fileURLWithPath: "/nonexistent/dem.tif")) }
        // CPLE_OpenFailed is 4.
        #expect(error?.messages.contains { $0.severity == .failure && $0.number == 4 } == true)
        #expect(error?.description.contains("/nonexistent/dem.tif") == true)
    }

    @Test func anUnknownCRSIsAnErrorNotACrash() throws {
        let error = #expect(throws: GeoError.self) { try SpatialReference(epsg: 999_999) }
        #expect(error?.messages.isEmpty == false)
        #expect(try SpatialReference(epsg: 32633).authorityCode == "EPSG:32633")
    }
}
