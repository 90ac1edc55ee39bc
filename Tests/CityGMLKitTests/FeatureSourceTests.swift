import CityBundleModel
import CityBundlePipeline
import CityGMLKit
import Foundation
import Testing

/// Attributes, parts, references and the pipeline features.
@Suite struct FeatureSourceTests {
    private let document = cityModel2(
        srsName: "EPSG:25832",
        """
        <core:cityObjectMember><bldg:Building gml:id="A">
        <gml:name>Town hall</gml:name>
        <core:creationDate>2024-05-01</core:creationDate>
        <gen:stringAttribute name="architect"><gen:value>Doe</gen:value></gen:stringAttribute>
        <gen:intAttribute name="rooms"><gen:value>42</gen:value></gen:intAttribute>
        <gen:doubleAttribute name="ratio"><gen:value>0.5</gen:value></gen:doubleAttribute>
        <bldg:function>3000</bldg:function><bldg:usage>3010</bldg:usage><bldg:usage>3020</bldg:usage>
        <bldg:measuredHeight uom="m">12.5</bldg:measuredHeight>
        <bldg:storeysAboveGround>4</bldg:storeysAboveGround>
        <bldg:lod2Solid><gml:Solid><gml:exterior><gml:CompositeSurface>
        <gml:surfaceMember xlink:href="#G1"/><gml:surfaceMember xlink:href="#R1"/>
        </gml:CompositeSurface></gml:exterior></gml:Solid></bldg:lod2Solid>
        <bldg:boundedBy><bldg:GroundSurface><bldg:lod2MultiSurface><gml:MultiSurface><gml:surfaceMember>
        <gml:Polygon gml:id="G1"><gml:exterior><gml:LinearRing>
        <gml:pos>458875 5438350 100</gml:pos><gml:pos>458885 5438350 100</gml:pos>
        <gml:pos>458885 5438360 100</gml:pos><gml:pos>458875 5438360 100</gml:pos><gml:pos>458875 5438350 100</gml:pos>
        </gml:LinearRing></gml:exterior></gml:Polygon></gml:surfaceMember></gml:MultiSurface></bldg:lod2MultiSurface>
        </bldg:GroundSurface></bldg:boundedBy>
        <bldg:boundedBy><bldg:RoofSurface><bldg:lod2MultiSurface><gml:MultiSurface><gml:surfaceMember>
        <gml:Polygon gml:id="R1"><gml:exterior><gml:LinearRing><gml:posList>458875 5438350 110 458885 5438350 110 \
        458885 5438360 110 458875 5438360 110 458875 5438350 110</gml:posList></gml:LinearRing></gml:exterior>
        </gml:Polygon></gml:surfaceMember></gml:MultiSurface></bldg:lod2MultiSurface></bldg:RoofSurface></bldg:boundedBy>
        <bldg:consistsOfBuildingPart><bldg:BuildingPart gml:id="A-part">
        <bldg:measuredHeight>99</bldg:measuredHeight>
        <bldg:boundedBy><bldg:WallSurface><bldg:lod2MultiSurface><gml:MultiSurface>
        <gml:surfaceMember><gml:Polygon><gml:exterior><gml:LinearRing><gml:posList>458885 5438350 100 \
        458885 5438360 100 458885 5438360 110 458885 5438350 100</gml:posList></gml:LinearRing></gml:exterior>
        </gml:Polygon></gml:surfaceMember></gml:MultiSurface></bldg:lod2MultiSurface></bldg:WallSurface></bldg:boundedBy>
        </bldg:BuildingPart></bldg:consistsOfBuildingPart>
        </bldg:Building></core:cityObjectMember>
        <core:cityObjectMember><bldg:Building gml:id="B"><bldg:lod2MultiSurface><gml:MultiSurface>
        <gml:surfaceMember xlink:href="#R1"/><gml:surfaceMember xlink:href="#LATER"/>
        </gml:MultiSurface></bldg:lod2MultiSurface></bldg:Building></core:cityObjectMember>
        """)

    @Test func attributesPartsAndReferences() throws {
        let objects = try readObjects(text: document)
        #expect(objects.map(\.id) == ["A", "B"])
        let a = objects[0]
        #expect(a.name == "Town hall")
        #expect(a.measuredHeight == 12.5)  // the part's height does not replace the building's
        #expect(a.partCount == 1)
        #expect(a.surfaceTypeCounts == [.ground: 1, .roof: 1, .wall: 1])
        #expect(a.unresolvedReferences == 0)
        #expect(a.genericAttributes["rooms"] == .int(42))
        #expect(a.genericAttributes["ratio"] == .double(0.5))
        #expect(a.genericAttributes["architect"] == .string("Doe"))
        // B reuses A's roof polygon from the bounded map; LATER is never defined.
        let b = objects[1]
        #expect(b.surfaces.count == 1)
        #expect(b.surfaces.first?.type == .unclassified)
        #expect(b.unresolvedReferences == 1)
    }

    @Test func featuresThroughTheSource() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("a.gml").path
        try Data(document.utf8).write(to: URL(fileURLWithPath: path))
        let source: any FeatureSource = CityGMLFeatureSource(path: path, layer: "buildings")
        var batches: [[Feature]] = []
        try source.read(batchSize: 1) { batches.append($0) }
        #expect(batches.map(\.count) == [1, 1])
        let feature = batches[0][0]
        #expect(feature.id == "A")
        #expect(feature.properties["name"] == .string("Town hall"))
        #expect(feature.properties["height"] == .double(12.5))
        #expect(feature.properties["floors"] == .int(4))
        #expect(feature.properties["function"] == .string("3000"))
        #expect(feature.properties["usage"] == .string("3010,3020"))
        #expect(feature.properties["creation_date"] == .string("2024-05-01"))
        #expect(feature.properties["rooms"] == .int(42))
        #expect(feature.properties["lod"] == .int(2))
        #expect(feature.properties["surface_types"] == .string("ground:1,roof:1,wall:1"))
        #expect(feature.location.layer == "buildings")
        guard case .polygon(let rings) = feature.geometry else {
            Issue.record("footprint is not a polygon")
            return
        }
        let corner = try cs2cs("EPSG:25832", "EPSG:4326", 458875, 5438350)
        #expect(rings[0].contains { abs($0.x - corner[1]) < 1e-9 && abs($0.y - corner[0]) < 1e-9 })
        // B has no ground surface: the convex hull of its positions.
        #expect(batches[1][0].geometry?.typeName == "Polygon")
    }
}
