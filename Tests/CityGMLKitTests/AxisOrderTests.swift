import CityBundleModel
import CityGMLKit
import Testing

/// srsName forms and axis order: GML writes EPSG geographic coordinates latitude first.
@Suite struct AxisOrderTests {
    /// A one-polygon building at Tokyo Station written latitude first.
    private func building(srsName: String, dimension: Int = 3) -> String {
        let lat = 35.6812
        let lon = 139.7671
        let d = 0.0001
        let corners = [(lat, lon), (lat, lon + d), (lat + d, lon + d), (lat + d, lon), (lat, lon)]
        let list = corners.map { dimension == 3 ? "\($0.0) \($0.1) 3.5" : "\($0.0) \($0.1)" }.joined(separator: " ")
        return cityModel2(
            srsName: srsName,
            """
            <core:cityObjectMember><bldg:Building gml:id="tokyo">
            <bldg:boundedBy><bldg:GroundSurface><bldg:lod2MultiSurface><gml:MultiSurface><gml:surfaceMember>
            <gml:Polygon><gml:exterior><gml:LinearRing><gml:posList srsDimension="\(dimension)">\(list)</gml:posList>
            </gml:LinearRing></gml:exterior></gml:Polygon></gml:surfaceMember></gml:MultiSurface></bldg:lod2MultiSurface>
            </bldg:GroundSurface></bldg:boundedBy></bldg:Building></core:cityObjectMember>
            """)
    }

    @Test(arguments: [
        "EPSG:6697", "http://www.opengis.net/def/crs/EPSG/0/6697", "urn:ogc:def:crs:EPSG::4326",
        "http://www.opengis.net/def/crs/EPSG/0/4979", "EPSG:6668+6695", "urn:ogc:def:crs,crs:EPSG::6668,crs:EPSG::6695",
    ])
    func geographicIsLatitudeFirst(srsName: String) throws {
        let objects = try readObjects(text: building(srsName: srsName))
        let first = try #require(objects.first?.surfaces.first?.rings.first?.first)
        // JGD2011 and WGS 84 agree to well under a metre here.
        #expect(abs(first.x - 139.7671) < 1e-5)
        #expect(abs(first.y - 35.6812) < 1e-5)
        #expect(first.z == 3.5)
    }

    @Test func twoDimensionalPositions() throws {
        let objects = try readObjects(text: building(srsName: "EPSG:6668", dimension: 2))
        let first = try #require(objects.first?.surfaces.first?.rings.first?.first)
        #expect(abs(first.x - 139.7671) < 1e-5 && abs(first.y - 35.6812) < 1e-5)
        #expect(first.z == nil)
    }

    /// The fixture in ETRS89 / UTM 32N + DHHN92 (easting first), checked against `cs2cs`.
    @Test func utmFixtureMatchesCS2CS() throws {
        let objects = try readObjects(fixture("citygml4j_lod2_test_ade_v2.gml"))
        let ground = try #require(objects.first?.surfaces.first { $0.type == .ground })
        let expected = try cs2cs("EPSG:25832", "EPSG:4326", 458875.0, 5438350.0)
        // cs2cs prints EPSG:4326 latitude first.
        let first = ground.rings[0][0]
        #expect(abs(first.y - expected[0]) < 1e-8)
        #expect(abs(first.x - expected[1]) < 1e-8)
        #expect(first.z == 112.0)
        let footprint = try #require(CityGMLFeatureSource.feature(from: objects[0]).geometry)
        var containsCorner = false
        footprint.forEachPosition {
            if abs($0.x - expected[1]) < 1e-8 && abs($0.y - expected[0]) < 1e-8 { containsCorner = true }
        }
        #expect(containsCorner)
    }

    /// Japanese plane rectangular CS IX (EPSG:6677) is northing first in EPSG and in GML.
    @Test func projectedNorthingFirst() throws {
        let x = -35000.0  // northing
        let y = -6000.0  // easting
        let list = [(x, y), (x, y + 10), (x + 10, y + 10), (x + 10, y), (x, y)].map { "\($0.0) \($0.1) 0" }
            .joined(separator: " ")
        let text = cityModel2(
            srsName: "EPSG:6677",
            """
            <core:cityObjectMember><bldg:Building gml:id="b"><bldg:lod1Solid><gml:Solid><gml:exterior><gml:CompositeSurface>
            <gml:surfaceMember><gml:Polygon><gml:exterior><gml:LinearRing><gml:posList>\(list)</gml:posList></gml:LinearRing>
            </gml:exterior></gml:Polygon></gml:surfaceMember></gml:CompositeSurface></gml:exterior></gml:Solid></bldg:lod1Solid>
            </bldg:Building></core:cityObjectMember>
            """)
        let objects = try readObjects(text: text)
        let first = try #require(objects.first?.surfaces.first?.rings.first?.first)
        // cs2cs takes EPSG:6677 in its EPSG order (X northing, Y easting) and gives lat, lon.
        let expected = try cs2cs("EPSG:6677", "EPSG:4326", x, y)
        #expect(abs(first.x - expected[1]) < 1e-8)
        #expect(abs(first.y - expected[0]) < 1e-8)
        #expect(objects[0].lod == 1)
    }
}
