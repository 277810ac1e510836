import Atmosphere
import Foundation

extension STACItem {
    /// The scene this item describes, with band hrefs resolved against the folder of `itemURL`.
    ///
    /// - Sentinel-2 check: `constellation`, `platform` or `collection` mentions Sentinel-2, or the id starts with `S2`.
    /// - Bands: each band is looked up by its `SentinelBand.assetKeys` (exact key, then ignoring case).
    ///   Hrefs may be relative to the item file, absolute paths or `file://` URLs; http(s)/s3 hrefs are not
    ///   read. A required band that is absent, remote or whose file does not exist fails the item; an
    ///   optional band (B11, AOT) in that state is left out.
    /// - Scaling: `raster:bands[0]` scale/offset/nodata of the asset; fields it lacks take the defaults:
    ///   reflectance scale 0.0001, offset 0 (−0.1 when the item has no `raster:bands` and
    ///   `s2:processing_baseline` ≥ 04.00, as Planetary Computer items need), nodata 0;
    ///   AOT scale 0.001, offset 0, nodata 0; SCL scale 1, offset 0, nodata 0.
    /// - Angles: solar zenith from `view:sun_elevation` (90 − elevation), else `s2:mean_solar_zenith`;
    ///   solar azimuth from `view:sun_azimuth`, else `s2:mean_solar_azimuth`; either missing is computed
    ///   with `SolarPosition` at `datetime` over the centre of the scene bbox. View zenith from
    ///   `view:incidence_angle`, else 0. Relative azimuth = |sun azimuth − `view:azimuth`| folded into
    ///   0...180, or 0 when the item has no view azimuth.
    /// - Footprint: outer rings of the geometry; bbox: the item bbox when valid, else the box around the footprint.
    /// - Throws: `CatalogError` naming what is missing or unusable.
    public func scene(itemURL: URL) throws -> Scene {
        guard isSentinel2 else { throw CatalogError.notSentinel2(missionDescription) }
        guard let datetime = properties.datetime else { throw CatalogError.missingDatetime }
        guard let cloudCover = properties.cloudCover else { throw CatalogError.missingCloudCover }
        let footprint = (geometry?.outerRings ?? []).filter { $0.count >= 3 }
        guard !footprint.isEmpty else { throw CatalogError.missingGeometry }
        guard let sceneBox = bbox.flatMap(GeoBoundingBox.init) ?? GeoBoundingBox(enclosing: footprint.flatMap { $0 })
        else { throw CatalogError.invalidBoundingBox(bbox ?? []) }
        return Scene(
            id: id, datetime: datetime, cloudCover: cloudCover, footprint: footprint, bbox: sceneBox,
            epsg: epsgCode, geometry: sunViewGeometry(at: datetime, over: sceneBox.center),
            bands: try bandAssets(itemFolder: itemURL.deletingLastPathComponent()), itemURL: itemURL)
    }

    private var isSentinel2: Bool {
        let names = [properties.constellation, properties.platform, collection].compactMap { $0?.lowercased() }
        let spellings = ["sentinel-2", "sentinel2", "sentinel 2"]
        return names.contains { name in spellings.contains { name.contains($0) } } || id.uppercased().hasPrefix("S2")
    }

    private var missionDescription: String {
        let named = [
            ("constellation", properties.constellation), ("platform", properties.platform), ("collection", collection),
        ]
        .compactMap { key, value in value.map { "\(key) \($0)" } }
        return named.isEmpty ? "no platform, constellation or collection given" : named.joined(separator: ", ")
    }

    private var epsgCode: Int? {
        if let epsg = properties.epsg { return epsg }
        guard let code = properties.projectionCode, code.uppercased().hasPrefix("EPSG:") else { return nil }
        return Int(code.dropFirst("EPSG:".count))
    }

    private func asset(for band: SentinelBand) -> STACAsset? {
        for key in band.assetKeys {
            if let asset = assets[key] { return asset }
        }
        let keys = Set(band.assetKeys.map { $0.lowercased() })
        return assets.keys.sorted().first { keys.contains($0.lowercased()) }.flatMap { assets[$0] }
    }

    private func bandAssets(itemFolder: URL) throws -> [SentinelBand: BandAsset] {
        var bands: [SentinelBand: BandAsset] = [:]
        for band in SentinelBand.allCases {
            do {
                guard let asset = asset(for: band) else { throw CatalogError.missingBand(band) }
                bands[band] = try bandAsset(band, from: asset, itemFolder: itemFolder)
            } catch  where !band.isRequired {
                continue
            }
        }
        return bands
    }

    private func bandAsset(_ band: SentinelBand, from asset: STACAsset, itemFolder: URL) throws -> BandAsset {
        let url: URL
        switch AssetHref(asset.href, itemFolder: itemFolder) {
        case .file(let fileURL): url = fileURL
        case .remote: throw CatalogError.remoteHref(band: band, href: asset.href)
        case .invalid: throw CatalogError.invalidHref(band: band, href: asset.href)
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue
        else { throw CatalogError.missingFile(band: band, url: url) }
        let declared = asset.rasterBands?.first
        let fallback = defaultScaling(of: band)
        return BandAsset(
            url: url, scale: declared?.scale ?? fallback.scale, offset: declared?.offset ?? fallback.offset,
            nodata: declared?.nodata ?? fallback.nodata)
    }

    private func defaultScaling(of band: SentinelBand) -> (scale: Double, offset: Double, nodata: Double) {
        switch band {
        case .SCL: return (1, 0, 0)
        case .AOT, .WVP: return (0.001, 0, 0)
        case .B02, .B04, .B8A, .B11, .B12: return (0.0001, hasHarmonizationOffset ? -0.1 : 0, 0)
        }
    }

    /// Whether reflectance DNs carry the +1000 offset of processing baseline 04.00 and later while the
    /// item does not declare it in `raster:bands`.
    private var hasHarmonizationOffset: Bool {
        let declaresScaling = assets.values.contains { $0.rasterBands?.isEmpty == false }
        guard !declaresScaling, let baseline = properties.processingBaseline.flatMap(Double.init) else { return false }
        return baseline >= 4
    }

    private func sunViewGeometry(at datetime: Date, over center: LonLat) -> SunViewGeometry {
        let declaredZenith = properties.sunElevation.map { 90 - $0 } ?? properties.meanSolarZenith
        let declaredAzimuth = properties.sunAzimuth ?? properties.meanSolarAzimuth
        let computed = { SolarPosition.at(datetime, longitude: center.longitude, latitude: center.latitude) }
        let solarZenith = declaredZenith ?? computed().zenith
        let solarAzimuth = declaredAzimuth ?? computed().azimuth
        let relativeAzimuth = properties.viewAzimuth.map { Self.foldedAzimuthDifference(solarAzimuth, $0) } ?? 0
        return SunViewGeometry(
            solarZenith: solarZenith, viewZenith: properties.viewIncidenceAngle ?? 0, relativeAzimuth: relativeAzimuth)
    }

    /// |a − b| in degrees, folded into 0...180.
    private static func foldedAzimuthDifference(_ a: Double, _ b: Double) -> Double {
        let difference = abs(a - b).truncatingRemainder(dividingBy: 360)
        return difference > 180 ? 360 - difference : difference
    }
}
