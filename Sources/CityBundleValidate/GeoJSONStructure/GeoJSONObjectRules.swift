/// RFC 7946 rules for GeoJSON objects as a whole: `type`, Feature and FeatureCollection members, and
/// members that change semantics on the wrong object (§7.1). Issues are placed on the object's first
/// character, as geojsonhint does. Paths are closures so that they are only built for an issue.
enum GeoJSONObjectRules {
    /// Checks a top-level object (the document's root or one text of a sequence). A FeatureCollection's
    /// features were checked while streaming; its `features` member here is an empty stand-in.
    static func checkRoot(
        _ root: GeoJSONObject, path: () -> String, context: RuleContext, into issues: inout IssueCollector
    ) {
        guard let type = checkType(root, path: path, context: context, into: &issues) else { return }
        switch type {
        case .feature: checkFeature(root, path: path, context: context, into: &issues)
        case .featureCollection: checkFeatureCollection(root, path: path, context: context, into: &issues)
        default: GeometryStructureRules.check(root, type: type, path: path, context: context, into: &issues)
        }
    }

    /// Checks the `type` member of `object`; returns the type when it is one of the nine.
    static func checkType(
        _ object: GeoJSONObject, path: () -> String, context: RuleContext, into issues: inout IssueCollector
    ) -> GeoJSONType? {
        guard let typeNode = object.type else {
            context.report(
                StructureRule.typeMissing, .error, "a GeoJSON object needs a \"type\" member", at: object.node,
                path: StructurePath.member(path(), "type"), into: &issues)
            return nil
        }
        guard case .string(let name) = typeNode.value else {
            context.report(
                StructureRule.typeNotString, .error,
                "the \"type\" member must be a string, not \(typeNode.value.typeDescription)", at: object.node,
                path: StructurePath.member(path(), "type"), into: &issues)
            return nil
        }
        if let type = GeoJSONType(rawValue: name) { return type }
        if let match = GeoJSONType.matchingIgnoringCase(name) {
            context.report(
                StructureRule.typeCase, .error,
                "type \"\(name)\" must be spelled \"\(match.rawValue)\" (GeoJSON types are case-sensitive)",
                at: object.node, path: StructurePath.member(path(), "type"), into: &issues)
        } else {
            context.report(
                StructureRule.typeUnknown, .error,
                "type \"\(name.prefix(200))\" is not a GeoJSON type (Feature, FeatureCollection, Point, MultiPoint, "
                    + "LineString, MultiLineString, Polygon, MultiPolygon, GeometryCollection)",
                at: object.node, path: StructurePath.member(path(), "type"), into: &issues)
        }
        return nil
    }

    /// Checks one element of a FeatureCollection's `features` (already known to be an object): its type
    /// must be `Feature`; it is then checked as a Feature whatever its type says.
    static func checkFeatureElement(
        _ feature: GeoJSONObject, path: () -> String, context: RuleContext, into issues: inout IssueCollector
    ) {
        if let typeNode = feature.type {
            var found: String?
            switch typeNode.value {
            case .string(let name): if name != GeoJSONType.feature.rawValue { found = "\"\(name.prefix(200))\"" }
            default: found = typeNode.value.typeDescription
            }
            if let found {
                context.report(
                    StructureRule.featureType, .error,
                    "every element of \"features\" must have \"type\": \"Feature\", this one has \(found)",
                    at: feature.node, path: StructurePath.member(path(), "type"), into: &issues)
            }
        } else {
            context.report(
                StructureRule.typeMissing, .error, "a feature needs a \"type\" member with the value \"Feature\"",
                at: feature.node, path: StructurePath.member(path(), "type"), into: &issues)
        }
        checkFeature(feature, path: path, context: context, into: &issues)
    }

    /// Checks a Feature's members: `id`, `properties`, `geometry` and the members it must not have.
    static func checkFeature(
        _ feature: GeoJSONObject, path: () -> String, context: RuleContext, into issues: inout IssueCollector
    ) {
        BoundingBoxRules.check(feature, path: path, context: context, into: &issues)
        if let id = feature.id {
            switch id.value {
            case .string, .number: break
            default:
                context.report(
                    StructureRule.idType, .error,
                    "a Feature \"id\" must be a string or a number, not \(id.value.typeDescription)", at: feature.node,
                    path: StructurePath.member(path(), "id"), into: &issues)
            }
        }
        checkForbidden(
            Self.notOnFeature, in: feature, kind: "a Feature", path: path, context: context, into: &issues)

        if let properties = feature.properties {
            switch properties.value {
            case .object, .null: break
            default:
                context.report(
                    StructureRule.memberType, .error,
                    "\"properties\" must be an object or null, not \(properties.value.typeDescription)",
                    at: feature.node,
                    path: StructurePath.member(path(), "properties"), into: &issues)
            }
        } else {
            context.report(
                StructureRule.memberMissing, .error,
                "a Feature needs a \"properties\" member (an object, or null when there are none)", at: feature.node,
                path: StructurePath.member(path(), "properties"), into: &issues)
        }

        guard let geometry = feature.geometry else {
            context.report(
                StructureRule.memberMissing, .error,
                "a Feature needs a \"geometry\" member (a geometry object, or null when it has none)", at: feature.node,
                path: StructurePath.member(path(), "geometry"), into: &issues)
            return
        }
        switch geometry.value {
        case .null: break
        case .object:
            checkGeometryMember(
                geometry, path: { StructurePath.member(path(), "geometry") }, context: context, into: &issues)
        default:
            context.report(
                StructureRule.memberType, .error,
                "\"geometry\" must be a geometry object or null, not \(geometry.value.typeDescription)",
                at: feature.node,
                path: StructurePath.member(path(), "geometry"), into: &issues)
        }
    }

    /// Checks an object that stands where a geometry must (a Feature's `geometry`, an element of
    /// `geometries`).
    static func checkGeometryMember(
        _ node: JSONNode, path: () -> String, context: RuleContext, into issues: inout IssueCollector
    ) {
        guard let geometry = GeoJSONObject(node),
            let type = checkType(geometry, path: path, context: context, into: &issues)
        else { return }
        guard type.isGeometry else {
            context.report(
                StructureRule.geometryType, .error, "a \(type.rawValue) stands where a geometry object is required",
                at: node, path: StructurePath.member(path(), "type"), into: &issues)
            return
        }
        GeometryStructureRules.check(geometry, type: type, path: path, context: context, into: &issues)
    }

    /// Checks a FeatureCollection's own members; elements of `features` are checked too when present.
    static func checkFeatureCollection(
        _ collection: GeoJSONObject, path: () -> String, context: RuleContext, into issues: inout IssueCollector
    ) {
        BoundingBoxRules.check(collection, path: path, context: context, into: &issues)
        checkForbidden(
            Self.notOnFeatureCollection, in: collection, kind: "a FeatureCollection", path: path, context: context,
            into: &issues)
        guard let features = collection.features else {
            context.report(
                StructureRule.memberMissing, .error, "a FeatureCollection needs a \"features\" member (an array)",
                at: collection.node, path: StructurePath.member(path(), "features"), into: &issues)
            return
        }
        guard let elements = features.elements else {
            context.report(
                StructureRule.memberType, .error,
                "\"features\" must be an array, not \(features.value.typeDescription)", at: collection.node,
                path: StructurePath.member(path(), "features"), into: &issues)
            return
        }
        for index in 0..<elements.count {
            var elementContext = context
            elementContext.featureIndex = index
            if let feature = GeoJSONObject(elements[index]) {
                checkFeatureElement(
                    feature, path: { StructurePath.element(StructurePath.member(path(), "features"), index) },
                    context: elementContext, into: &issues)
            } else {
                reportFeatureNotObject(
                    elements[index], path: { StructurePath.element(StructurePath.member(path(), "features"), index) },
                    context: elementContext, into: &issues)
            }
        }
    }

    /// Reports an element of `features` that is not an object.
    static func reportFeatureNotObject(
        _ element: JSONNode, path: () -> String, context: RuleContext, into issues: inout IssueCollector
    ) {
        context.report(
            StructureRule.featureNotObject, .error,
            "every element of \"features\" must be a Feature object, this one is \(element.value.typeDescription)",
            at: element, path: path(), into: &issues)
    }

    /// Members that define other kinds of objects (RFC 7946 §7.1).
    static let notOnFeature = ["features", "coordinates", "geometries"]
    static let notOnFeatureCollection = ["properties", "coordinates", "geometry", "geometries"]
    static let notOnGeometry = ["geometry", "properties", "features"]

    /// Reports each of `names` that `object` has: members that give another kind of object its meaning.
    static func checkForbidden(
        _ names: [String], in object: GeoJSONObject, kind: String, path: () -> String, context: RuleContext,
        into issues: inout IssueCollector
    ) {
        for name in names where object[name] != nil {
            context.report(
                StructureRule.memberNotAllowed, .error,
                "\(kind) must not have a \"\(name)\" member: it would change GeoJSON semantics (RFC 7946 §7.1)",
                at: object.node, path: StructurePath.member(path(), name), into: &issues)
        }
    }
}
