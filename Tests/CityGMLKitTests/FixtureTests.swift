import CityBundleModel
import CityGMLKit
import Foundation
import Testing
import XMLKit

/// Every CityGML file in the shared fixtures.
@Suite struct FixtureTests {
    /// The citygml4j files without srsName are local coordinates; they are read as-is here.
    @Test func lod2BuildingV100() throws {
        let objects = try readObjects(fixture("citygml4j_LOD2_Building_v100.gml"), output: .source)
        #expect(objects.count == 1)
        let building = try #require(objects.first)
        #expect(building.id == "Building_01")
        #expect(building.lod == 2)
        #expect(building.surfaceTypeCounts == [.ground: 1, .wall: 4, .roof: 2])
        #expect(building.location.line == 12)
    }

    @Test func placeholderV200HasNoIds() throws {
        let objects = try readObjects(fixture("citygml4j_LOD2_Building_with_Placeholder_v200.gml"), output: .source)
        #expect(objects.count == 1)
        #expect(objects[0].id == nil)
        #expect(objects[0].surfaceTypeCounts == [.ground: 1, .wall: 4, .roof: 2])
    }

    @Test func adeV2ResolvesSolidReferences() throws {
        let objects = try readObjects(fixture("citygml4j_lod2_test_ade_v2.gml"))
        // The test:OtherConstruction is no bldg:Building.
        #expect(objects.count == 1)
        let building = objects[0]
        #expect(building.id == "UUID_2a80f5a0-1c75-4805-8623-ecbedbe10837")
        #expect(building.measuredHeight == 5.0)
        #expect(building.storeysAboveGround == 1)
        #expect(building.function == ["1000"])
        // 7 solid references all point at the thematic surfaces' polygons: no duplicates.
        #expect(building.unresolvedReferences == 0)
        #expect(building.surfaceTypeCounts == [.ground: 1, .wall: 4, .roof: 2])
        #expect(building.crs == "EPSG:4326")
    }

    @Test func adeObjectsV3() throws {
        let objects = try readObjects(fixture("citygml4j_test_ade_objects_v3.gml"))
        #expect(objects.count == 1)
        let building = objects[0]
        #expect(building.id == "ID_2a80f5a0-1c75-4805-8623-ecbedbe10837")
        #expect(building.measuredHeight == 5.0)
        #expect(building.storeysAboveGround == 1)
        #expect(building.unresolvedReferences == 0)
        #expect(building.surfaceTypeCounts[.ground] == 1)
        #expect(building.surfaceTypeCounts[.wall] == 4)
        #expect(building.surfaceTypeCounts[.roof] == 2)
    }

    /// Schema-invalid (a gml:id starting with a digit, an enumeration value) but well-formed: it parses.
    @Test func invalidBuildingV3Parses() throws {
        let objects = try readObjects(fixture("citygml4j_invalid_building_v3.gml"), output: .source)
        #expect(objects.count == 1)
        let building = objects[0]
        #expect(building.id == "1F3E679D-E226-4535-926C-7390977FB25A")
        #expect(building.measuredHeight == 11.0)
        #expect(building.storeysAboveGround == 5)
        #expect(building.surfaceTypeCounts == [.ground: 1, .wall: 4, .roof: 2])
    }

    /// Without srsName and without a declared CRS, conversion to WGS 84 fails with file, line, element.
    @Test func noSRSNameNeedsDeclaredCRS() throws {
        let path = fixture("citygml4j_invalid_building_v3.gml")
        #expect {
            _ = try readObjects(path)
        } throws: { error in
            let description = "\(error)"
            return description.contains(path) && description.contains("bldg:Building")
                && description.contains("no declared CRS") && (error as? XMLError)?.line != nil
        }
    }

    /// Schema-invalid ADE file, well-formed: it parses with source coordinates. Its srsName
    /// (EPSG:31467, DHDN / Gauss-Krüger zone 3, northing first) does not fit its coordinates
    /// (459000 5439693 are UTM-like eastings/northings), so conversion to WGS 84 fails with a clear
    /// error naming the file, the building's line and element.
    @Test func subsurfaceADEInvalid() throws {
        let path = fixture("citygml4j_LOD2_SubsurfaceStructureADE_invalid_v100.gml")
        let objects = try readObjects(path, output: .source)
        #expect(objects.count == 1)
        let building = objects[0]
        #expect(building.id == "1st-Building")
        #expect(building.name == "U-Bahn-Tunnel -LoD2-Bahnhof-Nord")
        #expect(building.function == ["2500"])
        #expect(building.crs == "EPSG:31467")
        // Polygons (not surface elements) per type, bldg: and sub: ADE surfaces together; counted
        // independently with Python's ElementTree.
        #expect(building.surfaceTypeCounts == [.roof: 10, .wall: 22, .ground: 1, .closure: 3])

        var thrown: (any Error)?
        do { _ = try readObjects(path) } catch { thrown = error }
        let error = try #require(thrown as? XMLError)
        #expect(error.file == path && error.line == 16 && error.element == "bldg:Building")
        #expect(error.message.contains("cannot transform") && error.message.contains("EPSG:31467"))
    }

    /// The .json fixture is CityJSON, not CityGML: the reader refuses it as malformed XML.
    @Test func cityJSONIsNotCityGML() throws {
        #expect(throws: XMLError.self) {
            _ = try readObjects(fixture("citygml4j_lod2_buildings_v2.json"))
        }
    }
}
