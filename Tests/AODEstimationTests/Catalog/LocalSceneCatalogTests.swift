import Foundation
import Sentinel2
import Testing

@Suite("Local scene catalog")
struct LocalSceneCatalogTests {
    @Test("items are found recursively and unusable JSON files are skipped with reasons")
    func skipsWithReasons() async throws {
        try await withCatalogTestFolder { folder in
            try folder.touch(STACFixtures.earthSearchFiles.map { "tiles/33UUU/\($0)" })
            try folder.write(STACFixtures.earthSearchItem(id: "S2B_GOOD"), to: "tiles/33UUU/good.json")
            try folder.write(#"{"hello": "world"}"#, to: "other.json")
            try folder.write(
                #"{"type": "Collection", "stac_version": "1.0.0", "id": "sentinel-2-l2a"}"#, to: "collection.json")
            try folder.write(
                STACFixtures.earthSearchItem(id: "S2B_NO_B12", omitting: ["swir22"]), to: "tiles/33UUU/no-b12.json")
            try folder.write(
                STACFixtures.earthSearchItem(id: "S2B_NO_FILE", replacingHrefs: ["red": "./missing/B04.tif"]),
                to: "tiles/33UUU/no-file.json")
            try folder.write(
                STACFixtures.earthSearchItem(id: "S2B_HTTP", replacingHrefs: ["blue": "https://example.com/B02.tif"]),
                to: "tiles/33UUU/http.json")
            try folder.write(#"{"type": "Feature", "stac_version": "#, to: "broken.json")
            try folder.write("not an item", to: "tiles/33UUU/notes.txt")

            let catalog = try LocalSceneCatalog(folder: folder.url)

            #expect(catalog.scenes.map(\.id) == ["S2B_GOOD"])
            let reasons = Dictionary(
                uniqueKeysWithValues: catalog.skipped.map { ($0.url.lastPathComponent, $0.reason) })
            #expect(reasons.count == 6)
            #expect(reasons["other.json"]?.hasPrefix("not a STAC Item") == true)
            #expect(reasons["collection.json"] == #"not a STAC Item (type "Collection")"#)
            #expect(reasons["no-b12.json"]?.contains("missing required band B12") == true)
            #expect(reasons["no-file.json"]?.contains("band B04 file") == true)
            #expect(reasons["no-file.json"]?.contains("does not exist") == true)
            #expect(reasons["http.json"]?.contains("https://example.com/B02.tif") == true)
            #expect(reasons["http.json"]?.contains("remote") == true)
            #expect(reasons["broken.json"] == "malformed JSON")
        }
    }

    @Test("an optional band whose file is missing is left out of the scene")
    func optionalBandMissing() async throws {
        try await withCatalogTestFolder { folder in
            try folder.touch(STACFixtures.earthSearchFiles.filter { $0 != "AOT.tif" })
            try folder.write(STACFixtures.earthSearchItem(), to: "item.json")
            let catalog = try LocalSceneCatalog(folder: folder.url)
            let scene = try #require(catalog.scenes.first)
            #expect(!scene.hasAOT)
            #expect(catalog.skipped.isEmpty)
        }
    }

    @Test("a second file with the same item id is skipped as a duplicate")
    func duplicates() async throws {
        try await withCatalogTestFolder { folder in
            try folder.touch(
                STACFixtures.earthSearchFiles.map { "a/\($0)" } + STACFixtures.earthSearchFiles.map { "b/\($0)" })
            try folder.write(STACFixtures.earthSearchItem(), to: "a/item.json")
            try folder.write(STACFixtures.earthSearchItem(), to: "b/item.json")
            let catalog = try LocalSceneCatalog(folder: folder.url)
            #expect(catalog.scenes.count == 1)
            #expect(catalog.skipped.first?.reason.hasPrefix("duplicate of item") == true)
        }
    }

    @Test("a folder that does not exist is a clear error")
    func missingFolder() {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "no-such-catalog-\(UUID().uuidString)")
        #expect(throws: CatalogError.folderNotFound(folder)) {
            try LocalSceneCatalog(folder: folder)
        }
    }

    @Test("search filters by footprint and by UTC days, both ends inclusive")
    func search() async throws {
        try await withCatalogTestFolder { folder in
            try folder.touch(STACFixtures.earthSearchFiles)
            try folder.write(STACFixtures.earthSearchItem(datetime: "2024-05-20T23:30:00Z"), to: "item.json")
            let catalog = try LocalSceneCatalog(folder: folder.url)
            let inside = GeoBoundingBox(minLongitude: 13.2, minLatitude: 52.2, maxLongitude: 13.4, maxLatitude: 52.4)
            let outside = GeoBoundingBox(minLongitude: 15.2, minLatitude: 52.2, maxLongitude: 15.4, maxLatitude: 52.4)
            let day = STACFixtures.utc(2024, 5, 20)
            let previousDay = STACFixtures.utc(2024, 5, 19, 12)
            let nextDay = STACFixtures.utc(2024, 5, 21)

            #expect(try await catalog.scenes(intersecting: inside, acquiredFrom: day, through: day).count == 1)
            #expect(
                try await catalog.scenes(intersecting: inside, acquiredFrom: previousDay, through: previousDay).isEmpty)
            #expect(try await catalog.scenes(intersecting: inside, acquiredFrom: nextDay, through: nextDay).isEmpty)
            #expect(
                try await catalog.scenes(intersecting: outside, acquiredFrom: previousDay, through: nextDay).isEmpty)
        }
    }
}
