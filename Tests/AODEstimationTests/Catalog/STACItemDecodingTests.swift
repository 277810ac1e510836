import Atmosphere
import Foundation
import Sentinel2
import Testing

@Suite("STAC item decoding")
struct STACItemDecodingTests {
    @Test("an Earth Search item becomes a scene with raster:bands scaling, view angles and relative hrefs")
    func earthSearchItem() async throws {
        try await withCatalogTestFolder { folder in
            try folder.touch(STACFixtures.earthSearchFiles.map { "items/\($0)" })
            let itemURL = try folder.write(STACFixtures.earthSearchItem(), to: "items/item.json")
            let scene = try STACItem.decoded(from: Data(contentsOf: itemURL)).scene(itemURL: itemURL)

            #expect(scene.id == "S2B_33UUU_20240520_0_L2A")
            #expect(abs(scene.datetime.timeIntervalSince(STACFixtures.utc(2024, 5, 20, 10, 16, 19)) - 0.024) < 1e-6)
            #expect(scene.cloudCover == 12.5)
            #expect(scene.epsg == 32633)
            #expect(scene.bbox == GeoBoundingBox(minLongitude: 13, minLatitude: 52, maxLongitude: 14, maxLatitude: 53))
            #expect(scene.footprint.count == 1)
            #expect(scene.footprint.first?.count == 5)
            #expect(Set(scene.bands.keys) == Set(SentinelBand.allCases))
            #expect(scene.hasAOT)

            let blue = try #require(scene.bands[.B02])
            #expect(
                blue.url.standardizedFileURL.path
                    == itemURL.deletingLastPathComponent().appendingPathComponent("B02.tif").standardizedFileURL.path)
            #expect(blue.scale == 0.0001)
            #expect(blue.offset == -0.1)
            #expect(blue.nodata == 0)
            let scl = try #require(scene.bands[.SCL])
            #expect(scl.scale == 1)
            #expect(scl.offset == 0)
            #expect(scl.nodata == 0)
            let aot = try #require(scene.bands[.AOT])
            #expect(aot.scale == 0.001)
            #expect(aot.offset == 0)
            #expect(scene.hasWVP)
            let wvp = try #require(scene.bands[.WVP])
            #expect(wvp.scale == 0.001)
            #expect(wvp.offset == 0)

            #expect(abs(scene.geometry.solarZenith - 35) < 1e-9)
            #expect(scene.geometry.viewZenith == 5.5)
            #expect(abs(scene.geometry.relativeAzimuth - 130) < 1e-9)
        }
    }

    @Test("a Planetary Computer item becomes a scene with default scaling, s2 angles and file:// hrefs")
    func planetaryComputerItem() async throws {
        try await withCatalogTestFolder { folder in
            try folder.touch([
                "data/B02.tif", "data/B04.tif", "data/B8A.tif", "data/B12.tif", "data/SCL.tif", "data/WVP.tif",
            ])
            let prefix = folder.url.appendingPathComponent("data").absoluteString + "/"
            #expect(prefix.hasPrefix("file://"))
            let itemURL = try folder.write(STACFixtures.planetaryComputerItem(hrefPrefix: prefix), to: "pc/item.json")
            let scene = try STACItem.decoded(from: Data(contentsOf: itemURL)).scene(itemURL: itemURL)

            #expect(scene.cloudCover == 3.25)
            #expect(scene.epsg == 32633)
            #expect(scene.footprint.count == 2)
            #expect(Set(scene.bands.keys) == Set(SentinelBand.required + [.WVP]))
            #expect(!scene.hasAOT)
            // Without raster:bands, WVP is read as L2A defines it: DN / 1000 cm.
            #expect(scene.bands[.WVP]?.scale == 0.001)
            #expect(scene.bands[.WVP]?.offset == 0)
            let nir = try #require(scene.bands[.B8A])
            #expect(nir.url.path.hasSuffix("/data/B8A.tif"))
            #expect(FileManager.default.fileExists(atPath: nir.url.path))
            #expect(nir.scale == 0.0001)
            #expect(nir.offset == -0.1)
            #expect(nir.nodata == 0)
            #expect(scene.bands[.SCL]?.scale == 1)
            #expect(scene.geometry.solarZenith == 35.2)
            #expect(scene.geometry.viewZenith == 0)
            #expect(scene.geometry.relativeAzimuth == 0)
        }
    }

    @Test("reflectance offset is 0 without raster:bands when the processing baseline is older than 04.00 or unknown")
    func planetaryComputerOldBaseline() async throws {
        try await withCatalogTestFolder { folder in
            try folder.touch(["B02.tif", "B04.tif", "B8A.tif", "B12.tif", "SCL.tif"])
            for baseline in ["03.01", nil] {
                let text = STACFixtures.planetaryComputerItem(hrefPrefix: "", processingBaseline: baseline)
                let itemURL = try folder.write(text, to: "item.json")
                let scene = try STACItem.decoded(from: Data(contentsOf: itemURL)).scene(itemURL: itemURL)
                #expect(scene.bands[.B02]?.offset == 0)
                #expect(scene.bands[.B02]?.scale == 0.0001)
            }
        }
    }

    @Test("sun angles missing from the item are computed at the bbox centre")
    func computedSunAngles() async throws {
        try await withCatalogTestFolder { folder in
            try folder.touch(STACFixtures.earthSearchFiles)
            let itemURL = folder.url.appendingPathComponent("item.json")
            var item = try STACItem.decoded(from: Data(STACFixtures.earthSearchItem().utf8))
            item.properties.sunElevation = nil
            item.properties.sunAzimuth = nil
            item.properties.viewAzimuth = 100
            let scene = try item.scene(itemURL: itemURL)
            let sun = SolarPosition.at(scene.datetime, longitude: 13.5, latitude: 52.5)
            #expect(abs(scene.geometry.solarZenith - sun.zenith) < 1e-9)
            var expectedRelative = abs(sun.azimuth - 100).truncatingRemainder(dividingBy: 360)
            if expectedRelative > 180 { expectedRelative = 360 - expectedRelative }
            #expect(abs(scene.geometry.relativeAzimuth - expectedRelative) < 1e-9)
        }
    }

    @Test("proj:code gives the EPSG code when proj:epsg is absent")
    func projectionCode() async throws {
        try await withCatalogTestFolder { folder in
            try folder.touch(STACFixtures.earthSearchFiles)
            var item = try STACItem.decoded(from: Data(STACFixtures.earthSearchItem().utf8))
            item.properties.epsg = nil
            item.properties.projectionCode = "EPSG:32632"
            #expect(try item.scene(itemURL: folder.url.appendingPathComponent("item.json")).epsg == 32632)
        }
    }

    @Test("decoding keeps unknown keys and encoding is deterministic")
    func roundTrip() throws {
        let item = try STACItem.decoded(from: Data(STACFixtures.earthSearchItem().utf8))
        #expect(item.properties.additionalFields["grid:code"] == .string("MGRS-33UUU"))
        #expect(item.assets["blue"]?.additionalFields["gsd"] == .integer(10))
        #expect(item.assets["blue"]?.rasterBands?.first?.additionalFields["bits_per_sample"] == .integer(15))
        #expect(item.links.count == 1)
        let encoded = try item.encoded()
        #expect(try STACItem.decoded(from: encoded) == item)
        #expect(try STACItem.decoded(from: encoded).encoded() == encoded)
    }

    @Test("an item built for writing reads back as the same scene values")
    func writtenItem() async throws {
        try await withCatalogTestFolder { folder in
            try folder.touch(STACFixtures.earthSearchFiles)
            let assets = Dictionary(
                uniqueKeysWithValues: zip(SentinelBand.allCases, STACFixtures.earthSearchFiles).map {
                    (
                        $0.0.assetKeys[0],
                        STACAsset(href: $0.1, rasterBands: [RasterBandInfo(scale: 0.0001, offset: 0, nodata: 0)])
                    )
                })
            let footprint = [
                LonLat(longitude: 10, latitude: 50), LonLat(longitude: 11, latitude: 50),
                LonLat(longitude: 11, latitude: 51), LonLat(longitude: 10, latitude: 51),
            ]
            let item = STACItem(
                id: "S2A_SYNTHETIC_1", datetime: STACFixtures.utc(2024, 5, 20, 10, 30), cloudCover: 7,
                footprint: footprint, epsg: 32632, solarZenith: 40, solarAzimuth: 150, viewZenith: 3, viewAzimuth: 100,
                assets: assets)
            let itemURL = try folder.write(String(decoding: try item.encoded(), as: UTF8.self), to: "item.json")
            let scene = try STACItem.decoded(from: Data(contentsOf: itemURL)).scene(itemURL: itemURL)
            #expect(scene.datetime == STACFixtures.utc(2024, 5, 20, 10, 30))
            #expect(scene.cloudCover == 7)
            #expect(scene.bbox == GeoBoundingBox(minLongitude: 10, minLatitude: 50, maxLongitude: 11, maxLatitude: 51))
            #expect(scene.footprint.first?.count == 5)
            #expect(abs(scene.geometry.solarZenith - 40) < 1e-9)
            #expect(scene.geometry.viewZenith == 3)
            #expect(abs(scene.geometry.relativeAzimuth - 50) < 1e-9)
            #expect(scene.bands.count == SentinelBand.allCases.count)
        }
    }

    @Test(
        "RFC 3339 timestamps with and without fractions and offsets",
        arguments: [
            ("2024-05-20T10:16:19Z", 0.0),
            ("2024-05-20T10:16:19.5Z", 0.5),
            ("2024-05-20T10:16:19.024000Z", 0.024),
            ("2024-05-20T12:16:19+02:00", 0.0),
            ("2024-05-20T08:46:19.25-01:30", 0.25),
        ])
    func timestamps(text: String, fraction: Double) throws {
        let date = try #require(RFC3339.date(from: text))
        let expected = STACFixtures.utc(2024, 5, 20, 10, 16, 19).addingTimeInterval(fraction)
        #expect(abs(date.timeIntervalSince(expected)) < 1e-6)
    }

    @Test(
        "text that is not RFC 3339 is rejected",
        arguments: ["2024-05-20", "2024-05-20T10:16:19", "2024-02-30T00:00:00Z", "yesterday"])
    func badTimestamps(text: String) {
        #expect(RFC3339.date(from: text) == nil)
    }
}
