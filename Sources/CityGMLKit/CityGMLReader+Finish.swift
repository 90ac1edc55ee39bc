import CityBundleModel
import XMLKit

extension CityGMLReader {
    /// Resolves the building's references, converts its polygons and returns the object.
    func finish(_ building: BuildingAccumulator, at node: XMLNode) throws -> CityObject {
        var polygons = building.polygons
        var local: [String: Int] = [:]
        for (index, polygon) in polygons.enumerated() {
            if let id = polygon.id, local[id] == nil { local[id] = index }
        }
        for reference in building.references {
            if let index = local[reference.id] {
                // Already included (typically a solid pointing at its thematic surfaces' polygons);
                // a typed reference names the type of an unclassified polygon.
                if polygons[index].type == .unclassified { polygons[index].type = reference.type }
            } else if var shared = referenceMap.polygon(id: reference.id) {
                shared.type = reference.type
                shared.lod = reference.lod
                polygons.append(shared)
                local[reference.id] = polygons.count - 1
            } else {
                building.object.unresolvedReferences += 1
            }
        }
        for polygon in building.polygons { referenceMap.insert(polygon) }

        var object = building.object
        object.surfaces.reserveCapacity(polygons.count)
        for polygon in polygons {
            let srsName = polygon.srsName ?? documentSRS ?? declaredCRS
            var rings = polygon.rings
            switch output {
            case .source:
                if object.crs == nil { object.crs = srsName }
            case .wgs84:
                guard let srsName else {
                    throw error(node, "no srsName in the file and no declared CRS: cannot convert to WGS 84")
                }
                object.crs = "EPSG:4326"
                for index in rings.indices {
                    do {
                        try converter.convert(&rings[index], srsName: srsName)
                    } catch {
                        throw self.error(node, error.message)
                    }
                }
            }
            object.surfaces.append(CitySurface(type: polygon.type, lod: polygon.lod, id: polygon.id, rings: rings))
        }
        return object
    }
}
