public import CityBundleModel
public import CityBundlePipeline
public import XMLKit

/// A pipeline source that reads a CityGML file's buildings as features in WGS 84.
///
/// Each building becomes one ``Feature``: `id` = its `gml:id`; geometry = its ``Footprint`` in
/// longitude/latitude; properties `name`, `height` (measuredHeight), `floors`
/// (storeysAboveGround), `function`, `usage` (several values joined by `,`), `creation_date`, the
/// generic attributes under their own names, `lod` (highest LoD) and `surface_types` (polygon
/// counts per type, such as `ground:1,roof:2,wall:4`). Absent values are left out. For LoD2 and finer
/// buildings, the typed surfaces of the highest LoD travel with the feature (``Feature/surfaces``) to the
/// 3D outputs.
public final class CityGMLFeatureSource: FeatureSource {
    /// The CityGML file.
    public let path: String
    /// The CRS used when the file declares no srsName (the pipeline's `crs:`).
    public let declaredCRS: String?
    /// The layer name put in each feature's location.
    public let layer: String?
    private let limits: XMLLimits

    /// A source for the CityGML file at `path`; nothing is read until ``read(batchSize:_:)``.
    public init(path: String, declaredCRS: String? = nil, layer: String? = nil, limits: XMLLimits = .init()) {
        self.path = path
        self.declaredCRS = declaredCRS
        self.layer = layer
        self.limits = limits
    }

    /// Reads the file from the start, calling `body` with batches of at most `batchSize` features.
    /// Throws the reader's ``XMLError`` (file, line, element) on the first problem.
    public func read(batchSize: Int, _ body: ([Feature]) throws -> Void) throws {
        let reader = try CityGMLReader(path: path, declaredCRS: declaredCRS, output: .wgs84, limits: limits)
        var batch: [Feature] = []
        batch.reserveCapacity(max(1, batchSize))
        while let object = try reader.next() {
            batch.append(Self.feature(from: object, layer: layer))
            if batch.count >= max(1, batchSize) {
                try body(batch)
                batch.removeAll(keepingCapacity: true)
            }
        }
        if !batch.isEmpty { try body(batch) }
    }

    /// The pipeline feature for `object` (whose surfaces are in WGS 84).
    public static func feature(from object: CityObject, layer: String? = nil) -> Feature {
        var properties = Properties()
        if let name = object.name { properties["name"] = .string(name) }
        if let height = object.measuredHeight { properties["height"] = .double(height) }
        if let floors = object.storeysAboveGround { properties["floors"] = .int(Int64(floors)) }
        if !object.function.isEmpty { properties["function"] = .string(object.function.joined(separator: ",")) }
        if !object.usage.isEmpty { properties["usage"] = .string(object.usage.joined(separator: ",")) }
        if let date = object.creationDate { properties["creation_date"] = .string(date) }
        for attribute in object.genericAttributes where properties[attribute.name] == nil {
            properties[attribute.name] = attribute.value
        }
        if let lod = object.lod { properties["lod"] = .int(Int64(lod)) }
        let counts = object.surfaceTypeCounts.sorted { $0.key < $1.key }
        if !counts.isEmpty {
            properties["surface_types"] = .string(counts.map { "\($0.key.label):\($0.value)" }.joined(separator: ","))
        }
        var location = object.location
        location.layer = layer
        // LoD2 and finer: the typed surfaces of the highest LoD go to the 3D outputs as they are; coarser
        // buildings (LoD1 blocks) are extruded from their footprint there.
        var surfaces: [SurfacePolygon] = []
        if let lod = object.lod, lod >= 2 {
            surfaces = object.surfaces.filter { $0.lod == lod }.map {
                SurfacePolygon(type: $0.type.label, rings: $0.rings)
            }
        }
        return Feature(
            id: object.id, geometry: Footprint.of(object), properties: properties, location: location,
            surfaces: surfaces)
    }
}
