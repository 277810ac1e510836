import Foundation
import GeoKit

/// The polygons to measure inside, in the rasters' CRS, each with its ground area.
struct AreaOfInterest {
    /// One polygon feature of the shapefile.
    struct Part {
        let featureID: Int
        let geometry: Geometry
        let areaM2: Double
    }

    let parts: [Part]
    /// True when the shapefile has no CRS (no `.prj`) and its coordinates were taken to be in the
    /// rasters' CRS.
    let crsAssumed: Bool

    var geometries: [Geometry] { parts.map(\.geometry) }

    /// The bounding rectangle of every part, in the rasters' CRS.
    var envelope: Envelope {
        let corners = parts.flatMap { part -> [(x: Double, y: Double)] in
            let box = part.geometry.envelope
            return [(box.minX, box.minY), (box.maxX, box.maxY)]
        }
        return Envelope(points: corners)!
    }

    /// Reads the polygon features of the shapefile at `url` (all, or the one with FID `featureID`) and
    /// brings them into `crs`.
    static func load(shapefile url: URL, featureID: Int?, crs: SpatialReference) throws -> AreaOfInterest {
        let layer: VectorLayer
        let features: [VectorFeature]
        do {
            let dataset = try VectorDataset.open(url)
            guard let first = dataset.layers.first else {
                throw VolcalFailure.invalidVector(detail: "it holds no layer")
            }
            layer = first
            features = try layer.features()
        } catch let error as GeoError {
            throw VolcalFailure.invalidVector(detail: error.description)
        }
        let polygons = features.filter { $0.geometry.map { $0.isPolygonal && !$0.isEmpty } ?? false }
        let chosen = featureID.map { id in polygons.filter { $0.id == id } } ?? polygons
        guard !chosen.isEmpty else {
            let detail =
                featureID.map { "no polygon feature has FID \($0) (it has \(polygons.count) polygon features)" }
                ?? "its \(features.count) features are \(kinds(of: features)), not polygons"
            throw VolcalFailure.noPolygon(detail: detail)
        }
        let declared = layer.spatialReference
        let toRaster = try declared.flatMap {
            $0.isSame(as: crs) ? nil : try CoordinateTransformation(from: $0, to: crs)
        }
        let parts = try chosen.map { feature in
            let geometry = try toRaster.map { try feature.geometry!.transformed(by: $0) } ?? feature.geometry!
            return Part(featureID: feature.id, geometry: geometry, areaM2: try groundArea(of: geometry, crs: crs))
        }
        return AreaOfInterest(parts: parts, crsAssumed: declared == nil)
    }

    /// The geometry types of `features`, such as "POINT" or "LINESTRING, no geometry".
    private static func kinds(of features: [VectorFeature]) -> String {
        let kinds = Set(features.map { $0.geometry?.isEmpty == false ? $0.geometry!.typeName : "no geometry" })
        return kinds.isEmpty ? "none" : kinds.sorted().joined(separator: ", ")
    }

    /// The area in square metres of a polygon in `crs`: in a projected CRS its planar area in metres;
    /// in a geographic CRS its area in the WGS 84 UTM zone of its centroid.
    private static func groundArea(of geometry: Geometry, crs: SpatialReference) throws -> Double {
        guard crs.isGeographic else { return geometry.area * crs.metresPerLinearUnit * crs.metresPerLinearUnit }
        let centroid = geometry.centroid
        let utm = try SpatialReference.utm(longitude: centroid.x, latitude: centroid.y)
        return try geometry.transformed(by: CoordinateTransformation(from: crs, to: utm)).area
    }
}
