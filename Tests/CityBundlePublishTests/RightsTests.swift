import CityBundlePublish
import Foundation
import Testing

struct RightsTests {
    static func warnings(_ root: String, _ version: String) throws -> [String] {
        let object = try JSONSerialization.jsonObject(
            with: Data(contentsOf: URL(fileURLWithPath: "\(root)/wuhan/\(version)/rights.json")))
        return (object as? [String: Any])?["warnings"] as? [String] ?? []
    }

    @Test(arguments: [
        ("CC-BY-4.0", "share-alike"), ("CC0-1.0", "share-alike"),
    ])
    func aBundleLicenceThatConflictsWithAResourceIsWarned(_ license: String, _ phrase: String) throws {
        let fixture = try WuhanFixture()
        let result = try fixture.publisher().publish(fixture.request(license: license))
        let warnings = try Self.warnings(fixture.root, result.version)
        #expect(warnings == result.warnings)
        #expect(warnings.count == 1, "\(warnings)")
        #expect(
            warnings.first?.hasPrefix(
                "buildings/hanyang_buildings.geojson (layer hanyang_buildings): ODbL-1.0 is \(phrase)") == true)
        #expect(warnings.first?.contains("cannot be licensed as \(license)") == true)
    }

    @Test func licenceTermsCoverTheUsualOpenDataLicences() {
        #expect(LicenceTerms(spdx: "ODbL-1.0") == .shareAlike)
        #expect(LicenceTerms(spdx: "CC-BY-SA-4.0") == .shareAlike)
        #expect(LicenceTerms(spdx: "CC0-1.0") == .publicDomain)
        #expect(LicenceTerms(spdx: "MIT") == .attribution)
        #expect(LicenceTerms(spdx: "CC-BY-NC-4.0") == .nonCommercial)
        #expect(LicenceTerms(spdx: "LicenseRef-bureau") == .unknown)
        #expect(LicenceTerms.conflict(resource: "CC0-1.0", bundle: "ODbL-1.0") == nil)
        #expect(LicenceTerms.conflict(resource: "MIT", bundle: "ODbL-1.0") == nil)
        #expect(LicenceTerms.conflict(resource: "MIT", bundle: "CC0-1.0")?.contains("requires attribution") == true)
        #expect(LicenceTerms.conflict(resource: "CC-BY-NC-4.0", bundle: "CC-BY-4.0") != nil)
    }
}
