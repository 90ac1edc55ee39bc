import CityBundleIngest
import CityBundleModel
import CityBundleTesting
import GDALKit
import Testing

@Suite("Text encodings")
struct EncodingTests {
    let gbkShapefile = Fixtures.shared("shapefile-gbk/chinese_poly.shp")

    @Test("a GBK .dbf without .cpg is refused, naming the field and the fix, when no encoding is declared")
    func gbkWithoutDeclaration() throws {
        #expect {
            _ = try readAll(source(gbkShapefile))
        } throws: { error in
            let text = "\(error)"
            return (error as? GDALError)?.exitStatus == .dataErrors && text.contains("field 'NAME'")
                && text.contains("encoding: GBK") && text.contains("chinese_poly.shp")
        }
    }

    @Test("a declared GBK encoding gives correct UTF-8 Chinese", arguments: ["GBK", "CP936", "GB18030"])
    func gbkDeclared(encoding: String) throws {
        let (features, _) = try readAll(source(gbkShapefile, encoding: encoding))
        #expect(features.count == 1)
        #expect(features[0].properties["NAME"] == .string("黑龙江省"))
        #expect(features[0].properties["ADCODE99"] == .int(230000))
    }

    @Test("UTF-8 text in a .dbf without .cpg reads as is")
    func utf8WithoutCPG() throws {
        let (features, _) = try readAll(source(Fixtures.dataset("wuhan/wuhan_districts.shp"), crs: "GCJ-02"))
        let names = Set(features.compactMap { $0.properties["name"]?.textValue })
        #expect(names.contains("武昌区"))
        #expect(names.contains("东西湖区"))
        #expect(names.count == 13)
    }

    @Test("an unknown encoding name is a configuration error")
    func unknownEncoding() throws {
        #expect {
            _ = try readAll(source(Fixtures.dataset("wuhan/scenic_sites.geojson"), encoding: "NOT-AN-ENCODING"))
        } throws: { error in
            (error as? GDALError)?.exitStatus == .usage && "\(error)".contains("NOT-AN-ENCODING")
        }
    }

    @Test("a GBK CSV is recoded when its encoding is declared")
    func gbkCSV() throws {
        let directory = TemporaryDirectory()
        let path = directory.file("poi.csv")
        // 名称,经度,纬度 / 黄鹤楼,114.302,30.544 encoded as GBK by iconv (a real converter, not ours).
        let utf8 = "名称,经度,纬度\n黄鹤楼,114.302,30.544\n"
        let converted = try ExternalCommand.run("iconv", ["-f", "UTF-8", "-t", "GBK", "-o", path], stdin: utf8)
        #expect(converted.status == 0)
        let (features, _) = try readAll(source(path, crs: "EPSG:4326", encoding: "GBK"))
        #expect(features.count == 1)
        #expect(features[0].properties["名称"] == .string("黄鹤楼"))
    }
}
