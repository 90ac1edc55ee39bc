internal import CPROJ
public import CityBundleModel

/// A PROJ coordinate operation from a source CRS to WGS 84 longitude/latitude (EPSG:4326 in
/// GIS axis order), chosen the way PROJ ranks candidates for the data's area, and described
/// (name, accuracy, ballpark) so runs can report what was done. Not thread-safe.
public final class CoordinateOperation {
    /// What PROJ says of the operation it uses.
    public let summary: CoordinateOperationSummary
    private let context: OpaquePointer
    private let operation: OpaquePointer

    /// - Parameters:
    ///   - source: the data's CRS (with a Helmert transformation attached when one was declared).
    ///   - areaOfInterest: the data's extent in WGS 84 lon/lat, to pick the operation valid there.
    public init(source: SpatialReference, targetDefinition: String = "EPSG:4326", areaOfInterest: BoundingBox?)
        throws(GDALError)
    {
        guard let context = proj_context_create() else {
            throw GDALError(
                path: source.name, operation: "create PROJ context", message: "out of memory", exitStatus: .io)
        }
        proj_context_use_proj4_init_rules(context, 1)
        func fail(_ message: String) -> GDALError {
            let detail = String(cString: proj_context_errno_string(context, proj_context_errno(context)))
            proj_context_destroy(context)
            return GDALError(
                path: source.name, operation: "find transformation to \(targetDefinition)",
                message: "\(message) (\(detail))", hint: "check the declared CRS", exitStatus: .usage)
        }
        guard let sourceCRS = proj_create(context, source.wkt2) else { throw fail("PROJ cannot read the CRS") }
        defer { proj_destroy(sourceCRS) }
        guard let targetCRS = proj_create(context, targetDefinition) else { throw fail("unknown target CRS") }
        defer { proj_destroy(targetCRS) }
        guard let factory = proj_create_operation_factory_context(context, nil) else { throw fail("out of memory") }
        defer { proj_operation_factory_context_destroy(factory) }
        if let area = areaOfInterest, area.minX.isFinite, area.maxY.isFinite {
            proj_operation_factory_context_set_area_of_interest(
                context, factory, max(-180, area.minX), max(-90, area.minY), min(180, area.maxX), min(90, area.maxY))
        }
        proj_operation_factory_context_set_spatial_criterion(
            context, factory, PROJ_SPATIAL_CRITERION_PARTIAL_INTERSECTION)
        proj_operation_factory_context_set_grid_availability_use(
            context, factory, PROJ_GRID_AVAILABILITY_DISCARD_OPERATION_IF_MISSING_GRID)
        guard let list = proj_create_operations(context, sourceCRS, targetCRS, factory),
            proj_list_get_count(list) > 0
        else { throw fail("PROJ knows no transformation") }
        defer { proj_list_destroy(list) }
        guard let chosen = proj_list_get(context, list, 0) else { throw fail("PROJ knows no transformation") }
        defer { proj_destroy(chosen) }
        guard let normalised = proj_normalize_for_visualization(context, chosen) else {
            throw fail("cannot normalise axis order")
        }
        let accuracy = proj_coordoperation_get_accuracy(context, chosen)
        self.summary = CoordinateOperationSummary(
            name: proj_get_name(chosen).map { String(cString: $0) } ?? "unnamed",
            accuracyMetres: accuracy >= 0 ? accuracy : nil,
            isBallpark: proj_coordoperation_has_ballpark_transformation(context, chosen) != 0,
            candidates: Int(proj_list_get_count(list)))
        self.context = context
        self.operation = normalised
    }

    deinit {
        proj_destroy(operation)
        proj_context_destroy(context)
    }

    /// Transforms the positions in place. Throws when PROJ cannot transform one (outside the
    /// CRS's domain); `index` says which.
    public func transform(_ positions: inout [Position]) throws(TransformFailure) {
        let count = positions.count
        guard count > 0 else { return }
        let hasZ = positions.contains { $0.z != nil }
        var xs = positions.map(\.x)
        var ys = positions.map(\.y)
        var zs = hasZ ? positions.map { $0.z ?? 0 } : []
        let stride = MemoryLayout<Double>.stride
        xs.withUnsafeMutableBufferPointer { x in
            ys.withUnsafeMutableBufferPointer { y in
                zs.withUnsafeMutableBufferPointer { z in
                    _ = proj_trans_generic(
                        operation, PJ_FWD, x.baseAddress, stride, count, y.baseAddress, stride, count,
                        hasZ ? z.baseAddress : nil, hasZ ? stride : 0, hasZ ? count : 0, nil, 0, 0)
                }
            }
        }
        for index in 0..<count {
            guard xs[index].isFinite, ys[index].isFinite, abs(xs[index]) < 1e30 else {
                throw TransformFailure(index: index)
            }
            positions[index].x = xs[index]
            positions[index].y = ys[index]
            if hasZ, positions[index].z != nil { positions[index].z = zs[index] }
        }
    }
}

/// A position PROJ could not transform.
public struct TransformFailure: Error, Sendable {
    public var index: Int
}

/// What PROJ reports of a coordinate operation.
public struct CoordinateOperationSummary: Sendable, Hashable {
    /// PROJ's name for it, e.g. "Inverse of CGCS2000 / 3-degree Gauss-Kruger CM 114E + ...".
    public var name: String
    /// Accuracy in metres, when PROJ knows it.
    public var accuracyMetres: Double?
    /// True when PROJ only has a ballpark (datum ignored) transformation: tens of metres off for old datums.
    public var isBallpark: Bool
    /// How many candidate operations PROJ considered.
    public var candidates: Int
}
