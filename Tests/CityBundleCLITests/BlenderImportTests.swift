import CityBundleTesting
import Foundation
import Testing

/// The GLBs open in Blender (headless, its own glTF importer): the 3D developers' tool of choice for
/// inspecting and re-exporting city models. `make test` installs Debian's blender; without it the test says
/// so and passes.
@Suite("Blender import")
struct BlenderImportTests {
    static let blender = ["/usr/bin/blender", "/usr/local/bin/blender"].first {
        FileManager.default.isExecutableFile(atPath: $0)
    }

    @Test("a converted GLB imports into headless Blender with every triangle")
    func importsIntoBlender() throws {
        guard let blender = Self.blender else {
            print("Blender import test skipped: blender is not installed (apt-get install blender)")
            return
        }
        let directory = TemporaryDirectory()
        let glb = directory.file("hanyang.glb")
        let converted = try ExternalCommand.citybundle([
            "convert", Fixtures.dataset("wuhan/osm_buildings_hanyang_sample.geojson"), glb, "--kind", "building",
        ])
        #expect(converted.status == 0, "\(converted.stderr)")
        // Debian 12's Blender 3.4 importer still uses `numpy.bool`, which its NumPy 1.24 removed: alias it back.
        let script = """
            import bpy, sys, numpy
            numpy.bool = bool
            bpy.ops.wm.read_factory_settings(use_empty=True)
            bpy.ops.import_scene.gltf(filepath=sys.argv[-1])
            meshes = [o for o in bpy.data.objects if o.type == 'MESH']
            print('CB_IMPORTED', len(meshes), sum(len(o.data.polygons) for o in meshes))
            """
        let result = try ExternalCommand.run(
            blender, ["-b", "--factory-startup", "--python-expr", script, "--", glb],
            environment: ["HOME": directory.path])
        #expect(result.status == 0, "\(result.stderr)")
        let line = try #require(
            result.stdout.split(separator: "\n").first { $0.hasPrefix("CB_IMPORTED") }, "\(result.stdout)")
        let numbers = line.split(separator: " ").dropFirst().compactMap { Int($0) }
        #expect(numbers.count == 2 && numbers[0] >= 1)
        // Every triangle of the GLB (indices / 3, summed over primitives) arrives as a Blender face.
        #expect(numbers.last == (try Self.triangleCount(glb)))
    }

    /// Triangles of every primitive, from the GLB's JSON chunk.
    static func triangleCount(_ path: String) throws -> Int {
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        let length = Int(bytes[12]) | Int(bytes[13]) << 8 | Int(bytes[14]) << 16 | Int(bytes[15]) << 24
        let json = try JSONSerialization.jsonObject(with: bytes[20..<(20 + length)]) as? [String: Any] ?? [:]
        let accessors = json["accessors"] as? [[String: Any]] ?? []
        let primitives = (json["meshes"] as? [[String: Any]] ?? []).flatMap {
            $0["primitives"] as? [[String: Any]] ?? []
        }
        return primitives.reduce(0) { $0 + (accessors[$1["indices"] as! Int]["count"] as! Int) / 3 }
    }
}
