import CityBundleExport
import CityBundleModel
import Foundation
import Testing

struct AtomicityTests {
    static let feature = TestSupport.mixedFeatures[0]

    @Test func abortLeavesNothingBehind() throws {
        let directory = try TestSupport.makeDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        var writer = GeoJSONWriter(
            path: directory.appendingPathComponent("out.geojson").path, format: .featureCollection, decimals: 7,
            name: nil)
        try writer.write(Self.feature)
        #expect(try TestSupport.listing(directory).count == 1, "the temporary file exists while writing")
        writer.abort()
        #expect(try TestSupport.listing(directory) == [])
        #expect(throws: OutputError.self) { try writer.write(Self.feature) }
        #expect(throws: OutputError.self) { _ = try writer.finish() }
        #expect(try TestSupport.listing(directory) == [])
    }

    @Test func writingIntoAMissingDirectoryFailsAndLeavesNothing() throws {
        let directory = try TestSupport.makeDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let missing = directory.appendingPathComponent("does-not-exist")
        let path = missing.appendingPathComponent("out.geojson").path
        var writer = GeoJSONWriter(path: path, format: .sequence, decimals: 7, name: nil)
        let error = try #require(throws: OutputError.self) { try writer.write(Self.feature) }
        #expect(error.path == path)
        #expect(error.exitStatus == .io)
        #expect(error.code == ENOENT)
        #expect(error.description.contains(path))
        #expect(error.description.contains("No such file or directory"))
        #expect(throws: OutputError.self) { _ = try writer.finish() }
        #expect(!FileManager.default.fileExists(atPath: missing.path))
        #expect(try TestSupport.listing(directory) == [])
    }

    @Test func finishedFileHasOnlyItsFinalName() throws {
        let directory = try TestSupport.makeDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        var writer = GeoJSONWriter(
            path: directory.appendingPathComponent("final.geojsonl").path, format: .sequence, decimals: 7, name: nil)
        for feature in TestSupport.mixedFeatures { try writer.write(feature) }
        _ = try writer.finish()
        #expect(try TestSupport.listing(directory) == ["final.geojsonl"])
        writer.abort()  // after finish: does nothing
        #expect(try TestSupport.listing(directory) == ["final.geojsonl"])
        #expect(throws: OutputError.self) { _ = try writer.finish() }
    }

    @Test func existingFileIsReplacedOnlyOnFinish() throws {
        let directory = try TestSupport.makeDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("data.geojson").path
        try Data("old".utf8).write(to: URL(fileURLWithPath: path))

        var aborted = GeoJSONWriter(path: path, format: .featureCollection, decimals: 7, name: nil)
        try aborted.write(Self.feature)
        aborted.abort()
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "old")

        var replacing = GeoJSONWriter(path: path, format: .featureCollection, decimals: 7, name: nil)
        try replacing.write(Self.feature)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "old", "not visible before finish")
        _ = try replacing.finish()
        #expect(try String(contentsOfFile: path, encoding: .utf8).hasPrefix(#"{"type":"FeatureCollection""#))
        #expect(try TestSupport.listing(directory) == ["data.geojson"])
    }

    @Test func droppingAnUnfinishedWriterRemovesTheTemporaryFile() throws {
        let directory = try TestSupport.makeDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        do {
            var writer = GeoJSONWriter(
                path: directory.appendingPathComponent("dropped.geojson").path, format: .featureCollection,
                decimals: 7, name: nil)
            try writer.write(Self.feature)
            #expect(try TestSupport.listing(directory).count == 1)
        }
        #expect(try TestSupport.listing(directory) == [])
    }

    @Test func temporaryFileIsHiddenInTheSameDirectory() throws {
        let directory = try TestSupport.makeDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = AtomicFileWriter(path: directory.appendingPathComponent("x.bin").path)
        try file.write([1, 2, 3])
        let names = try TestSupport.listing(directory)
        #expect(names.count == 1)
        #expect(names.first?.hasPrefix(".x.bin.tmp-") == true)
        #expect(file.temporaryPath == directory.appendingPathComponent(names[0]).path)
        try file.finish()
        #expect(try TestSupport.listing(directory) == ["x.bin"])
        #expect(file.bytesWritten == 3)
        #expect(try Data(contentsOf: directory.appendingPathComponent("x.bin")) == Data([1, 2, 3]))
    }
}
