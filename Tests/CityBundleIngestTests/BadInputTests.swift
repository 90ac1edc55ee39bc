import CityBundleIngest
import CityBundleModel
import CityBundleTesting
import Foundation
import GDALKit
import Testing

/// Broken inputs give a clear error naming the file, with the right exit status, and never crash.
@Suite("Bad input")
struct BadInputTests {
    func status(of error: any Error) -> CityBundleModel.ExitStatus? {
        (error as? any CityBundleError)?.exitStatus
    }

    @Test("a missing file")
    func missing() throws {
        #expect {
            _ = try readAll(source("/nonexistent/城市.geojson"))
        } throws: { error in
            status(of: error) == .io && "\(error)".contains("/nonexistent/城市.geojson")
                && "\(error)".contains("no such file")
        }
    }

    @Test("an empty file")
    func empty() throws {
        let directory = TemporaryDirectory()
        let path = directory.file("empty.geojson")
        _ = FileManager.default.createFile(atPath: path, contents: Data())
        #expect {
            _ = try readAll(source(path))
        } throws: { error in
            status(of: error) == .io && "\(error)".contains("empty.geojson") && "\(error)".contains("empty")
        }
    }

    @Test("a truncated GeoJSON file")
    func truncated() throws {
        let directory = TemporaryDirectory()
        let path = directory.file("truncated.geojson")
        let bytes = try Data(contentsOf: URL(fileURLWithPath: Fixtures.dataset("wuhan/scenic_sites.geojson")))
        try bytes.prefix(bytes.count / 2).write(to: URL(fileURLWithPath: path))
        #expect {
            _ = try readAll(source(path))
        } throws: { error in
            status(of: error) != nil && "\(error)".contains("truncated.geojson")
        }
    }

    @Test("an unknown format")
    func unknownFormat() throws {
        let directory = TemporaryDirectory()
        let path = directory.file("notes.dat")
        try Data((0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 7919) }).write(to: URL(fileURLWithPath: path))
        #expect {
            _ = try readAll(source(path))
        } throws: { error in
            status(of: error) == .io && "\(error)".contains("notes.dat") && "\(error)".contains("GeoJSON, Shapefile")
        }
    }

    @Test("a shapefile without its .shx")
    func shapefileWithoutSHX() throws {
        let directory = TemporaryDirectory()
        for ext in ["shp", "dbf", "prj"] {
            try FileManager.default.copyItem(
                atPath: Fixtures.shared("shapefile-gbk/chinese_poly.\(ext)"), toPath: directory.file("poly.\(ext)"))
        }
        #expect {
            _ = try readAll(source(directory.file("poly.shp"), encoding: "GBK"))
        } throws: { error in
            status(of: error) == .io && "\(error)".contains("poly.shp") && "\(error)".contains(".shx")
        }
    }

    @Test("a layer that does not exist lists the layers there are")
    func missingLayer() throws {
        #expect {
            _ = try readAll(source(Fixtures.shared("osm/osm2ch_sample.osm.pbf"), layer: "roads"))
        } throws: { error in
            status(of: error) == .usage && "\(error)".contains("roads") && "\(error)".contains("multipolygons")
        }
    }

    @Test("an unknown declared CRS is a configuration error")
    func unknownCRS() throws {
        #expect {
            _ = try readAll(source(Fixtures.dataset("wuhan/scenic_sites.geojson"), crs: "EPSG:999999"))
        } throws: { error in
            status(of: error) == .usage && "\(error)".contains("EPSG:999999")
        }
    }

    @Test(
        "sloppy KML files never crash: each either reads or fails with a message naming it",
        arguments: try FileManager.default.contentsOfDirectory(atPath: Fixtures.shared("kml/sloppy"))
            .filter { $0.hasSuffix(".kml") || $0.hasSuffix(".kmz") }.sorted())
    func sloppyKML(name: String) throws {
        let path = Fixtures.shared("kml/sloppy/\(name)")
        do {
            let layers = try DatasetInspector.inspect(source(path), assumeWGS84: false)
            for layer in layers {
                _ = try readAll(source(path, layer: layer.layer))
            }
        } catch {
            #expect(status(of: error) != nil)
            #expect("\(error)".contains(name))
        }
    }
}
