import CityBundleIngest
import CityBundleModel
import CityBundlePipeline
import CityBundleTesting
import Foundation
import Testing

/// Every input format the foundation promises, read through GDAL from real files.
@Suite("Input formats")
struct FormatTests {
    @Test("GeoJSON: the scenic sites keep their Wikidata ids and Chinese names")
    func geojson() throws {
        let (features, _) = try readAll(
            source(Fixtures.dataset("wuhan/scenic_sites.geojson"), fields: FieldMapping(id: "qid", name: "name")))
        #expect(features.count == 36)
        let crane = try #require(features.first { $0.id == "Q462372" })
        #expect(crane.properties["name"] == .string("黄鹤楼"))
        #expect(crane.properties["qid"] == nil)
    }

    @Test(
        "GeoJSONSeq, GeoPackage and FlatGeobuf written by ogr2ogr read back identically",
        arguments: [("GeoJSONSeq", "geojsonl"), ("GPKG", "gpkg"), ("FlatGeobuf", "fgb")])
    func convertedFormats(driver: String, ext: String) throws {
        let directory = TemporaryDirectory()
        let original = Fixtures.dataset("wuhan/osm_buildings_hanyang_sample.geojson")
        let path = directory.file("buildings.\(ext)")
        try ogr2ogr(["-f", driver, path, original])
        let (expected, _) = try readAll(source(original))
        let (features, _) = try readAll(source(path))
        #expect(features.count == 43)
        // ogr2ogr may reorder features (FlatGeobuf's spatial index) and rewind rings (GeoJSONSeq
        // writes RFC 7946): compare each geometry's set of positions.
        #expect(Set(features.map(positionSet)) == Set(expected.map(positionSet)))
    }

    @Test("Shapefile without .cpg: the districts with their adcodes kept as strings")
    func shapefile() throws {
        let (features, _) = try readAll(
            source(Fixtures.dataset("wuhan/wuhan_districts.shp"), crs: "GCJ-02", fields: FieldMapping(id: "adcode")))
        #expect(features.count == 13)
        #expect(Set(features.compactMap(\.id)).count == 13)
        #expect(features.allSatisfy { $0.id?.hasPrefix("4201") == true })
    }

    @Test("CSV with Chinese column names, configured or found by default")
    func csv() throws {
        let directory = TemporaryDirectory()
        let path = directory.file("景点.csv")
        try "名称,经度,纬度,等级\n黄鹤楼,114.302,30.544,5A\n古琴台,114.263,30.556,4A\n".write(
            toFile: path, atomically: true, encoding: .utf8)
        for columns in [CSVColumns(lon: "经度", lat: "纬度"), nil] {
            let (features, _) = try readAll(source(path, crs: "EPSG:4326", csv: columns))
            #expect(features.count == 2)
            #expect(features[0].geometry == .point(Position(114.302, 30.544)))
            #expect(features[1].properties["名称"] == .string("古琴台"))
            #expect(features[0].properties["经度"] == nil)
        }
    }

    @Test(
        "KML and KMZ from the KML sample suite",
        arguments: [
            "kml/wellformed/Placemark/simple_placemark.kml", "kml/wellformed/Polygon/treasureIsland.kml",
            "kml/wellformed/kmz/iconStyle/styled_placemark.kmz", "kml/xmlns/opengis-net-kml-22.kml",
        ])
    func kml(path: String) throws {
        let (features, reader) = try readAll(source(Fixtures.shared(path)))
        #expect(!features.isEmpty)
        #expect(reader.transformation.sourceCRS.contains("WGS 84"))
        #expect(features.allSatisfy { $0.geometry.map { !$0.isEmpty } ?? true })
    }

    @Test(
        "OSM XML and PBF: a chosen layer; several layers without a choice is an error",
        arguments: ["osm/osm2ch_sample.osm", "osm/osm2ch_sample.osm.pbf"])
    func osm(path: String) throws {
        let (lines, _) = try readAll(source(Fixtures.shared(path), layer: "lines"))
        #expect(!lines.isEmpty)
        #expect(lines.allSatisfy { if case .lineString = $0.geometry { true } else { false } })
        #expect {
            _ = try readAll(source(Fixtures.shared(path)))
        } throws: { error in
            "\(error)".contains("layers") && "\(error)".contains("multipolygons") && "\(error)".contains("layer:")
        }
    }

    @Test("OSM XML and PBF hold the same lines")
    func osmFormatsAgree() throws {
        let (xml, _) = try readAll(source(Fixtures.shared("osm/osm2ch_sample.osm"), layer: "lines"))
        let (pbf, _) = try readAll(source(Fixtures.shared("osm/osm2ch_sample.osm.pbf"), layer: "lines"))
        #expect(xml.count == pbf.count)
        #expect(Set(xml.compactMap { $0.properties["osm_id"] }) == Set(pbf.compactMap { $0.properties["osm_id"] }))
    }

    @Test("derived ids are stable across reads and differ between features")
    func stableDerivedIDs() throws {
        let path = Fixtures.dataset("wuhan/osm_buildings_hanyang_sample.geojson")
        let first = try readAll(source(path, id: "hanyang")).features.compactMap(\.id)
        let second = try readAll(source(path, id: "hanyang")).features.compactMap(\.id)
        #expect(first.count == 43)
        #expect(first == second)
        #expect(Set(first).count == 43)
        #expect(first.allSatisfy { $0.hasPrefix("hanyang-") && $0.count == "hanyang-".count + 16 })
    }

    @Test("mapped height becomes a number named `height`")
    func heightMapping() throws {
        let (features, _) = try readAll(
            source(Fixtures.dataset("wuhan/optics_valley_buildings.geojson"), fields: FieldMapping(height: "height")))
        #expect(features.count == 355)
        let heights = features.compactMap { $0.properties["height"]?.numericValue }
        #expect(heights.contains(105.0))
        #expect(features.allSatisfy { if case .string = $0.properties["height"] { false } else { true } })
    }

    private func positionSet(_ feature: Feature) -> Set<Position> {
        var positions = Set<Position>()
        feature.geometry?.forEachPosition { positions.insert($0) }
        return positions
    }
}
