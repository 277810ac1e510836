import Foundation
import Sentinel2

/// STAC item JSON texts shaped like real Sentinel-2 L2A items.
enum STACFixtures {
    /// A UTC instant.
    static func utc(
        _ year: Int, _ month: Int, _ day: Int, _ hour: Int = 0, _ minute: Int = 0, _ second: Int = 0
    ) -> Date {
        let components = DateComponents(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
        return UTCCalendar.calendar.date(from: components) ?? Date(timeIntervalSince1970: 0)
    }

    /// Band files of an Earth Search item written by `earthSearchItem`, relative to its folder.
    static let earthSearchFiles = [
        "B02.tif", "B04.tif", "B8A.tif", "B11.tif", "B12.tif", "SCL.tif", "AOT.tif", "WVP.tif",
    ]

    /// An Element84 Earth Search v1 style item: lower-case asset keys, `raster:bands` with
    /// scale 0.0001 / offset −0.1, `proj:epsg`, `view:*` angles. Asset hrefs are `hrefPrefix` + file name.
    /// `omitting` drops asset keys; `replacingHrefs` overrides hrefs by asset key.
    static func earthSearchItem(
        id: String = "S2B_33UUU_20240520_0_L2A", datetime: String = "2024-05-20T10:16:19.024000Z",
        hrefPrefix: String = "./", omitting: Set<String> = [], replacingHrefs: [String: String] = [:]
    ) -> String {
        let bands: [(key: String, file: String, title: String, rasterBands: String)] = [
            ("blue", "B02.tif", "Blue (band 2) - 10m", reflectance(10)),
            ("red", "B04.tif", "Red (band 4) - 10m", reflectance(10)),
            ("nir08", "B8A.tif", "NIR 2 (band 8A) - 20m", reflectance(20)),
            ("swir16", "B11.tif", "SWIR 1.6μm (band 11) - 20m", reflectance(20)),
            ("swir22", "B12.tif", "SWIR 2.2μm (band 12) - 20m", reflectance(20)),
            (
                "scl", "SCL.tif", "Scene classification map (SCL)",
                #"[{"nodata": 0, "data_type": "uint8", "spatial_resolution": 20}]"#
            ),
            (
                "aot", "AOT.tif", "Aerosol optical thickness (AOT)",
                #"[{"nodata": 0, "data_type": "uint16", "bits_per_sample": 15, "spatial_resolution": 20, "scale": 0.001, "offset": 0}]"#
            ),
            (
                "wvp", "WVP.tif", "Water vapour (WVP)",
                #"[{"nodata": 0, "data_type": "uint16", "bits_per_sample": 15, "spatial_resolution": 20, "unit": "cm", "scale": 0.001, "offset": 0}]"#
            ),
        ]
        let assets = bands.filter { !omitting.contains($0.key) }.map { band in
            """
            "\(band.key)": {
              "href": "\(replacingHrefs[band.key] ?? hrefPrefix + band.file)",
              "type": "image/tiff; application=geotiff; profile=cloud-optimized",
              "title": "\(band.title)",
              "roles": ["data", "reflectance"],
              "gsd": 10,
              "proj:shape": [10980, 10980],
              "raster:bands": \(band.rasterBands)
            }
            """
        }
        let thumbnail = """
            "thumbnail": {
              "href": "https://sentinel-cogs.s3.us-west-2.amazonaws.com/sentinel-s2-l2a-cogs/33/U/UU/2024/5/\(id)/thumbnail.jpg",
              "type": "image/jpeg", "title": "Thumbnail image", "roles": ["thumbnail"]
            }
            """
        return """
            {
              "type": "Feature",
              "stac_version": "1.0.0",
              "stac_extensions": [
                "https://stac-extensions.github.io/eo/v1.1.0/schema.json",
                "https://stac-extensions.github.io/projection/v1.1.0/schema.json",
                "https://stac-extensions.github.io/raster/v1.1.0/schema.json",
                "https://stac-extensions.github.io/view/v1.0.0/schema.json"
              ],
              "id": "\(id)",
              "bbox": [13.0, 52.0, 14.0, 53.0],
              "geometry": {"type": "Polygon", "coordinates": [[[13.0, 52.0], [14.0, 52.0], [14.0, 53.0], [13.0, 53.0], [13.0, 52.0]]]},
              "properties": {
                "created": "2024-05-20T14:02:11.108Z",
                "platform": "sentinel-2b",
                "constellation": "sentinel-2",
                "instruments": ["msi"],
                "eo:cloud_cover": 12.5,
                "proj:epsg": 32633,
                "mgrs:utm_zone": 33,
                "grid:code": "MGRS-33UUU",
                "view:sun_elevation": 55.0,
                "view:sun_azimuth": 160.0,
                "view:incidence_angle": 5.5,
                "view:azimuth": 290.0,
                "s2:processing_baseline": "05.10",
                "earthsearch:s3_path": "s3://sentinel-cogs/sentinel-s2-l2a-cogs/33/U/UU/2024/5/\(id)",
                "datetime": "\(datetime)"
              },
              "links": [{"rel": "self", "href": "https://earth-search.aws.element84.com/v1/collections/sentinel-2-l2a/items/\(id)"}],
              "assets": {
            \((assets + [thumbnail]).joined(separator: ",\n"))
              },
              "collection": "sentinel-2-l2a"
            }
            """
    }

    private static func reflectance(_ resolution: Int) -> String {
        #"[{"nodata": 0, "data_type": "uint16", "bits_per_sample": 15, "spatial_resolution": \#(resolution), "scale": 0.0001, "offset": -0.1}]"#
    }

    /// A Microsoft Planetary Computer style item: `B02`... asset keys without `raster:bands`,
    /// `s2:mean_solar_*` angles, a MultiPolygon footprint, and the given processing baseline
    /// (nil leaves the key out). Hrefs are `hrefPrefix` + `<band>.tif`.
    static func planetaryComputerItem(
        id: String = "S2A_MSIL2A_20240521T102021_R065_T33UUU_20240521T161500",
        hrefPrefix: String, processingBaseline: String? = "05.10"
    ) -> String {
        let keys = ["B01", "B02", "B04", "B8A", "B11", "B12", "SCL", "AOT", "WVP"]
        let assets = keys.map { key in
            """
            "\(key)": {"href": "\(hrefPrefix)\(key).tif", "type": "image/tiff; application=geotiff; profile=cloud-optimized",
                       "roles": ["data"], "title": "Band \(key)", "gsd": 20.0, "eo:bands": [{"name": "\(key)"}]}
            """
        }
        let baseline = processingBaseline.map { #""s2:processing_baseline": "\#($0)","# } ?? ""
        return """
            {
              "id": "\(id)",
              "bbox": [13.0, 52.0, 15.0, 53.0],
              "type": "Feature",
              "links": [],
              "assets": {
            \(assets.joined(separator: ",\n"))
              },
              "geometry": {"type": "MultiPolygon", "coordinates": [
                [[[13.0, 52.0], [14.0, 52.0], [14.0, 53.0], [13.0, 53.0], [13.0, 52.0]]],
                [[[14.5, 52.0], [15.0, 52.0], [15.0, 53.0], [14.5, 53.0], [14.5, 52.0]]]
              ]},
              "collection": "sentinel-2-l2a",
              "properties": {
                "datetime": "2024-05-21T10:20:21.024000Z",
                "platform": "Sentinel-2A",
                "proj:epsg": 32633,
                "instruments": ["msi"],
                "s2:mgrs_tile": "33UUU",
                "constellation": "Sentinel 2",
                "eo:cloud_cover": 3.25,
                \(baseline)
                "s2:mean_solar_zenith": 35.2,
                "s2:mean_solar_azimuth": 150.1,
                "s2:product_type": "S2MSI2A"
              },
              "stac_version": "1.0.0",
              "stac_extensions": ["https://stac-extensions.github.io/eo/v1.0.0/schema.json"]
            }
            """
    }
}
