import CityBundleModel
import CityGMLKit
import Foundation
import Testing

/// The shared CityGML fixtures: `$CB_SHARED/fixtures/citygml`, or `shared/fixtures/citygml` beside
/// the package root (found from this file's real path, so a symlinked checkout works too).
let citygmlFixtures: String = {
    if let shared = ProcessInfo.processInfo.environment["CB_SHARED"], !shared.isEmpty {
        return shared + "/fixtures/citygml"
    }
    let here = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
    let packageRoot = here.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    return packageRoot.deletingLastPathComponent().appendingPathComponent("shared/fixtures/citygml").path
}()

/// The path of fixture `name`.
func fixture(_ name: String) -> String { citygmlFixtures + "/" + name }

/// Every object of the file at `path`.
func readObjects(
    _ path: String, declaredCRS: String? = nil, output: CityGMLReader.Output = .wgs84
) throws -> [CityObject] {
    let reader = try CityGMLReader(path: path, declaredCRS: declaredCRS, output: output)
    var objects: [CityObject] = []
    while let object = try reader.next() { objects.append(object) }
    return objects
}

/// Every object of an in-memory document.
func readObjects(text: String, declaredCRS: String? = nil, output: CityGMLReader.Output = .wgs84) throws
    -> [CityObject]
{
    let reader = try CityGMLReader(data: Array(text.utf8), name: "test.gml", declaredCRS: declaredCRS, output: output)
    var objects: [CityObject] = []
    while let object = try reader.next() { objects.append(object) }
    return objects
}

/// Runs PROJ's `cs2cs` (independent of GDALKit) on one position and returns its three outputs.
func cs2cs(_ source: String, _ target: String, _ a: Double, _ b: Double, _ c: Double = 0) throws -> [Double] {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["cs2cs", "-f", "%.10f", source, target]
    let input = Pipe()
    let output = Pipe()
    process.standardInput = input
    process.standardOutput = output
    try process.run()
    input.fileHandleForWriting.write(Data("\(a) \(b) \(c)\n".utf8))
    try input.fileHandleForWriting.close()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return String(decoding: data, as: UTF8.self).split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" })
        .compactMap { Double($0) }
}

/// A fresh temporary directory, removed by the caller.
func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("citygmlkit-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// A minimal CityGML 2.0 document with `buildings` (already serialised) under one CityModel.
func cityModel2(srsName: String?, _ buildings: String) -> String {
    let envelope =
        srsName.map {
            "<gml:boundedBy><gml:Envelope srsName=\"\($0)\" srsDimension=\"3\"><gml:lowerCorner>0 0 0</gml:lowerCorner><gml:upperCorner>1 1 1</gml:upperCorner></gml:Envelope></gml:boundedBy>"
        } ?? ""
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <core:CityModel xmlns:core="http://www.opengis.net/citygml/2.0" xmlns:gml="http://www.opengis.net/gml" \
        xmlns:bldg="http://www.opengis.net/citygml/building/2.0" xmlns:gen="http://www.opengis.net/citygml/generics/2.0" \
        xmlns:xlink="http://www.w3.org/1999/xlink">
        \(envelope)
        \(buildings)
        </core:CityModel>
        """
}
