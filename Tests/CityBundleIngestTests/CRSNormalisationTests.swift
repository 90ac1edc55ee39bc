import CityBundleGeodesy
import CityBundleIngest
import CityBundleModel
import CityBundlePipeline
import CityBundleTesting
import Foundation
import GDALKit
import Testing

/// Projected and geographic CRSs used by Chinese GIS departments, each compared with GDAL's own
/// `gdaltransform` (PROJ underneath) on the real scenic sites spread over Wuhan.
@Suite("CRS normalisation")
struct CRSNormalisationTests {
    static let crsCodes = [
        "EPSG:4547",  // CGCS2000 / 3-degree Gauss-Kruger CM 114E
        "EPSG:4490",  // CGCS2000 geographic (lat-first in the EPSG definition)
        "EPSG:4526",  // CGCS2000 / 3-degree Gauss-Kruger zone 38 (false easting with zone number)
        "EPSG:3857",  // Web Mercator
        "EPSG:2383",  // Xian 1980 / 3-degree Gauss-Kruger CM 114E
        "EPSG:2435",  // Beijing 1954 / 3-degree Gauss-Kruger CM 114E
        "EPSG:32650",  // WGS 84 / UTM zone 50N
    ]

    /// Writes the scenic sites in `crs` (a GeoPackage, so the CRS travels with the file).
    func projected(_ crs: String, in directory: TemporaryDirectory) throws -> String {
        let path = directory.file("sites-\(crs.replacingOccurrences(of: ":", with: "_")).gpkg")
        try ogr2ogr(["-f", "GPKG", "-t_srs", crs, path, Fixtures.dataset("wuhan/scenic_sites.geojson")])
        return path
    }

    /// The native coordinates of every point, as stored in the file (GIS axis order).
    func nativePoints(_ path: String) throws -> [Position] {
        let dataset = try VectorDataset(path: path)
        let layer = dataset.layers[0]
        var points: [Position] = []
        while let record = layer.nextFeature() {
            if let p = firstPosition(try record.geometry()) { points.append(p) }
        }
        return points
    }

    /// gdaltransform's answer for `points` from `crs` to WGS 84, in lon/lat order.
    func reference(_ points: [Position], from crs: String) throws -> [Position] {
        let input = points.map { "\($0.x.description) \($0.y.description)" }.joined(separator: "\n") + "\n"
        let result = try ExternalCommand.run(
            "gdaltransform", ["-s_srs", crs, "-t_srs", "EPSG:4326", "-output_xy"], stdin: input,
            environment: ["OSR_DEFAULT_AXIS_MAPPING_STRATEGY": "TRADITIONAL_GIS_ORDER"])
        #expect(result.status == 0, "\(result.stderr)")
        return result.stdout.split(separator: "\n").map { line in
            let parts = line.split(separator: " ").compactMap { Double($0) }
            return Position(parts[0], parts[1])
        }
    }

    @Test("every CRS agrees with gdaltransform to 1 cm at every Wuhan landmark", arguments: crsCodes)
    func agreesWithGDAL(crs: String) throws {
        let directory = TemporaryDirectory()
        let path = try projected(crs, in: directory)
        let native = try nativePoints(path)
        let expected = try reference(native, from: crs)
        let (features, reader) = try readAll(source(path, crs: nil))
        #expect(reader.transformation.origin == "file")
        #expect(features.count == 36)
        #expect(expected.count == features.count)
        for (feature, want) in zip(features, expected) {
            let got = try #require(firstPosition(feature.geometry))
            let error = Geodesic.distanceMetres(LonLat(got.x, got.y), LonLat(want.x, want.y))
            #expect(error <= 0.01, "\(crs) feature \(feature.id ?? "?"): \(error) m")
            #expect(got.x > 114 && got.x < 114.5 && got.y > 30.4 && got.y < 30.8)
        }
    }

    @Test("old datums without a declared Helmert transformation warn that PROJ has only a ballpark")
    func ballparkWarning() throws {
        let directory = TemporaryDirectory()
        let path = try projected("EPSG:2383", in: directory)
        let (_, reader) = try readAll(source(path, id: "xian80_sites"))
        #expect(reader.transformation.isBallpark)
        #expect(reader.transformation.warnings.contains { $0.contains("xian80_sites") && $0.contains("ballpark") })
    }

    @Test("CGCS2000 is not flagged: it agrees with WGS 84 to about 0.1 m")
    func cgcs2000NotWarned() throws {
        let directory = TemporaryDirectory()
        let (_, reader) = try readAll(source(try projected("EPSG:4547", in: directory)))
        #expect(reader.transformation.warnings.isEmpty)
        #expect(reader.transformation.sourceCRS.contains("EPSG:4547"))
    }

    @Test("a declared 7-parameter transformation is used instead of the ballpark, and matches PROJ's cs2cs")
    func declaredHelmert() throws {
        let directory = TemporaryDirectory()
        let path = try projected("EPSG:2383", in: directory)
        let helmert = HelmertParameters(
            tx: 24.0, ty: -123.0, tz: -94.0, rx: 0.02, ry: -0.25, rz: -0.13, scalePPM: 1.1, convention: .positionVector)
        let (features, reader) = try readAll(source(path, id: "xian80", helmert: helmert))
        #expect(!reader.transformation.isBallpark)
        #expect(reader.transformation.warnings.isEmpty)
        // The same transformation spelled out for cs2cs: Xian 1980 GK CM 114E with +towgs84.
        let native = try nativePoints(path)
        let proj =
            "+proj=tmerc +lat_0=0 +lon_0=114 +k=1 +x_0=500000 +y_0=0 +ellps=IAU76 +towgs84=24,-123,-94,0.02,-0.25,-0.13,1.1 +units=m"
        let input = native.map { "\($0.x.description) \($0.y.description)" }.joined(separator: "\n") + "\n"
        let result = try ExternalCommand.run(
            "cs2cs", ["-f", "%.10f", proj, "+to", "+proj=longlat +datum=WGS84"], stdin: input)
        #expect(result.status == 0, "\(result.stderr)")
        let expected = result.stdout.split(separator: "\n").map { line in
            let parts = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).compactMap { Double($0) }
            return LonLat(parts[0], parts[1])
        }
        for (feature, want) in zip(features, expected) {
            let got = try #require(firstPosition(feature.geometry))
            #expect(Geodesic.distanceMetres(LonLat(got.x, got.y), want) <= 0.01)
        }
        // The Helmert shift is real: tens of metres away from the ballpark result.
        let (ballpark, _) = try readAll(source(path))
        let a = try #require(firstPosition(features[0].geometry))
        let b = try #require(firstPosition(ballpark[0].geometry))
        #expect(Geodesic.distanceMetres(LonLat(a.x, a.y), LonLat(b.x, b.y)) > 10)
    }

    @Test("GCJ-02 and BD-09 sources are converted with the iterative inverse", arguments: ["GCJ-02", "BD-09"])
    func chinaOffsets(declared: String) throws {
        let (wgs, _) = try readAll(source(Fixtures.dataset("wuhan/scenic_sites.geojson")))
        let (converted, reader) = try readAll(source(Fixtures.dataset("wuhan/scenic_sites.geojson"), crs: declared))
        #expect(reader.transformation.operation.contains(declared))
        for (raw, out) in zip(wgs, converted) {
            let input = try #require(firstPosition(raw.geometry))
            let output = try #require(firstPosition(out.geometry))
            // Re-applying the forward obfuscation to our output must give the input back (< 0.5 m).
            let forward =
                declared == "GCJ-02"
                ? GCJ02.fromWGS84(LonLat(output.x, output.y)) : BD09.fromWGS84(LonLat(output.x, output.y))
            #expect(Geodesic.distanceMetres(forward, LonLat(input.x, input.y)) < 0.5)
            // And the shift in Wuhan is hundreds of metres.
            let shift = Geodesic.distanceMetres(LonLat(input.x, input.y), LonLat(output.x, output.y))
            #expect(shift > 100 && shift < 1500)
        }
    }

    @Test("GCJ-02 districts move west by several hundred metres once converted to WGS 84")
    func districtsShift() throws {
        let path = Fixtures.dataset("wuhan/wuhan_districts.shp")
        let (features, _) = try readAll(source(path, crs: "GCJ-02", fields: FieldMapping(id: "adcode", name: "name")))
        let wuchang = try #require(features.first { $0.id == "420106" })
        #expect(wuchang.properties["name"] == .string("武昌区"))
        let dataset = try VectorDataset(path: path)
        let layer = dataset.layers[0]
        var raw: Position?
        while let record = layer.nextFeature() {
            if case .string("420106") = try record.properties(decoder: TextDecoder())["adcode"] {
                raw = firstPosition(try record.geometry())
            }
        }
        let before = try #require(raw)
        let after = try #require(firstPosition(wuchang.geometry))
        #expect(after.x < before.x && abs(after.y - before.y) < 0.005)
        #expect(before.x - after.x > 0.003 && before.x - after.x < 0.008)
    }

    @Test("a source with no CRS anywhere is an error naming the file")
    func noCRS() throws {
        #expect {
            _ = try readAll(source(Fixtures.dataset("wuhan/wuhan_districts.shp")))
        } throws: { error in
            let text = "\(error)"
            return (error as? IngestError)?.exitStatus == .usage && text.contains("wuhan_districts.shp")
                && text.contains("crs:")
        }
    }

    @Test("assume_wgs84 accepts lon/lat-looking data without a CRS, with a warning")
    func assumeWGS84() throws {
        let (features, reader) = try readAll(
            source(Fixtures.dataset("wuhan/wuhan_districts.shp"), id: "districts"), assumeWGS84: true)
        #expect(features.count == 13)
        #expect(reader.transformation.origin == "assumed")
        #expect(reader.transformation.warnings.contains { $0.contains("districts") && $0.contains("WGS 84") })
    }

    @Test("a wrong declared CRS that puts the data outside the pipeline extent is refused")
    func wrongCRSOutsideExtent() throws {
        let wuhan = BoundingBox(minX: 113.6, minY: 29.9, maxX: 115.2, maxY: 31.5)
        let directory = TemporaryDirectory()
        let path = try projected("EPSG:4547", in: directory)
        #expect {
            _ = try readAll(source(path, crs: "EPSG:2436"), extent: wuhan)  // Beijing 1954 GK CM 117E: wrong zone
        } throws: { error in
            let text = "\(error)"
            return (error as? IngestError)?.exitStatus == .usage && text.contains("outside the pipeline's extent")
                && text.contains(path)
        }
        #expect(try readAll(source(path), extent: wuhan).features.count == 36)
    }
}
