import CityBundleModel
import XMLKit

extension CityGMLReader {
    /// Reads a geometry property or GML geometry element and everything below it: polygons are
    /// recorded, `xlink:href`s become references, curves and points are skipped.
    func readGeometry(_ node: XMLNode, context: GeometryContext, into building: BuildingAccumulator) throws {
        var context = context
        try applySRSAttributes(node, to: &context)
        if let href = xml.attribute(local: "href", namespace: CityGMLNamespace.xlink) {
            let id = href.hasPrefix("#") ? String(href.dropFirst()) : href
            building.references.append((id: id, type: context.type, lod: context.lod))
            try xml.skipSubtree()
            return
        }
        try forEachChild(of: node) { child in
            guard CityGMLNamespace.isGML(child.namespaceURI) else {
                try xml.skipSubtree()
                return
            }
            switch child.localName {
            case "Polygon", "PolygonPatch", "Triangle", "Rectangle":
                try readPolygon(child, context: context, into: building)
            case "Point", "MultiPoint", "LineString", "Curve", "MultiCurve", "CompositeCurve", "OrientableCurve":
                try xml.skipSubtree()
            default:
                try readGeometry(child, context: context, into: building)
            }
        }
    }

    /// Takes `srsName` and `srsDimension` from the current start element into `context`.
    private func applySRSAttributes(_ node: XMLNode, to context: inout GeometryContext) throws {
        if let srs = xml.attribute("srsName") { context.srsName = srs }
        if let raw = xml.attribute("srsDimension") {
            guard let dimension = Int(raw.trimmingSpaces), dimension == 2 || dimension == 3 else {
                throw error(node, "srsDimension '\(raw)' is not 2 or 3")
            }
            context.dimension = dimension
        }
    }

    /// Reads a `gml:Polygon` (or patch, triangle, rectangle): its exterior and interior rings.
    private func readPolygon(_ node: XMLNode, context: GeometryContext, into building: BuildingAccumulator) throws {
        var context = context
        let id = gmlID()
        try applySRSAttributes(node, to: &context)
        var exterior: [Position]?
        var interiors: [[Position]] = []
        try forEachChild(of: node) { boundary in
            let isExterior = boundary.localName == "exterior" || boundary.localName == "outerBoundaryIs"
            guard isExterior || boundary.localName == "interior" || boundary.localName == "innerBoundaryIs" else {
                try xml.skipSubtree()
                return
            }
            try forEachChild(of: boundary) { ring in
                guard ring.localName == "LinearRing" else {
                    try xml.skipSubtree()
                    return
                }
                let positions = try readRing(ring, context: context)
                if isExterior { exterior = positions } else { interiors.append(positions) }
            }
        }
        guard let exterior else { throw error(node, "polygon without an exterior ring") }
        guard exterior.count >= 3 else { throw error(node, "exterior ring with \(exterior.count) positions") }
        building.polygons.append(
            RawPolygon(
                id: id, type: context.type, lod: context.lod, rings: [exterior] + interiors,
                srsName: context.srsName))
    }

    /// Reads the positions of a `gml:LinearRing`: one `posList`, several `pos`, or `coordinates`.
    private func readRing(_ node: XMLNode, context: GeometryContext) throws -> [Position] {
        var context = context
        try applySRSAttributes(node, to: &context)
        var positions: [Position] = []
        try forEachChild(of: node) { child in
            switch child.localName {
            case "posList":
                var listContext = context
                try applySRSAttributes(child, to: &listContext)
                let dimension = listContext.dimension
                guard let numbers = NumberList.parse(try xml.readText()) else {
                    throw error(child, "posList holds a value that is not a number")
                }
                guard numbers.count % dimension == 0 else {
                    throw error(
                        child, "posList has \(numbers.count) values, not a multiple of srsDimension \(dimension)")
                }
                positions.reserveCapacity(positions.count + numbers.count / dimension)
                for start in stride(from: 0, to: numbers.count, by: dimension) {
                    positions.append(
                        Position(numbers[start], numbers[start + 1], dimension == 3 ? numbers[start + 2] : nil))
                }
            case "pos":
                guard let numbers = NumberList.parse(try xml.readText()), numbers.count == 2 || numbers.count == 3
                else { throw error(child, "pos needs 2 or 3 numbers") }
                positions.append(Position(numbers[0], numbers[1], numbers.count == 3 ? numbers[2] : nil))
            case "coordinates":
                let tuples = try xml.readText().split(whereSeparator: {
                    $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r"
                })
                for tuple in tuples {
                    let numbers = tuple.split(separator: ",").compactMap { Double($0) }
                    guard numbers.count == 2 || numbers.count == 3 else {
                        throw error(child, "coordinates tuple '\(tuple)' needs 2 or 3 numbers")
                    }
                    positions.append(Position(numbers[0], numbers[1], numbers.count == 3 ? numbers[2] : nil))
                }
            default:
                try xml.skipSubtree()
            }
        }
        return positions
    }
}
