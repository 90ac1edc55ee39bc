import CityBundleValidate
import Testing

/// RFC 7946 rules beyond what the geojsonhint fixtures cover.
@Suite struct GeoJSONStructureRuleTests {
    private func rules(_ text: String) -> [String] {
        GeoJSONStructureChecker().check(bytes: Array(text.utf8), name: "rule.geojson").issues.map(\.rule)
    }

    private func report(_ text: String) -> StructureReport {
        GeoJSONStructureChecker().check(bytes: Array(text.utf8), name: "rule.geojson")
    }

    @Test func boundingBoxes() {
        let point = "\"type\":\"Point\",\"coordinates\":[1,2]"
        #expect(rules("{\(point),\"bbox\":[170,-10,-170,10]}").isEmpty, "west > east crosses the antimeridian")
        #expect(rules("{\(point),\"bbox\":[0,10,1,5]}") == [StructureRule.bboxOrder])
        #expect(rules("{\(point),\"bbox\":[0,0,10,1,1,5]}") == [StructureRule.bboxOrder], "elevation 10 > 5")
        #expect(rules("{\(point),\"bbox\":[0,0,0,1,1,1]}").isEmpty)
        #expect(rules("{\(point),\"bbox\":null}") == [StructureRule.bboxType])
        #expect(rules("{\(point),\"bbox\":[0,0,1,1,2]}") == [StructureRule.bboxLength])
        #expect(rules("{\(point),\"bbox\":[0,\"0\",1]}") == [StructureRule.bboxElement, StructureRule.bboxLength])
    }

    @Test func crsMemberIsAWarning() {
        let result = report(
            "{\"type\":\"Point\",\"coordinates\":[1,2],\"crs\":{\"type\":\"name\",\"properties\":{\"name\":\"EPSG:3857\"}}}"
        )
        #expect(result.issues.map(\.rule) == [StructureRule.crs])
        #expect(result.issues.first?.severity == .warning)
    }

    @Test func emptyCoordinatesAreAWarning() {
        for type in ["Point", "MultiPoint", "LineString", "MultiLineString", "Polygon", "MultiPolygon"] {
            let result = report("{\"type\":\"\(type)\",\"coordinates\":[]}")
            #expect(result.issues.map(\.rule) == [StructureRule.emptyCoordinates], "\(type)")
            #expect(result.errors.isEmpty)
        }
        #expect(rules("{\"type\":\"GeometryCollection\",\"geometries\":[]}").isEmpty)
    }

    @Test func geometrySlotMustHoldAGeometry() {
        let feature = "{\"type\":\"Feature\",\"properties\":{},\"geometry\":{\"type\":\"Feature\"}}"
        #expect(rules(feature) == [StructureRule.geometryType])
        let collection =
            "{\"type\":\"GeometryCollection\",\"geometries\":[{\"type\":\"FeatureCollection\"},{\"type\":\"point\"}]}"
        #expect(rules(collection) == [StructureRule.geometryType, StructureRule.typeCase])
        #expect(rules("{\"type\":\"Feature\",\"properties\":{},\"geometry\":[]}") == [StructureRule.memberType])
    }

    @Test func featureMembers() {
        #expect(
            rules("{\"type\":\"Feature\",\"id\":null,\"properties\":{},\"geometry\":null}") == [StructureRule.idType])
        #expect(rules("{\"type\":\"Feature\",\"id\":1.5,\"properties\":{},\"geometry\":null}").isEmpty)
        #expect(
            rules("{\"type\":\"Feature\",\"properties\":{},\"geometry\":null,\"geometries\":[]}")
                == [StructureRule.memberNotAllowed])
        #expect(
            rules("{\"type\":\"FeatureCollection\",\"features\":[{\"properties\":{},\"geometry\":null}]}")
                == [StructureRule.typeMissing])
        #expect(
            rules("{\"type\":\"FeatureCollection\",\"features\":[],\"geometry\":null,\"geometries\":[]}")
                == [StructureRule.memberNotAllowed, StructureRule.memberNotAllowed], "RFC 7946 §7.1")
    }

    @Test func duplicateKeysAnywhere() {
        let result = report(
            "{\"type\":\"Feature\",\"properties\":{\"h\":1,\"h\":2},\"geometry\":{\"type\":\"Point\",\"type\":\"Point\",\"coordinates\":[1,2]}}"
        )
        #expect(result.issues.map(\.rule) == [StructureRule.duplicateKey, StructureRule.duplicateKey])
        #expect(result.issues.map(\.path) == ["properties.h", "geometry.type"])
        #expect(result.issues.first?.column == 32, "placed on the object, as geojsonhint does")
        #expect(result.issues.first?.message.contains("column 39") == true, "the repeated name is named")
        let many = (0..<40).map { "\"k\($0)\":\($0)" }.joined(separator: ",")
        #expect(
            rules("{\"type\":\"Feature\",\"geometry\":null,\"properties\":{\(many),\"k7\":0}}") == [
                StructureRule.duplicateKey
            ])
    }

    @Test func featuresMayComeBeforeTheType() {
        let collection =
            "{\"features\":[{\"type\":\"feature\",\"properties\":{},\"geometry\":null}],\"type\":\"FeatureCollection\"}"
        let checked = report(collection)
        #expect(checked.issues.map(\.rule) == [StructureRule.featureType])
        #expect(checked.featureCount == 1)
        let point = "{\"features\":[{\"type\":\"feature\"}],\"type\":\"Point\",\"coordinates\":[1,2]}"
        let notCollection = report(point)
        #expect(
            notCollection.issues.map(\.rule) == [StructureRule.memberNotAllowed], "features of a Point are not checked")
        #expect(notCollection.featureCount == 0)
    }

    @Test func geometryCollections() {
        #expect(rules("{\"type\":\"GeometryCollection\"}") == [StructureRule.memberMissing])
        #expect(rules("{\"type\":\"GeometryCollection\",\"geometries\":{}}") == [StructureRule.memberType])
        let nested = report(
            "{\"type\":\"GeometryCollection\",\"geometries\":[{\"type\":\"GeometryCollection\",\"geometries\":[]},{\"type\":\"Point\",\"coordinates\":[1]}]}"
        )
        #expect(nested.issues.map(\.rule) == [StructureRule.geometryCollectionNested, StructureRule.positionTooShort])
        #expect(nested.issues.last?.path == "geometries[1].coordinates")
    }

    @Test func windingOfMultiPolygonHoles() {
        let result = report(
            """
            {"type":"MultiPolygon","coordinates":[
              [[[0,0],[1,0],[1,1],[0,1],[0,0]]],
              [[[10,10],[11,10],[11,11],[10,11],[10,10]],[[10.2,10.2],[10.8,10.2],[10.8,10.8],[10.2,10.2]]]]}
            """)
        #expect(result.issues.map(\.rule) == [StructureRule.winding])
        #expect(result.issues.first?.path == "coordinates[1][1]")
        #expect(result.issues.first?.message.contains("hole 1") == true)
    }

    @Test func ringsWithNonFiniteNumbersAreNotAlsoUnclosed() {
        let result = report("{\"type\":\"Polygon\",\"coordinates\":[[[NaN,0],[1,0],[1,1],[NaN,0]]]}")
        #expect(result.issues.map(\.rule) == [StructureRule.nonFiniteNumber, StructureRule.nonFiniteNumber])
    }

    @Test func coordinatesOfTheWrongKind() {
        #expect(
            rules("{\"type\":\"LineString\",\"coordinates\":[[1,2],\"x\",null]}") == [StructureRule.coordinatesElement])
        #expect(
            rules("{\"type\":\"Polygon\",\"coordinates\":[[[1,2],[3,4],[5,6],[1,2]],[]]}") == [
                StructureRule.ringTooShort
            ])
        #expect(rules("{\"type\":\"Point\",\"coordinates\":[1,2,3,4]}") == [StructureRule.positionTooLong])
        #expect(rules("{\"type\":\"MultiPoint\",\"coordinates\":[[1,2],[3,true]]}") == [StructureRule.positionElement])
    }
}
