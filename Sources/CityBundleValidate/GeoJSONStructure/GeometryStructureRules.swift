/// RFC 7946 §3.1 rules for geometry objects: `coordinates` nesting, positions, lines, linear rings,
/// winding, GeometryCollections. Like geojsonhint, issues about a whole coordinate array are placed on
/// that array's first character and issues about the object on the object's.
enum GeometryStructureRules {
    /// What a level-1 coordinate array must satisfy besides holding positions.
    private enum Part {
        case points
        case line
        case ring
    }

    /// Checks `geometry`, whose `type` is the geometry type `type`.
    static func check(
        _ geometry: GeoJSONObject, type: GeoJSONType, path: () -> String, context: RuleContext,
        into issues: inout IssueCollector
    ) {
        BoundingBoxRules.check(geometry, path: path, context: context, into: &issues)
        GeoJSONObjectRules.checkForbidden(
            GeoJSONObjectRules.notOnGeometry, in: geometry, kind: "a geometry object", path: path, context: context,
            into: &issues)
        if type == .geometryCollection {
            checkCollection(geometry, path: path, context: context, into: &issues)
            return
        }
        guard let coordinates = geometry.coordinates else {
            context.report(
                StructureRule.memberMissing, .error, "a \(type.rawValue) needs a \"coordinates\" member",
                at: geometry.node,
                path: StructurePath.member(path(), "coordinates"), into: &issues)
            return
        }
        guard let elements = coordinates.elements else {
            context.report(
                StructureRule.memberType, .error,
                "\"coordinates\" must be an array, not \(coordinates.value.typeDescription)", at: geometry.node,
                path: StructurePath.member(path(), "coordinates"), into: &issues)
            return
        }
        if elements.isEmpty {
            context.report(
                StructureRule.emptyCoordinates, .warning,
                "\"coordinates\" is empty: an empty \(type.rawValue), which readers may take as a null geometry "
                    + "(RFC 7946 §3.1); prefer \"geometry\": null",
                at: coordinates, path: StructurePath.member(path(), "coordinates"), into: &issues)
            return
        }
        let depth: Int
        let part: Part
        switch type {
        case .point: depth = 0; part = .points
        case .multiPoint: depth = 1; part = .points
        case .lineString: depth = 1; part = .line
        case .multiLineString: depth = 2; part = .line
        case .polygon: depth = 2; part = .ring
        default: depth = 3; part = .ring
        }
        let valid =
            depth == 0
            ? checkPosition(
                coordinates, path: { StructurePath.member(path(), "coordinates") }, context: context, into: &issues)
            : checkArray(
                coordinates, depth: depth, part: part, path: { StructurePath.member(path(), "coordinates") },
                context, &issues)
        guard valid && part == .ring else { return }
        checkWinding(geometry, coordinates, isMulti: type == .multiPolygon, path: path, context, &issues)
    }

    /// Warns about exterior rings that are clockwise and holes that are counter-clockwise.
    private static func checkWinding(
        _ geometry: GeoJSONObject, _ coordinates: JSONNode, isMulti: Bool, path: () -> String, _ context: RuleContext,
        _ issues: inout IssueCollector
    ) {
        let polygons = isMulti ? (coordinates.elements ?? []) : [coordinates]
        for polygonIndex in 0..<polygons.count {
            let rings = polygons[polygonIndex].elements ?? []
            for ringIndex in 0..<rings.count {
                guard let area = RingWinding.doubledSignedArea(rings[ringIndex]), area != 0 else { continue }
                let isExterior = ringIndex == 0
                guard isExterior ? area < 0 : area > 0 else { continue }
                let message =
                    isExterior
                    ? "exterior ring is clockwise; RFC 7946 §3.1.6 (right-hand rule) wants exterior rings "
                        + "counter-clockwise"
                    : "hole \(ringIndex) is counter-clockwise; RFC 7946 §3.1.6 (right-hand rule) wants holes clockwise"
                context.report(
                    StructureRule.winding, .warning, message, at: geometry.node,
                    path: ringPath(path(), isMulti ? polygonIndex : nil, ringIndex), into: &issues)
            }
        }
    }

    private static func ringPath(_ base: String, _ polygon: Int?, _ ring: Int) -> String {
        var path = StructurePath.member(base, "coordinates")
        if let polygon { path = StructurePath.element(path, polygon) }
        return StructurePath.element(path, ring)
    }

    /// Checks an array `depth` (≥ 1) levels above positions; returns true when its structure is sound.
    private static func checkArray(
        _ array: JSONNode, depth: Int, part: Part, path: () -> String, _ context: RuleContext,
        _ issues: inout IssueCollector
    ) -> Bool {
        let elements = array.elements ?? []
        var valid = true
        var reportedNesting = false
        var reportedElement = false
        for index in 0..<elements.count {
            switch elements[index].value {
            case .array:
                let sound =
                    depth == 1
                    ? checkPosition(
                        elements[index], path: { StructurePath.element(path(), index) }, context: context,
                        into: &issues)
                    : checkArray(
                        elements[index], depth: depth - 1, part: part, path: { StructurePath.element(path(), index) },
                        context, &issues)
                valid = valid && sound
            case .number:
                valid = false
                if !reportedNesting {
                    reportedNesting = true
                    context.report(
                        StructureRule.coordinatesNesting, .error,
                        "a number stands where \(expected(depth - 1)) should be: these coordinates need one more "
                            + "level of nesting",
                        at: array, path: path(), into: &issues)
                }
            default:
                valid = false
                if !reportedElement {
                    reportedElement = true
                    context.report(
                        StructureRule.coordinatesElement, .error,
                        "element \(index) is \(elements[index].value.typeDescription) where \(expected(depth - 1)) "
                            + "should be",
                        at: array, path: path(), into: &issues)
                }
            }
        }
        guard depth == 1 && !reportedNesting && !reportedElement else { return valid }
        switch part {
        case .points:
            break
        case .line:
            if elements.count < 2 {
                valid = false
                context.report(
                    StructureRule.lineTooShort, .error,
                    "a LineString needs 2 or more positions, this one has \(elements.count)", at: array, path: path(),
                    into: &issues)
            }
        case .ring:
            if elements.count < 4 {
                valid = false
                context.report(
                    StructureRule.ringTooShort, .error,
                    "a linear ring needs 4 or more positions, this one has \(elements.count)", at: array,
                    path: path(), into: &issues)
            }
            if let first = elements.first, let last = elements.last, !samePosition(first, last) {
                valid = false
                context.report(
                    StructureRule.ringNotClosed, .error,
                    "a linear ring must end with the position it starts with (it must be closed)", at: array,
                    path: path(), into: &issues)
            }
        }
        return valid
    }

    /// Checks a position: an array of 2 or 3 numbers (more is a warning). Returns true when usable.
    private static func checkPosition(
        _ position: JSONNode, path: () -> String, context: RuleContext, into issues: inout IssueCollector
    ) -> Bool {
        let elements = position.elements ?? []
        var valid = true
        if elements.count < 2 {
            valid = false
            context.report(
                StructureRule.positionTooShort, .error,
                "a position needs at least 2 numbers (longitude, latitude), this one has \(elements.count)",
                at: position, path: path(), into: &issues)
        } else if elements.count > 3 {
            context.report(
                StructureRule.positionTooLong, .warning,
                "a position should have at most 3 numbers (longitude, latitude, elevation), this one has "
                    + "\(elements.count) (RFC 7946 §3.1.1)",
                at: position, path: path(), into: &issues)
        }
        for index in 0..<elements.count {
            if case .number = elements[index].value { continue }
            context.report(
                StructureRule.positionElement, .error,
                "each element of a position must be a number; element \(index) is "
                    + elements[index].value.typeDescription,
                at: position, path: path(), into: &issues)
            return false
        }
        return valid
    }

    /// Checks a GeometryCollection's `geometries`.
    private static func checkCollection(
        _ collection: GeoJSONObject, path: () -> String, context: RuleContext, into issues: inout IssueCollector
    ) {
        guard let geometries = collection.geometries else {
            context.report(
                StructureRule.memberMissing, .error, "a GeometryCollection needs a \"geometries\" member (an array)",
                at: collection.node, path: StructurePath.member(path(), "geometries"), into: &issues)
            return
        }
        guard let elements = geometries.elements else {
            context.report(
                StructureRule.memberType, .error,
                "\"geometries\" must be an array, not \(geometries.value.typeDescription)", at: collection.node,
                path: StructurePath.member(path(), "geometries"), into: &issues)
            return
        }
        if elements.count == 1 {
            context.report(
                StructureRule.geometryCollectionSingle, .warning,
                "a GeometryCollection with a single geometry should be that geometry (or a multi-part one) "
                    + "(RFC 7946 §3.1.8)",
                at: geometries, path: StructurePath.member(path(), "geometries"), into: &issues)
        }
        for index in 0..<elements.count {
            let element = elements[index]
            guard case .object = element.value else {
                context.report(
                    StructureRule.geometriesElement, .error,
                    "the elements of \"geometries\" must be geometry objects; element \(index) is "
                        + element.value.typeDescription,
                    at: collection.node, path: StructurePath.element(StructurePath.member(path(), "geometries"), index),
                    into: &issues)
                continue
            }
            if case .string(GeoJSONType.geometryCollection.rawValue) = GeoJSONObject(element)?.type?.value {
                context.report(
                    StructureRule.geometryCollectionNested, .warning,
                    "a GeometryCollection inside another should be avoided (RFC 7946 §3.1.8)", at: geometries,
                    path: StructurePath.element(StructurePath.member(path(), "geometries"), index), into: &issues)
            }
            GeoJSONObjectRules.checkGeometryMember(
                element, path: { StructurePath.element(StructurePath.member(path(), "geometries"), index) },
                context: context, into: &issues)
        }
    }

    /// True when two positions have the same numbers (a non-finite number, already reported, matches).
    private static func samePosition(_ a: JSONNode, _ b: JSONNode) -> Bool {
        guard let first = a.elements, let second = b.elements, first.count == second.count else { return false }
        for index in 0..<first.count {
            guard case .number(let u) = first[index].value, case .number(let v) = second[index].value else {
                return true
            }
            if u != v && u.isFinite && v.isFinite { return false }
        }
        return true
    }

    /// What an element `depth` levels above positions is, for messages.
    private static func expected(_ depth: Int) -> String {
        switch depth {
        case 0: "a position (an array of numbers)"
        case 1: "an array of positions"
        case 2: "an array of linear rings or lines"
        default: "an array of polygons"
        }
    }
}
