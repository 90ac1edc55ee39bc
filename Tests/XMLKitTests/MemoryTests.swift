import Testing
import XMLKit

/// Writes a CityGML-like document of at least `minimumBytes` bytes; returns the number of buildings
/// and of posList coordinates it holds.
private func writeLargeCityGML(to path: String, minimumBytes: Int) -> (buildings: Int, coordinates: Int) {
    let writer = FileWriter(path: path)
    writer.write(
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <core:CityModel xmlns:core="http://www.opengis.net/citygml/1.0" xmlns:gml="http://www.opengis.net/gml" \
        xmlns:bldg="http://www.opengis.net/citygml/building/1.0">

        """)
    var buildings = 0
    var coordinates = 0
    while writer.bytesWritten < minimumBytes {
        buildings += 1
        var posList = ""
        for vertex in 0..<10 {
            posList +=
                "\(380000 + buildings % 1000).\(vertex)25 \(5800000 + buildings / 1000).\(vertex)5 \(vertex % 4 + 30).5 "
        }
        writer.write(
            """
              <core:cityObjectMember>
                <bldg:Building gml:id="B\(buildings)">
                  <bldg:measuredHeight uom="m">\(buildings % 50 + 3).5</bldg:measuredHeight>
                  <bldg:lod2MultiSurface><gml:MultiSurface>
                    <gml:surfaceMember><gml:Polygon><gml:exterior><gml:LinearRing>
                      <gml:posList srsDimension="3">\(posList)</gml:posList>
                    </gml:LinearRing></gml:exterior></gml:Polygon></gml:surfaceMember>
                    <gml:surfaceMember><gml:Polygon><gml:exterior><gml:LinearRing>
                      <gml:posList srsDimension="3">\(posList)</gml:posList>
                    </gml:LinearRing></gml:exterior></gml:Polygon></gml:surfaceMember>
                  </gml:MultiSurface></bldg:lod2MultiSurface>
                </bldg:Building>
              </core:cityObjectMember>

            """)
        coordinates += 60
    }
    writer.write("</core:CityModel>\n")
    writer.close()
    return (buildings, coordinates)
}

extension XMLKitTests {
    @Suite struct Memory {
        // Peak memory is measured by the CityGML benchmark in a process of its own: in the shared test
        // process other suites allocate at the same time, so RSS says nothing about this reader.
        @Test func streamsFiftyMegabytesToTheEnd() throws {
            let directory = makeTemporaryDirectory()
            defer { removeTemporaryDirectory(directory, files: ["large.gml"]) }
            let path = directory + "/large.gml"
            let expected = writeLargeCityGML(to: path, minimumBytes: 50 * 1024 * 1024)

            let reader = try XMLStreamReader(path: path)
            var buildings = 0
            var coordinates = 0
            var lastID: String?
            while let node = try reader.next() {
                guard node.kind == .startElement else { continue }
                if node.localName == "Building" {
                    buildings += 1
                    lastID = reader.attribute(local: "id", namespace: "http://www.opengis.net/gml")
                } else if node.localName == "posList" {
                    let numbers = try reader.readText().split(separator: " ").compactMap { Double($0) }
                    coordinates += numbers.count
                }
            }

            #expect(buildings == expected.buildings)
            #expect(coordinates == expected.coordinates)
            #expect(lastID == "B\(expected.buildings)")
        }
    }
}
