import Atmosphere
import Foundation
import GeoKit
import Sentinel2
import Testing

/// The synthetic Sentinel-2 catalogs: files, items, determinism, and the truth they are made from.
@Suite("Synthetic Sentinel-2 catalogs")
struct SyntheticCatalogTests {
    let folder: SyntheticTestFolder

    init() throws { folder = try SyntheticTestFolder() }

    static let sceneFiles = [
        "B02.tif", "B04.tif", "B8A.tif", "B11.tif", "B12.tif", "SCL.tif", "AOT.tif", "truth_aod.tif",
    ]

    @Test func writesTheFilesAndADecodableItemPerAreaAndDate() throws {
        let spec = SyntheticCatalogSpec(
            areas: [SyntheticFixtures.north, SyntheticFixtures.south],
            dates: [SyntheticFixtures.june, SyntheticFixtures.july],
            pixelSize: 120, aod: .uniform(0.2), seed: 7)
        let scenes = try SyntheticCatalog.write(spec, to: folder.url)
        #expect(scenes.count == 4)
        #expect(Set(scenes.map(\.id)).count == 4)
        for scene in scenes {
            let directory = scene.itemURL.deletingLastPathComponent()
            #expect(directory.lastPathComponent == scene.id)
            #expect(scene.itemURL.lastPathComponent == "\(scene.id).json")
            for file in Self.sceneFiles {
                #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent(file).path), "\(file)")
            }
            let item = try STACItem.decoded(from: Data(contentsOf: scene.itemURL))
            #expect(item.id == scene.id)
            #expect(item.properties.epsg == scene.epsg)
            #expect(abs((item.properties.cloudCover ?? -1) - scene.cloudCover) < 1e-9)
            #expect(item.assets["B02"]?.href == "B02.tif")
            #expect(item.assets["B02"]?.rasterBands?.first?.scale == 0.0001)
            #expect(item.assets["AOT"]?.rasterBands?.first?.scale == 0.001)
            #expect(item.assets["truth_aod"]?.roles == ["truth"])
            #expect(item.properties.additionalFields["taskforge:synthetic"] == .bool(true))
            #expect(item.properties.additionalFields["processing:level"] != nil)
            #expect(item.properties.platform == "sentinel-2a" && item.properties.constellation == "sentinel-2")

            let area = spec.areas[scene.epsg < 32700 ? 0 : 1]
            #expect(scene.epsg == (scene.epsg < 32700 ? 32633 : 32723))
            // The catalog reader accepts it, and the footprint covers the area.
            let read = try item.scene(itemURL: scene.itemURL)
            #expect(read.coverage(of: area) == 1)
            #expect(read.bands[.AOT] != nil)
            let ring = read.footprint[0]
            #expect(ring.first == ring.last)
            #expect(signedArea(ring) > 0, "counter-clockwise")

            // The raster is on the UTM grid of the item, at the spec's pixel size, north up.
            let raster = try Raster.open(directory.appendingPathComponent("B02.tif"))
            let transform = try #require(raster.geoTransform)
            #expect(transform.cellWidth == 120 && transform.cellHeight == -120 && transform.isNorthUp)
            #expect(transform.originX.truncatingRemainder(dividingBy: 120) == 0)
            #expect(raster.spatialReference?.authorityCode == "EPSG:\(scene.epsg)")
            #expect(raster.noDataValue() == 0)
        }
        // The folder is a catalog the task can read, every scene usable.
        let catalog = try LocalSceneCatalog(folder: folder.url)
        #expect(catalog.skipped.isEmpty)
        #expect(Set(catalog.scenes.map(\.id)) == Set(scenes.map(\.id)))
        // Acquired around 10:30 local solar time: 12°E is about 09:42 UTC, 48°W about 13:42 UTC.
        let hours = scenes.map { Calendar.utc.component(.hour, from: $0.date) }
        #expect(hours == [9, 9, 13, 13])
    }

    @Test func theSameSpecWritesTheSameBytes() throws {
        let spec = SyntheticCatalogSpec(
            areas: [SyntheticFixtures.north], dates: [SyntheticFixtures.june], aod: .smooth(mean: 0.2, amplitude: 0.1),
            seed: 42)
        let first = try SyntheticCatalog.write(spec, to: folder.sub("a"))
        let second = try SyntheticCatalog.write(spec, to: folder.sub("b"))
        #expect(first.map(\.id) == second.map(\.id))
        for (a, b) in zip(first, second) {
            #expect(try Data(contentsOf: a.itemURL) == Data(contentsOf: b.itemURL))
            for file in ["B02.tif", "SCL.tif", "truth_aod.tif"] {
                let bytesA = try Data(contentsOf: a.itemURL.deletingLastPathComponent().appendingPathComponent(file))
                let bytesB = try Data(contentsOf: b.itemURL.deletingLastPathComponent().appendingPathComponent(file))
                #expect(bytesA == bytesB, "\(file)")
            }
        }
        var other = spec
        other.seed = 43
        let third = try SyntheticCatalog.write(other, to: folder.sub("c"))
        let b02 = { (scene: SyntheticScene) in
            try Data(contentsOf: scene.itemURL.deletingLastPathComponent().appendingPathComponent("B02.tif"))
        }
        #expect(try b02(third[0]) != b02(first[0]))
    }

    @Test func theTOAOverVegetationIsTheForwardModelOfItsSurface() throws {
        let spec = SyntheticCatalogSpec(
            areas: [SyntheticFixtures.north], dates: [SyntheticFixtures.june],
            aod: .gradient(west: 0.05, east: 0.6), cloudFraction: 0.1, seed: 3)
        let scene = try #require(try SyntheticCatalog.write(spec, to: folder.url).first)
        let item = try STACItem.decoded(from: Data(contentsOf: scene.itemURL))
        let geometry = try item.scene(itemURL: scene.itemURL).geometry
        let model = try SyntheticSceneModel(spec, area: 0, date: 0)
        #expect(abs(geometry.solarZenith - model.geometry.solarZenith) < 1e-9)
        #expect(abs(geometry.relativeAzimuth - model.geometry.relativeAzimuth) < 1e-9)

        let scl = try syntheticCells(scene, "SCL.tif", as: UInt8.self)
        let truth = try syntheticCells(scene, "truth_aod.tif", as: Float.self)
        let bands: [(file: String, band: SpectralBand, value: KeyPath<SyntheticReflectance, Double>)] = [
            ("B02.tif", .blue, \.blue), ("B04.tif", .red, \.red), ("B8A.tif", .nir, \.nir),
            ("B11.tif", .swir16, \.swir16), ("B12.tif", .swir22, \.swir22),
        ]
        let dns = try bands.map { try syntheticCells(scene, $0.file, as: UInt16.self).cells }
        let vegetation = scl.cells.indices.filter { scl.cells[$0] == 4 }
        #expect(vegetation.count > scl.cells.count / 4)
        // The scenes' declared truth: the bundled 6S table, continental aerosol, US62 gases.
        let sixS = try AODLookupTable(
            table: SixSTable.bundled(), aerosol: .continental, geometry: geometry,
            gas: .standard, bands: bands.map(\.band))
        var checked = 0
        for index in stride(from: 0, to: vegetation.count, by: max(1, vegetation.count / 40)) {
            let cellIndex = vegetation[index]
            let (row, column) = cellIndex.quotientAndRemainder(dividingBy: scl.width)
            let cell = model.cell(column: column, row: row)
            #expect(cell.surfaceClass == .vegetation && cell.cloud == nil && !cell.shadow)
            #expect(abs(Double(truth.cells[cellIndex]) - cell.aod) < 1e-6)
            // Dark dense vegetation on the Kaufman ratios (±3 %).
            #expect(abs(cell.surface.blue / cell.surface.swir22 - 0.25) <= 0.25 * 0.03 + 1e-12)
            #expect(abs(cell.surface.red / cell.surface.swir22 - 0.5) <= 0.5 * 0.03 + 1e-12)
            #expect((0.02...0.08).contains(cell.surface.swir22))
            for (band, entry) in bands.enumerated() {
                let terms = sixS.terms(entry.band, aod550: Double(truth.cells[cellIndex]))
                let expected = terms.topOfAtmosphere(surface: cell.surface[keyPath: entry.value])
                let written = Double(dns[band][cellIndex]) / 10000
                #expect(abs(written - expected) <= 0.5e-4 + 1e-6, "\(entry.file) at \(column), \(row)")
            }
            checked += 1
        }
        #expect(checked >= 20)
    }

    @Test func cloudCoverWaterAndAOTMatchTheRasters() throws {
        let spec = SyntheticCatalogSpec(
            areas: [SyntheticFixtures.north], dates: [SyntheticFixtures.june],
            aod: .smooth(mean: 0.25, amplitude: 0.15), cloudFraction: 0.3, waterFraction: 0.2, seed: 11)
        let scene = try #require(try SyntheticCatalog.write(spec, to: folder.url).first)
        let model = try SyntheticSceneModel(spec, area: 0, date: 0)
        let scl = try syntheticCells(scene, "SCL.tif", as: UInt8.self)
        #expect(scl.width == model.width && scl.height == model.height)

        let clouds = scl.cells.filter { $0 == 8 || $0 == 9 }.count
        let share = 100 * Double(clouds) / Double(scl.cells.count)
        #expect(abs(share - scene.cloudCover) < 1e-9)
        #expect(abs(scene.cloudCover - 30) < 8)
        #expect(scl.cells.contains(8) && scl.cells.contains(9) && scl.cells.contains(3))
        #expect(Set(scl.cells).isSubset(of: [3, 4, 5, 6, 8, 9]))

        // Water cells (not under cloud or shadow) are SCL 6 and dark in the NIR; nothing else is 6.
        let nir = try syntheticCells(scene, "B8A.tif", as: UInt16.self).cells
        let b02 = try syntheticCells(scene, "B02.tif", as: UInt16.self).cells
        var water = 0
        var (wrongClass, brightWater, otherSix, unevenCloud) = (0, 0, 0, 0)
        for row in 0..<model.height {
            for column in 0..<model.width {
                let index = row * model.width + column
                let cell = model.cell(column: column, row: row)
                if scl.cells[index] != cell.scl { wrongClass += 1 }
                if cell.cloud == nil && !cell.shadow && cell.surfaceClass == .water {
                    water += 1
                    if nir[index] >= 300 { brightWater += 1 }
                } else if scl.cells[index] == 6 {
                    otherSix += 1
                }
                if let cloud = cell.cloud, b02[index] != nir[index] || !(0.5...0.8).contains(cloud) { unevenCloud += 1 }
            }
        }
        #expect(wrongClass == 0)
        #expect(brightWater == 0)
        #expect(otherSix == 0)
        #expect(unevenCloud == 0)
        #expect(water > 0)

        let aot = try syntheticCells(scene, "AOT.tif", as: UInt16.self).cells
        let truth = try syntheticCells(scene, "truth_aod.tif", as: Float.self).cells
        #expect(truth.indices.allSatisfy { abs(Double(aot[$0]) / 1000 - Double(truth[$0])) <= 0.001 })
        #expect(truth.allSatisfy { (0.1...0.4).contains(Double($0)) })
        #expect(Set(truth).count > 100, "a smooth field varies")
    }

    @Test func theGradientRunsFromWestToEast() throws {
        let spec = SyntheticCatalogSpec(
            areas: [SyntheticFixtures.south], dates: [SyntheticFixtures.june], pixelSize: 120,
            aod: .gradient(west: 0.1, east: 0.5), includeAOT: false, seed: 5)
        let scene = try #require(try SyntheticCatalog.write(spec, to: folder.url).first)
        let directory = scene.itemURL.deletingLastPathComponent()
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("AOT.tif").path))
        let item = try STACItem.decoded(from: Data(contentsOf: scene.itemURL))
        #expect(item.assets["AOT"] == nil)

        let truth = try syntheticCells(scene, "truth_aod.tif", as: Float.self)
        let step = 0.4 / Double(truth.width)
        for row in [0, truth.height / 2, truth.height - 1] {
            let west = Double(truth.cells[row * truth.width])
            let east = Double(truth.cells[row * truth.width + truth.width - 1])
            #expect(abs(west - (0.1 + step / 2)) < 1e-6)
            #expect(abs(east - (0.5 - step / 2)) < 1e-6)
            let line = truth.cells[(row * truth.width)..<((row + 1) * truth.width)]
            #expect(zip(line, line.dropFirst()).allSatisfy { $0 < $1 })
        }
    }

    @Test func theLandStaysAndTheCloudsMoveFromDateToDate() throws {
        let spec = SyntheticCatalogSpec(
            areas: [SyntheticFixtures.north], dates: [SyntheticFixtures.june, SyntheticFixtures.july], pixelSize: 120,
            aod: .uniform(0.15), cloudFraction: 0.2, seed: 9, cloudFractions: [0, 0.8])
        let scenes = try SyntheticCatalog.write(spec, to: folder.url)
        #expect(scenes.count == 2)
        #expect(scenes[0].cloudCover == 0)
        #expect(abs(scenes[1].cloudCover - 80) < 10)
        let first = try syntheticCells(scenes[0], "SCL.tif", as: UInt8.self).cells
        let second = try syntheticCells(scenes[1], "SCL.tif", as: UInt8.self).cells
        #expect(first.count == second.count)
        #expect(!first.contains(8) && !first.contains(9) && !first.contains(3))
        // Where the second date is clear, it sees the land of the first.
        let clear = second.indices.filter { [4, 5, 6].contains(second[$0]) }
        #expect(!clear.isEmpty)
        #expect(clear.allSatisfy { first[$0] == second[$0] })
    }

    /// Twice the signed area of a lon/lat ring (positive when counter-clockwise).
    func signedArea(_ ring: [LonLat]) -> Double {
        zip(ring, ring.dropFirst()).reduce(0) { $0 + $1.0.longitude * $1.1.latitude - $1.1.longitude * $1.0.latitude }
    }
}

extension Calendar {
    /// A Gregorian calendar in UTC.
    fileprivate static var utc: Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }
}
