import CityBundleModel
import Foundation
import GDALKit

/// Reads features of one layer file through GDAL: filtered by a rectangle (answered from the FlatGeobuf
/// spatial index), paged, or one by id.
struct FeatureReader {
    /// One page of features.
    struct Page: Sendable {
        /// GeoJSON Feature objects.
        var features: [String]
        /// How many features match in all.
        var matched: Int
    }

    /// The file (FlatGeobuf or GeoJSON).
    let path: String

    /// The features intersecting `bbox` (all when nil), from `offset`, at most `limit`.
    func page(bbox: BoundingBox?, offset: Int, limit: Int) throws -> Page {
        let layer = try open()
        if let bbox { layer.setSpatialFilter(bbox) }
        let matched = Int(layer.featureCount)
        layer.resetReading()
        let decoder = TextDecoder()
        var skipped = 0
        while skipped < offset, layer.nextFeature() != nil { skipped += 1 }
        var features: [String] = []
        while features.count < limit, let record = layer.nextFeature() {
            features.append(try encode(record, layer: layer, decoder: decoder))
        }
        return Page(features: features, matched: matched)
    }

    /// The feature whose id is `id` (the `id` field, else GDAL's feature id), or nil.
    func feature(id: String) throws -> String? {
        let layer = try open()
        let decoder = TextDecoder()
        if let field = layer.fields.first(where: { $0.name == "id" }) {
            let literal =
                field.type == .string
                ? "'" + id.replacingOccurrences(of: "'", with: "''") + "'" : (Int64(id).map(String.init))
            guard let literal else { return nil }
            try layer.setAttributeFilter("\"id\" = \(literal)")
            return try layer.nextFeature().map { try encode($0, layer: layer, decoder: decoder) }
        }
        guard let fid = Int64(id), let record = layer.feature(fid: fid) else { return nil }
        return try encode(record, layer: layer, decoder: decoder)
    }

    /// The file's first layer (it keeps its dataset open).
    private func open() throws -> VectorLayer {
        let dataset = try VectorDataset(path: path, drivers: ["FlatGeobuf", "GeoJSON"])
        guard let layer = dataset.layers.first else {
            throw GDALError(path: path, operation: "open", message: "no layer", exitStatus: .io)
        }
        return layer
    }

    private func encode(_ record: OGRFeatureRecord, layer: VectorLayer, decoder: TextDecoder) throws -> String {
        var properties = try record.properties(decoder: decoder)
        let hasIDField = layer.fields.contains { $0.name == "id" }
        var id: String? = String(record.fid)
        var numeric = true
        if hasIDField {
            let value = properties.remove("id")
            id = value?.textValue
            if case .string? = value { numeric = false }
        }
        return GeoJSONText.feature(id: id, numericID: numeric, geometry: try record.geometry(), properties: properties)
    }
}
