import CityBundleModel
import CityGMLKit
import Foundation
import Testing
import XMLKit

/// Entities are XMLKit's to refuse; a CityGML reader must surface that refusal.
@Suite(.serialized) struct SafetyTests {
    @Test func externalEntityIsRefusedUnread() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let secret = directory.appendingPathComponent("secret.txt")
        try Data("TOPSECRET".utf8).write(to: secret)
        let text = """
            <?xml version="1.0"?>
            <!DOCTYPE core:CityModel [<!ENTITY leak SYSTEM "file://\(secret.path)">]>
            <core:CityModel xmlns:core="http://www.opengis.net/citygml/2.0" xmlns:gml="http://www.opengis.net/gml" \
            xmlns:bldg="http://www.opengis.net/citygml/building/2.0">
            <core:cityObjectMember><bldg:Building gml:id="b"><gml:name>&leak;</gml:name></bldg:Building></core:cityObjectMember>
            </core:CityModel>
            """
        let loadsBefore = XMLStreamReader.refusedExternalLoads
        var thrown: (any Error)?
        do {
            _ = try readObjects(text: text, output: .source)
        } catch {
            thrown = error
        }
        let error = try #require(thrown as? XMLError)
        #expect(!error.description.contains("TOPSECRET"))
        #expect(error.file == "test.gml")
        #expect(error.line != nil)
        // The deny-all loader was not even asked: libxml2 never tried to open the file.
        #expect(XMLStreamReader.refusedExternalLoads == loadsBefore)
    }

    @Test func entityBombIsRefused() throws {
        var declarations = "<!ENTITY a0 \"boom\">"
        for level in 1...9 {
            declarations += "<!ENTITY a\(level) \"" + String(repeating: "&a\(level - 1);", count: 10) + "\">"
        }
        let text = """
            <?xml version="1.0"?>
            <!DOCTYPE core:CityModel [\(declarations)]>
            <core:CityModel xmlns:core="http://www.opengis.net/citygml/2.0" xmlns:gml="http://www.opengis.net/gml" \
            xmlns:bldg="http://www.opengis.net/citygml/building/2.0">
            <core:cityObjectMember><bldg:Building gml:id="b"><gml:name>&a9;</gml:name></bldg:Building></core:cityObjectMember>
            </core:CityModel>
            """
        #expect(throws: XMLError.self) { _ = try readObjects(text: text, output: .source) }
    }

    @Test func badPosListNamesLineAndElement() throws {
        let text = cityModel2(
            srsName: "EPSG:25832",
            """
            <core:cityObjectMember><bldg:Building gml:id="b"><bldg:lod2MultiSurface><gml:MultiSurface>
            <gml:surfaceMember><gml:Polygon><gml:exterior><gml:LinearRing>
            <gml:posList>0 0 0 1 1</gml:posList>
            </gml:LinearRing></gml:exterior></gml:Polygon></gml:surfaceMember></gml:MultiSurface></bldg:lod2MultiSurface>
            </bldg:Building></core:cityObjectMember>
            """)
        var thrown: (any Error)?
        do { _ = try readObjects(text: text) } catch { thrown = error }
        let error = try #require(thrown as? XMLError)
        #expect(error.element == "gml:posList")
        #expect(error.line == 6)
        #expect(error.description.hasPrefix("test.gml:6: <gml:posList>:"))
    }

    @Test func unknownSRSNameIsAnError() throws {
        let text = cityModel2(
            srsName: "EPSG:999999",
            """
            <core:cityObjectMember><bldg:Building gml:id="b"><bldg:lod2MultiSurface><gml:MultiSurface>
            <gml:surfaceMember><gml:Polygon><gml:exterior><gml:LinearRing>
            <gml:posList>0 0 0 1 0 0 1 1 0 0 0 0</gml:posList>
            </gml:LinearRing></gml:exterior></gml:Polygon></gml:surfaceMember></gml:MultiSurface></bldg:lod2MultiSurface>
            </bldg:Building></core:cityObjectMember>
            """)
        #expect(throws: XMLError.self) { _ = try readObjects(text: text) }
    }
}
