import CityBundleGeodesy
public import CityBundleModel
public import GDALKit

/// Turns a source's coordinates into WGS 84 longitude/latitude: a PROJ operation, then, for
/// sources declared in GCJ-02 or BD-09, the iterative inverse of that obfuscation.
public final class CoordinateNormaliser {
    /// Where the coordinates come from and how they are converted, for reports.
    public let report: TransformationReport
    private let operation: CoordinateOperation
    private let offset: DeclaredCRS?

    init(operation: CoordinateOperation, offset: DeclaredCRS?, report: TransformationReport) {
        self.operation = operation
        self.offset = offset
        self.report = report
    }

    /// `geometry` in WGS 84 lon/lat. Throws `TransformFailure` for a position PROJ cannot convert.
    public func normalise(_ geometry: Geometry) throws(TransformFailure) -> Geometry {
        var positions: [Position] = []
        geometry.forEachPosition { positions.append($0) }
        try transform(&positions)
        var index = 0
        return geometry.mapPositions { _ in
            defer { index += 1 }
            return positions[index]
        }
    }

    /// Transforms positions in place.
    public func transform(_ positions: inout [Position]) throws(TransformFailure) {
        try operation.transform(&positions)
        switch offset {
        case .gcj02:
            for i in positions.indices {
                let wgs = GCJ02.toWGS84(LonLat(positions[i].x, positions[i].y))
                positions[i].x = wgs.lon
                positions[i].y = wgs.lat
            }
        case .bd09:
            for i in positions.indices {
                let wgs = BD09.toWGS84(LonLat(positions[i].x, positions[i].y))
                positions[i].x = wgs.lon
                positions[i].y = wgs.lat
            }
        default:
            break
        }
    }

    /// The WGS 84 box around `box` (given in the source CRS), from its corners and edge midpoints.
    public func normalise(_ box: BoundingBox) -> BoundingBox? {
        let xs = [box.minX, (box.minX + box.maxX) / 2, box.maxX]
        let ys = [box.minY, (box.minY + box.maxY) / 2, box.maxY]
        var positions = xs.flatMap { x in ys.map { Position(x, $0) } }
        guard (try? transform(&positions)) != nil else { return nil }
        return Geometry.multiPoint(positions).bounds
    }
}

/// How a source's coordinates reach WGS 84, as reported in logs, run summaries and provenance.
public struct TransformationReport: Sendable, Hashable, Codable {
    /// The source CRS: its name and authority code when known.
    public var sourceCRS: String
    /// Where the CRS came from: "file", "declared" or "assumed".
    public var origin: String
    /// PROJ's operation name, plus the GCJ-02/BD-09 inverse when declared.
    public var operation: String
    /// Accuracy in metres when PROJ knows it.
    public var accuracyMetres: Double?
    /// True when only a ballpark transformation exists (datum shift ignored).
    public var isBallpark: Bool
    /// Warnings to show the user (ballpark, assumed WGS 84, CRS overridden).
    public var warnings: [String]
    /// Facts worth knowing that need no action.
    public var notes: [String]

    public init(
        sourceCRS: String, origin: String, operation: String, accuracyMetres: Double?, isBallpark: Bool,
        warnings: [String], notes: [String]
    ) {
        self.sourceCRS = sourceCRS
        self.origin = origin
        self.operation = operation
        self.accuracyMetres = accuracyMetres
        self.isBallpark = isBallpark
        self.warnings = warnings
        self.notes = notes
    }
}
