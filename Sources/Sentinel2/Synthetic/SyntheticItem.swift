import Foundation

/// The STAC item of a synthetic scene.
enum SyntheticItem {
    /// The media type of the (tiled, not cloud-optimized) GeoTIFFs written.
    static let geoTIFF = "image/tiff; application=geotiff"

    /// The item of `model`'s scene with `cloudCover` percent of cloud cells.
    static func make(_ model: SyntheticSceneModel, spec: SyntheticCatalogSpec, cloudCover: Double) -> STACItem {
        var assets: [String: STACAsset] = [:]
        let reflectance = RasterBandInfo(
            scale: 0.0001, offset: 0, nodata: 0, dataType: "uint16", spatialResolution: spec.pixelSize)
        for (name, title) in zip(
            SyntheticCatalog.reflectanceBandNames,
            [
                "Blue (B02), TOA", "Red (B04), TOA", "Narrow NIR (B8A), TOA", "SWIR 1.6 µm (B11), TOA",
                "SWIR 2.2 µm (B12), TOA",
            ])
        {
            assets[name] = STACAsset(
                href: "\(name).tif", type: geoTIFF, roles: ["data", "reflectance"], title: title,
                rasterBands: [reflectance])
        }
        assets["SCL"] = STACAsset(
            href: "SCL.tif", type: geoTIFF, roles: ["data"], title: "Scene classification map (SCL)",
            rasterBands: [RasterBandInfo(nodata: 0, dataType: "uint8", spatialResolution: spec.pixelSize)])
        // L2A's AOT and WVP: UInt16 DN in thousandths (of an optical depth; of a centimetre of water).
        let thousandths = [
            RasterBandInfo(scale: 0.001, offset: 0, nodata: 0, dataType: "uint16", spatialResolution: spec.pixelSize)
        ]
        if spec.includeAOT {
            assets["AOT"] = STACAsset(
                href: "AOT.tif", type: geoTIFF, roles: ["data"], title: "Aerosol optical thickness (AOT)",
                rasterBands: thousandths)
        }
        if spec.includeWVP {
            assets["WVP"] = STACAsset(
                href: "WVP.tif", type: geoTIFF, roles: ["data"], title: "Water vapour (WVP)", rasterBands: thousandths)
        }
        assets["truth_aod"] = STACAsset(
            href: "truth_aod.tif", type: geoTIFF, roles: ["truth"], title: "True AOD at 550 nm (synthetic)",
            rasterBands: [RasterBandInfo(scale: 1, offset: 0, dataType: "float32", spatialResolution: spec.pixelSize)])

        var item = STACItem(
            id: model.id, datetime: model.acquired, cloudCover: cloudCover, footprint: model.footprint,
            bbox: model.bbox, epsg: model.epsg, solarZenith: model.solarZenith, solarAzimuth: model.solarAzimuth,
            viewZenith: SyntheticSceneModel.viewZenith, viewAzimuth: SyntheticSceneModel.viewAzimuth,
            platform: "sentinel-2a", assets: assets)
        item.collection = "sentinel-2-synthetic"
        item.stacExtensions.append("https://stac-extensions.github.io/processing/v1.1.0/schema.json")
        item.properties.additionalFields["processing:level"] = .string("L1C-like TOA (synthetic)")
        item.properties.additionalFields["gsd"] = .number(spec.pixelSize)
        item.properties.additionalFields["proj:shape"] = .array([
            .integer(Int64(model.height)), .integer(Int64(model.width)),
        ])
        let transform = model.geoTransform
        item.properties.additionalFields["proj:transform"] = .array(
            [transform.cellWidth, 0, transform.originX, 0, transform.cellHeight, transform.originY].map { .number($0) })
        item.properties.additionalFields["taskforge:synthetic"] = .bool(true)
        item.properties.additionalFields["taskforge:synthetic_spec"] = .object([
            "aod": .string(spec.aod.description),
            "pixel_size": .number(spec.pixelSize),
            "include_aot": .bool(spec.includeAOT),
            "seed": .string(String(spec.seed)),
            "area_index": .integer(Int64(model.areaIndex)),
            "cloud_fraction": .number(spec.cloudFraction(forDateAt: model.dateIndex)),
            "water_fraction": .number(spec.waterFraction),
            "vegetation_fraction": .number(spec.vegetationFraction),
            "relative_azimuth": .number(model.relativeAzimuth),
            "water_vapour": .number(spec.waterVapour),
            "include_wvp": .bool(spec.includeWVP),
        ])
        return item
    }
}
