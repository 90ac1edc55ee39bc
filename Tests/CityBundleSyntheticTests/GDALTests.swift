import CityBundleModel
import CityBundleSynthetic
import CityBundleTesting
import Foundation
import Testing

@Suite("Synthetic city: as GDAL reads it")
struct GDALTests {
    @Test("every footprint is a valid polygon (GEOS through SpatiaLite)")
    func validFootprints() throws {
        let (directory, _) = try Synthetic.city(buildings: 200, seed: 42)
        for (file, layer) in [
            (SyntheticCity.buildingsFile, "buildings"), (SyntheticCity.districtsFile, "districts"),
        ] {
            let result = try Synthetic.gdal(
                "ogrinfo",
                [
                    "-ro", "-q", "-dialect", "SQLite", "-sql",
                    "SELECT COUNT(*) AS total, SUM(NOT ST_IsValid(geometry)) AS invalid FROM \(layer)",
                    directory.file(file),
                ])
            #expect(result.status == 0, "\(result.stderr)")
            let output = result.stdout
            #expect(output.contains("invalid (Integer) = 0"), "invalid footprints in \(file): \(output)")
        }
        let overlaps = try Synthetic.gdal(
            "ogrinfo",
            [
                "-ro", "-q", "-dialect", "SQLite", "-sql",
                "SELECT COUNT(*) AS overlaps FROM buildings a JOIN buildings b ON a.ROWID < b.ROWID "
                    + "AND ST_Intersects(a.geometry, b.geometry)",
                directory.file(SyntheticCity.buildingsFile),
            ])
        #expect(overlaps.stdout.contains("overlaps (Integer) = 0"), "\(overlaps.stdout) \(overlaps.stderr)")
    }

    @Test("GDAL reads the CRS as EPSG:4547 and counts every feature")
    func crs() throws {
        let (directory, _) = try Synthetic.city(buildings: 200, seed: 42)
        let result = try Synthetic.gdal(
            "ogrinfo", ["-ro", "-so", directory.file(SyntheticCity.buildingsFile), "buildings"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Feature Count: 200"))
        #expect(result.stdout.contains(#"ID["EPSG",4547]"#), "\(result.stdout)")
        #expect(result.stdout.contains("CGCS2000 / 3-degree Gauss-Kruger CM 114E"))
    }

    @Test("the summary's WGS 84 extent agrees with PROJ")
    func extentAgreesWithPROJ() throws {
        let (_, summary) = try Synthetic.city(buildings: 200, seed: 42)
        let corners = "\(summary.extent.minX) \(summary.extent.minY)\n\(summary.extent.maxX) \(summary.extent.maxY)\n"
        let result = try Synthetic.gdal(
            "gdaltransform", ["-s_srs", "EPSG:4547", "-t_srs", "OGC:CRS84", "-output_xy"], stdin: corners)
        #expect(result.status == 0, "\(result.stderr)")
        let numbers = result.stdout.split(whereSeparator: { $0 == " " || $0 == "\n" }).compactMap { Double($0) }
        try #require(numbers.count == 4, "\(result.stdout)")
        // The summary's box is built from corners and edge midpoints, so it holds the corners.
        #expect(summary.wgs84Extent.minX <= numbers[0] + 1e-7 && summary.wgs84Extent.minY <= numbers[1] + 1e-7)
        #expect(summary.wgs84Extent.maxX >= numbers[2] - 1e-7 && summary.wgs84Extent.maxY >= numbers[3] - 1e-7)
        #expect(abs(summary.wgs84Extent.minY - numbers[1]) < 1e-4 && abs(summary.wgs84Extent.maxY - numbers[3]) < 1e-4)
    }
}
