import Testing
import XMLKit

private let buildingNamespaceV1 = "http://www.opengis.net/citygml/building/1.0"
private let gmlNamespaceV3_1 = "http://www.opengis.net/gml"
private let buildingNamespaceV3 = "http://www.opengis.net/citygml/building/3.0"
private let gmlNamespaceV3_2 = "http://www.opengis.net/gml/3.2"

/// What one pass over a CityGML document collects.
private struct CityGMLSummary {
    var buildingCount = 0
    var firstBuildingID: String?
    var firstBuildingIDByQualifiedName: String?
    var firstBuildingLine: Int?
    var posLists: [[Double]] = []
    var unparsablePosLists = 0
}

private func summarize(
    _ reader: XMLStreamReader, buildingNamespace: String, gmlNamespace: String
) throws(XMLError) -> CityGMLSummary {
    var summary = CityGMLSummary()
    while let node = try reader.next() {
        guard node.kind == .startElement else { continue }
        if node.localName == "Building" && node.namespaceURI == buildingNamespace {
            summary.buildingCount += 1
            if summary.buildingCount == 1 {
                summary.firstBuildingID = reader.attribute(local: "id", namespace: gmlNamespace)
                summary.firstBuildingIDByQualifiedName = reader.attribute("gml:id")
                summary.firstBuildingLine = node.line
            }
        } else if node.localName == "posList" && node.namespaceURI == gmlNamespace {
            let numbers = try reader.readText().split(whereSeparator: \.isWhitespace).map { Double($0) }
            if numbers.contains(nil) {
                summary.unparsablePosLists += 1
            } else {
                summary.posLists.append(numbers.compactMap { $0 })
            }
        }
    }
    return summary
}

extension XMLKitTests {
    @Suite struct Fixtures {
        @Test func lod2BuildingV100() throws {
            // ISO-8859-1 encoded CityGML 1.0: one building, seven polygons (lines 12, 21...).
            let path = citygmlFixtures + "/citygml4j_LOD2_Building_v100.gml"
            let summary = try summarize(
                XMLStreamReader(path: path), buildingNamespace: buildingNamespaceV1, gmlNamespace: gmlNamespaceV3_1)
            #expect(summary.buildingCount == 1)
            #expect(summary.firstBuildingID == "Building_01")
            #expect(summary.firstBuildingIDByQualifiedName == "Building_01")
            #expect(summary.firstBuildingLine == 12)
            #expect(summary.unparsablePosLists == 0)
            #expect(summary.posLists.map(\.count) == [18, 18, 18, 21, 21, 18, 18])
            #expect(
                summary.posLists.first == [
                    0.0, 0.0, 0.0, 0.0, 12.0, 0.0, 6.0, 12.0, 0.0, 6.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0,
                ])
            // The gable wall (line 72) reaches the ridge at z = 9.
            #expect(summary.posLists[3].max() == 9.0)
        }

        @Test func lod2BuildingV100FromMemoryMatchesFile() throws {
            let path = citygmlFixtures + "/citygml4j_LOD2_Building_v100.gml"
            let fileNodes = try readAll(XMLStreamReader(path: path))
            let data = try #require(readFileBytes(path))
            let memoryNodes = try readAll(XMLStreamReader(data: data, name: "member.gml"))
            #expect(fileNodes == memoryNodes)
            // Every start tag is closed by an end element, except empty-element tags.
            let starts = fileNodes.filter { $0.kind == .startElement }.count
            let ends = fileNodes.filter { $0.kind == .endElement }.count
            #expect(starts == ends + fileNodes.filter(\.isEmptyElement).count)
            #expect(starts == 83)  // elements in the file (counted with Python ElementTree)
        }

        @Test func invalidBuildingV3IsWellFormedXML() throws {
            // Schema-invalid (a gml:id that starts with a digit) but well-formed: it must stream to the end.
            let path = citygmlFixtures + "/citygml4j_invalid_building_v3.gml"
            let summary = try summarize(
                XMLStreamReader(path: path), buildingNamespace: buildingNamespaceV3, gmlNamespace: gmlNamespaceV3_2)
            #expect(summary.buildingCount == 1)
            #expect(summary.firstBuildingID == "1F3E679D-E226-4535-926C-7390977FB25A")
            #expect(summary.firstBuildingLine == 5)
            #expect(summary.posLists.count == 7)
            #expect(summary.unparsablePosLists == 0)
        }

        @Test func missingFileNamesTheFile() {
            let path = "/nonexistent-xmlkit-dir/city.gml"
            #expect {
                _ = try XMLStreamReader(path: path)
            } throws: { error in
                guard let error = error as? XMLError else { return false }
                return error.file == path && error.description.hasPrefix(path + ": ")
                    && error.message.contains("No such file or directory")
            }
        }

        @Test func directoryIsRefused() {
            #expect(throws: XMLError.self) { _ = try XMLStreamReader(path: "/tmp") }
        }
    }
}
