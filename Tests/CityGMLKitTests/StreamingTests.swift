import CityBundleModel
import CityGMLKit
import Foundation
import Testing

/// Reading is streaming: a ~50 MB file is read to the end, one building at a time.
@Suite struct StreamingTests {
    @Test func fiftyMegabytes() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("big.gml").path
        _ = FileManager.default.createFile(atPath: path, contents: nil)
        let handle = try #require(FileHandle(forWritingAtPath: path))
        let header = cityModel2(srsName: "EPSG:25832", "@@").components(separatedBy: "@@")
        try handle.write(contentsOf: Data(header[0].utf8))
        var count = 0
        var written = 0
        var chunk = ""
        while written < 50_000_000 {
            let x = 458_000.0 + Double(count % 100) * 20
            let y = 5_438_000.0 + Double(count / 100) * 20
            chunk += Self.building(id: "b\(count)", x: x, y: y)
            count += 1
            if chunk.utf8.count > 1_000_000 {
                written += chunk.utf8.count
                try handle.write(contentsOf: Data(chunk.utf8))
                chunk = ""
            }
        }
        try handle.write(contentsOf: Data((chunk + header[1]).utf8))
        try handle.close()

        let reader = try CityGMLReader(path: path)
        var read = 0
        var lastID: String?
        while let object = try reader.next() {
            #expect(object.surfaces.count == 6)
            read += 1
            lastID = object.id
        }
        #expect(read == count)
        #expect(lastID == "b\(count - 1)")
    }

    /// A 10 × 10 × 10 m box with padding attributes (about 3 KB).
    static func building(id: String, x: Double, y: Double) -> String {
        func ring(_ corners: [(Double, Double, Double)]) -> String {
            let list = (corners + [corners[0]]).map { "\(x + $0.0) \(y + $0.1) \($0.2)" }.joined(separator: " ")
            return "<gml:surfaceMember><gml:Polygon><gml:exterior><gml:LinearRing><gml:posList>\(list)</gml:posList>"
                + "</gml:LinearRing></gml:exterior></gml:Polygon></gml:surfaceMember>\n"
        }
        let faces = [
            [(0.0, 0.0, 0.0), (0, 10, 0), (10, 10, 0), (10, 0, 0)],
            [(0.0, 0.0, 10.0), (10, 0, 10), (10, 10, 10), (0, 10, 10)],
            [(0.0, 0.0, 0.0), (10, 0, 0), (10, 0, 10), (0, 0, 10)],
            [(10.0, 0.0, 0.0), (10, 10, 0), (10, 10, 10), (10, 0, 10)],
            [(10.0, 10.0, 0.0), (0, 10, 0), (0, 10, 10), (10, 10, 10)],
            [(0.0, 10.0, 0.0), (0, 0, 0), (0, 0, 10), (0, 10, 10)],
        ]
        let padding = String(
            repeating: "<gen:stringAttribute name=\"note\"><gen:value>padding</gen:value></gen:stringAttribute>\n",
            count: 12)
        return
            "<core:cityObjectMember><bldg:Building gml:id=\"\(id)\">\n<bldg:measuredHeight uom=\"m\">10</bldg:measuredHeight>\n"
            + padding + "<bldg:lod1Solid><gml:Solid><gml:exterior><gml:CompositeSurface>\n"
            + faces.map(ring).joined() + "</gml:CompositeSurface></gml:exterior></gml:Solid></bldg:lod1Solid>\n"
            + "</bldg:Building></core:cityObjectMember>\n"
    }
}
