import Atmosphere
import Foundation
import GeoKit

/// Everything about one synthetic scene (an area on a date) except its files: the UTM grid, the
/// acquisition time, the sun and view angles, the land, the clouds and the aerosol truth of every
/// cell. ``SyntheticCatalog`` writes scenes from it; tests use it to know what a cell should hold.
public struct SyntheticSceneModel: Sendable {
    /// The view zenith angle of every synthetic scene, degrees.
    public static let viewZenith = 5.0
    /// The view azimuth of every synthetic scene, degrees clockwise from north.
    public static let viewAzimuth = 100.0
    /// The height of the clouds above ground that casts their shadows, metres.
    public static let cloudHeight = 600.0
    /// The factor shadowed surfaces are darkened by (60 % darker).
    public static let shadowFactor = 0.4

    /// The scene id, such as `S2SYN_20240615_33N_E0283_N4990`: the day, the UTM zone and the grid's
    /// north-west corner in kilometres, so that scenes of different areas and specs written into one
    /// folder never share an id.
    public let id: String
    /// The index of the area in the spec.
    public let areaIndex: Int
    /// The index of the date in the spec.
    public let dateIndex: Int
    /// The EPSG code of the grid's UTM zone (326xx north, 327xx south).
    public let epsg: Int
    /// The north-up grid, `pixelSize` cells.
    public let geoTransform: GeoTransform
    /// Columns of the grid.
    public let width: Int
    /// Rows of the grid.
    public let height: Int
    /// The acquisition time (UTC), around 10:30 local solar time at the area's centre.
    public let acquired: Date
    /// The solar zenith angle over the scene centre at acquisition, degrees.
    public let solarZenith: Double
    /// The solar azimuth over the scene centre at acquisition, degrees clockwise from north.
    public let solarAzimuth: Double
    /// The relative azimuth of ``geometry``, degrees (see ``relativeAzimuth(sunAzimuth:viewAzimuth:)``).
    public let relativeAzimuth: Double
    /// The scene's border in lon/lat: a closed, counter-clockwise ring.
    public let footprint: [LonLat]
    /// The lon/lat box of ``footprint``.
    public let bbox: GeoBoundingBox
    /// The land (the same on every date).
    public let landscape: SyntheticLandscape
    /// The true aerosol field and the seed it is drawn with.
    public let aod: AerosolField
    let seed: UInt64
    let clouds: SeededNoise
    /// Cloud where the cloud field is above this.
    let cloudThreshold: Double
    /// Where a cell's shadow-casting cloud would be, relative to the cell (metres).
    let shadowOffset: (x: Double, y: Double)

    /// The model of area `areaIndex` on date `dateIndex` of `spec`.
    public init(_ spec: SyntheticCatalogSpec, area areaIndex: Int, date dateIndex: Int) throws {
        let area = spec.areas[areaIndex]
        self.areaIndex = areaIndex
        self.dateIndex = dateIndex
        let centre = area.center
        let zone = min(60, max(1, Int(((centre.longitude + 180) / 6).rounded(.down)) + 1))
        let north = centre.latitude >= 0
        epsg = (north ? 32600 : 32700) + zone

        // The grid: the area's densified border in UTM, 2 km of margin, snapped to the cell size.
        let wgs84 = try SpatialReference(epsg: 4326)
        let utm = try SpatialReference(epsg: epsg)
        let box = Envelope(
            minX: area.minLongitude, minY: area.minLatitude, maxX: area.maxLongitude, maxY: area.maxLatitude)
        let border = try CoordinateTransformation(from: wgs84, to: utm).transform(box.borderPoints(perSide: 16))
        let projected = Envelope(points: border)!
        let size = spec.pixelSize
        let margin = 2000.0
        let minX = ((projected.minX - margin) / size).rounded(.down) * size
        let maxX = ((projected.maxX + margin) / size).rounded(.up) * size
        let minY = ((projected.minY - margin) / size).rounded(.down) * size
        let maxY = ((projected.maxY + margin) / size).rounded(.up) * size
        width = Int(((maxX - minX) / size).rounded())
        height = Int(((maxY - minY) / size).rounded())
        geoTransform = GeoTransform(originX: minX, cellWidth: size, originY: maxY, cellHeight: -size)
        let extent = Envelope(minX: minX, minY: minY, maxX: maxX, maxY: maxY)

        // The footprint: the grid's border back in lon/lat, counter-clockwise from the south-west corner.
        let steps = 8
        var ring: [(x: Double, y: Double)] = []
        for step in 0..<steps { ring.append((minX + (maxX - minX) * Double(step) / Double(steps), minY)) }
        for step in 0..<steps { ring.append((maxX, minY + (maxY - minY) * Double(step) / Double(steps))) }
        for step in 0..<steps { ring.append((maxX - (maxX - minX) * Double(step) / Double(steps), maxY)) }
        for step in 0..<steps { ring.append((minX, maxY - (maxY - minY) * Double(step) / Double(steps))) }
        let lonLat = try CoordinateTransformation(from: utm, to: wgs84).transform(ring).map {
            LonLat(longitude: $0.x, latitude: $0.y)
        }
        footprint = lonLat + [lonLat[0]]
        bbox = GeoBoundingBox(enclosing: lonLat) ?? area

        // Acquired around 10:30 local solar time at the area's centre, on the spec's UTC day.
        let day = (spec.dates[dateIndex].timeIntervalSince1970 / 86400).rounded(.down)
        var hour = (10.5 - centre.longitude / 15).truncatingRemainder(dividingBy: 24)
        if hour < 0 { hour += 24 }
        acquired = Date(timeIntervalSince1970: day * 86400 + (hour * 3600).rounded())
        let sun = SolarPosition.at(acquired, longitude: centre.longitude, latitude: centre.latitude)
        solarZenith = sun.zenith
        solarAzimuth = sun.azimuth
        relativeAzimuth = Self.relativeAzimuth(sunAzimuth: sun.azimuth, viewAzimuth: Self.viewAzimuth)

        let stamp = Self.dayStamp(acquired)
        let corner = String(format: "E%04d_N%04d", Int((minX / 1000).rounded(.down)), Int((maxY / 1000).rounded(.down)))
        id = "S2SYN_\(stamp)_\(zone)\(north ? "N" : "S")_\(corner)"

        landscape = SyntheticLandscape(
            seed: spec.seed, areaIndex: areaIndex, extent: extent, vegetationFraction: spec.vegetationFraction,
            waterFraction: spec.waterFraction)
        aod = spec.aod
        seed = spec.seed

        // Clouds differ by date: their field is seeded by the day too.
        clouds = SeededNoise(
            seed: SeededNoise.derive(spec.seed, 0xC10D, UInt64(areaIndex), UInt64(bitPattern: Int64(day))),
            scale: 2500, octaves: 3)
        let cloudShare = spec.cloudFraction(forDateAt: dateIndex)
        cloudThreshold = clouds.quantile(1 - cloudShare, over: (minX, minY, maxX, maxY))
        // A shadow lies away from the sun: the cloud over a shadowed cell is towards the sun.
        let zenith = min(solarZenith, 80) * .pi / 180
        let distance = max(2 * size, Self.cloudHeight * tan(zenith))
        let azimuth = solarAzimuth * .pi / 180
        shadowOffset = (distance * sin(azimuth), distance * cos(azimuth))
    }

    /// The relative azimuth the scene is modelled with: |sun azimuth − view azimuth| folded into
    /// 0...180, exactly as `STACItem.scene(itemURL:)` derives it from `view:sun_azimuth` and
    /// `view:azimuth`, so a retrieval on the catalog sees the geometry the scene was made with.
    public static func relativeAzimuth(sunAzimuth: Double, viewAzimuth: Double) -> Double {
        fold(sunAzimuth - viewAzimuth)
    }

    /// `angle` (degrees) folded into 0...180, as the difference of two azimuths.
    static func fold(_ angle: Double) -> Double {
        var value = abs(angle).truncatingRemainder(dividingBy: 360)
        if value > 180 { value = 360 - value }
        return value
    }

    /// `yyyyMMdd` of `date` in UTC.
    static func dayStamp(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        func pad(_ value: Int, _ digits: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, digits - text.count)) + text
        }
        return pad(parts.year!, 4) + pad(parts.month!, 2) + pad(parts.day!, 2)
    }

    /// The sun and view angles of the scene, as the radiative transfer takes them.
    public var geometry: SunViewGeometry {
        SunViewGeometry(solarZenith: solarZenith, viewZenith: Self.viewZenith, relativeAzimuth: relativeAzimuth)
    }

    /// What one cell holds.
    public struct Cell: Sendable, Hashable {
        /// The land under the cell (also under a cloud).
        public var surfaceClass: SyntheticSurfaceClass
        /// The surface reflectance the TOA is modelled from (darkened in cloud shadow).
        public var surface: SyntheticReflectance
        /// The flat TOA reflectance of the cloud over the cell, nil when clear.
        public var cloud: Double?
        /// Whether the cell is in a cloud's shadow (and not cloud itself).
        public var shadow: Bool
        /// The true AOD at 550 nm.
        public var aod: Double

        /// The ESA scene classification of the cell: 9/8 cloud high/medium probability (by
        /// brightness), 3 cloud shadow, else 4 vegetation, 5 bare soil, 6 water.
        public var scl: UInt8 {
            if let cloud { return cloud >= 0.65 ? 9 : 8 }
            return shadow ? 3 : surfaceClass.rawValue
        }
    }

    /// The map coordinates of the centre of cell (`column`, `row`).
    public func centre(column: Int, row: Int) -> (x: Double, y: Double) {
        geoTransform.map(column: Double(column) + 0.5, row: Double(row) + 0.5)
    }

    /// The cloud's TOA reflectance (0.5...0.8) at map point (`x`, `y`), nil when clear.
    func cloud(x: Double, y: Double) -> Double? {
        guard cloudThreshold < .infinity else { return nil }
        let value = clouds.value(x: x, y: y)
        guard value > cloudThreshold else { return nil }
        let excess = cloudThreshold.isFinite ? value - cloudThreshold : value
        return 0.5 + 0.3 * min(1, max(0, excess / 0.12))
    }

    /// The true AOD of cell (`column`, `row`).
    public func aod(column: Int, row: Int) -> Double {
        aod.value(atColumn: column, row: row, width: width, height: height, seed: seed)
    }

    /// Everything about cell (`column`, `row`).
    public func cell(column: Int, row: Int) -> Cell {
        let (x, y) = centre(column: column, row: row)
        let (kind, reflectance) = landscape.sample(x: x, y: y)
        let cloud = cloud(x: x, y: y)
        let shadow = cloud == nil && self.cloud(x: x + shadowOffset.x, y: y + shadowOffset.y) != nil
        return Cell(
            surfaceClass: kind, surface: shadow ? reflectance.scaled(by: Self.shadowFactor) : reflectance,
            cloud: cloud, shadow: shadow, aod: aod(column: column, row: row))
    }
}
