import CityBundleModel
import XMLKit

extension CityGMLReader {
    /// Reads the `bldg:Building` at `node` to its end tag and returns it, converted.
    func readBuilding(_ node: XMLNode, inheritedSRS: String?, index: Int64) throws -> CityObject {
        let location = SourceLocation(file: file, feature: index, line: node.line)
        let accumulator = BuildingAccumulator(object: CityObject(id: gmlID(), location: location))
        try readBody(node, into: accumulator, srsName: inheritedSRS, isPart: false)
        return try finish(accumulator, at: node)
    }

    /// Reads the children of a building or building part.
    private func readBody(_ node: XMLNode, into building: BuildingAccumulator, srsName: String?, isPart: Bool) throws {
        var srsName = xml.attribute("srsName") ?? srsName
        try forEachChild(of: node) { child in
            let name = child.localName
            if CityGMLNamespace.isGML(child.namespaceURI) {
                if name == "name", !isPart, building.object.name == nil {
                    building.object.name = try text()
                } else if name == "boundedBy", srsName == nil {
                    srsName = try envelopeSRS(child)
                } else {
                    try xml.skipSubtree()
                }
                return
            }
            if let lod = Self.geometryLoD(name) {
                let type: SurfaceType =
                    name.hasSuffix("FootPrint") ? .footprint : name.hasSuffix("RoofEdge") ? .roof : .unclassified
                let context = GeometryContext(
                    type: lod == 0 && type == .unclassified ? .footprint : type, lod: lod, srsName: srsName,
                    dimension: 3)
                try readGeometry(child, context: context, into: building)
                return
            }
            switch name {
            case "boundedBy", "boundary":
                try forEachChild(of: child) { surface in
                    if let type = SurfaceType(elementName: surface.localName) {
                        try readThematicSurface(surface, type: type, srsName: srsName, into: building)
                    } else {
                        try xml.skipSubtree()
                    }
                }
            case "consistsOfBuildingPart", "buildingPart":
                try forEachChild(of: child) { part in
                    if part.localName == "BuildingPart" {
                        building.object.partCount += 1
                        try readBody(part, into: building, srsName: srsName, isPart: true)
                    } else {
                        try xml.skipSubtree()
                    }
                }
            default:
                if isPart { try xml.skipSubtree() } else { try readAttribute(child, into: &building.object) }
            }
        }
    }

    /// The srsName of the `gml:Envelope` in a `gml:boundedBy`, if any (consumes the element).
    private func envelopeSRS(_ node: XMLNode) throws -> String? {
        var found: String?
        try forEachChild(of: node) { child in
            if child.localName == "Envelope" { found = xml.attribute("srsName") }
            try xml.skipSubtree()
        }
        return found
    }

    /// The LoD of a geometry property name such as `lod2MultiSurface` or `lod1Solid`; `nil` for
    /// other names and for curves, terrain intersections and implicit representations.
    static func geometryLoD(_ name: String) -> Int? {
        let characters = Array(name.utf8)
        guard characters.count > 4, name.hasPrefix("lod"), (0x30...0x34).contains(characters[3]) else { return nil }
        let rest = name.dropFirst(4)
        guard
            rest.hasSuffix("Solid") || rest.hasSuffix("MultiSurface") || rest == "Geometry" || rest == "FootPrint"
                || rest == "RoofEdge" || rest == "CompositeSurface"
        else { return nil }
        return Int(characters[3] - 0x30)
    }

    /// Reads a thematic surface (or an opening: `Window`, `Door`) with its openings.
    private func readThematicSurface(
        _ node: XMLNode, type: SurfaceType, srsName: String?, into building: BuildingAccumulator
    ) throws {
        let srsName = xml.attribute("srsName") ?? srsName
        try forEachChild(of: node) { child in
            if let lod = Self.geometryLoD(child.localName) {
                let context = GeometryContext(type: type, lod: lod, srsName: srsName, dimension: 3)
                try readGeometry(child, context: context, into: building)
            } else if child.localName == "opening" {
                try forEachChild(of: child) { opening in
                    if let openingType = SurfaceType(elementName: opening.localName) {
                        try readThematicSurface(opening, type: openingType, srsName: srsName, into: building)
                    } else {
                        try xml.skipSubtree()
                    }
                }
            } else {
                try xml.skipSubtree()
            }
        }
    }

    /// Reads one attribute element of the building itself; unknown elements are skipped.
    private func readAttribute(_ node: XMLNode, into object: inout CityObject) throws {
        switch node.localName {
        case "measuredHeight":
            let value = try text()
            guard let height = Double(value) else { throw error(node, "measuredHeight '\(value)' is not a number") }
            object.measuredHeight = height
        case "height":
            if let height = try readHeight3(node), object.measuredHeight == nil { object.measuredHeight = height }
        case "function":
            object.function.append(try text())
        case "usage":
            object.usage.append(try text())
        case "storeysAboveGround":
            let value = try text()
            guard let storeys = Int(value) else { throw error(node, "storeysAboveGround '\(value)' is not an integer") }
            object.storeysAboveGround = storeys
        case "creationDate":
            object.creationDate = try text()
        case "stringAttribute", "intAttribute", "doubleAttribute", "dateAttribute", "uriAttribute",
            "measureAttribute":
            try readGenericAttribute2(node, into: &object.genericAttributes)
        case "genericAttributeSet":
            try forEachChild(of: node) { child in
                if child.localName.hasSuffix("Attribute") {
                    try readGenericAttribute2(child, into: &object.genericAttributes)
                } else {
                    try xml.skipSubtree()
                }
            }
        case "genericAttribute":
            try forEachChild(of: node) { child in try readGenericAttribute3(child, into: &object.genericAttributes) }
        default:
            try xml.skipSubtree()
        }
    }

    /// A CityGML 3.0 `con:height/con:Height` value whose high reference is the highest roof edge
    /// (or unstated); `nil` for other references.
    private func readHeight3(_ node: XMLNode) throws -> Double? {
        var value: Double?
        var highReference: String?
        try forEachChild(of: node) { heightObject in
            try forEachChild(of: heightObject) { field in
                switch field.localName {
                case "value": value = Double(try text())
                case "highReference": highReference = try text()
                default: try xml.skipSubtree()
                }
            }
        }
        guard highReference == nil || highReference == "highestRoofEdge" else { return nil }
        return value
    }

    /// A CityGML 1.0/2.0 generic attribute: `<gen:intAttribute name="n"><gen:value>3</gen:value>`.
    private func readGenericAttribute2(_ node: XMLNode, into properties: inout Properties) throws {
        guard let name = xml.attribute("name") else {
            try xml.skipSubtree()
            return
        }
        var raw: String?
        try forEachChild(of: node) { child in
            if child.localName == "value" { raw = try text() } else { try xml.skipSubtree() }
        }
        if let raw { properties[name] = Self.typedValue(raw, kind: node.localName) }
    }

    /// A CityGML 3.0 generic attribute: `<gen:IntAttribute><gen:name>n</gen:name><gen:value>3</gen:value>`.
    private func readGenericAttribute3(_ node: XMLNode, into properties: inout Properties) throws {
        if node.localName == "GenericAttributeSet" {
            try forEachChild(of: node) { child in
                if child.localName == "value" {
                    try forEachChild(of: child) { member in try readGenericAttribute3(member, into: &properties) }
                } else {
                    try xml.skipSubtree()
                }
            }
            return
        }
        var name: String?
        var raw: String?
        try forEachChild(of: node) { child in
            switch child.localName {
            case "name": name = try text()
            case "value": raw = try text()
            default: try xml.skipSubtree()
            }
        }
        if let name, let raw { properties[name] = Self.typedValue(raw, kind: node.localName) }
    }

    /// `raw` as an int, double or string according to the attribute element's name.
    static func typedValue(_ raw: String, kind: String) -> Value {
        let lower = kind.lowercased()
        if lower.hasPrefix("int"), let int = Int64(raw) { return .int(int) }
        if lower.hasPrefix("double") || lower.hasPrefix("measure"), let double = Double(raw) { return .double(double) }
        return .string(raw)
    }
}
