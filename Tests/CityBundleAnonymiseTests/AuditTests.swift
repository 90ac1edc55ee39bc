import CityBundleAnonymise
import CityBundleModel
import Foundation
import Testing

@Suite("Audit")
struct AuditTests {
    static let key = try! PseudonymKey(bytes: Array(0..<32) as [UInt8])

    /// An audit of a few values full of personal information.
    static func sampleAudit() throws -> AnonymisationAudit {
        let anonymiser = ValueAnonymiser(key: key)
        var audit = AnonymisationAudit()
        _ = try anonymiser.apply(.mask, to: .string("13812345678"), field: "phone", audit: &audit)
        _ = try anonymiser.apply(.pseudonymise, to: .string("420106199001011234"), field: "owner_id", audit: &audit)
        _ = try anonymiser.apply(.generalise(.dateToMonth), to: .string("2023-05-17"), field: "date", audit: &audit)
        _ = anonymiser.scrub(.string("邮箱zhang.san@whu.edu.cn"), field: "remark", audit: &audit)
        audit.recordDroppedFeatures(reason: "restricted_zone", count: 2)
        return audit
    }

    @Test("counts per field, per kind and per reason")
    func counts() throws {
        let audit = try Self.sampleAudit()
        #expect(audit.fields["phone"]?.actions == ["mask"])
        #expect(audit.fields["phone"]?.valuesChanged == 1)
        #expect(audit.fields["owner_id"]?.actions == ["pseudonymise"])
        #expect(audit.fields["date"]?.actions == ["generalise.dateToMonth"])
        #expect(audit.detectorHits == [.email: 1])
        #expect(audit.droppedFeatures == ["restricted_zone": 2])
        #expect(audit.valuesChanged == 3)
    }

    @Test("merging adds counts and unites actions")
    func merge() throws {
        var audit = try Self.sampleAudit()
        var other = AnonymisationAudit()
        other.recordValue(field: "phone", action: .drop, changed: true)
        other.recordDetections(field: "remark", hits: [.email: 2, .mobile: 1])
        other.recordDroppedFeatures(reason: "restricted_zone")
        audit.merge(from: other)
        #expect(audit.fields["phone"]?.actions == ["drop", "mask"])
        #expect(audit.fields["phone"]?.valuesSeen == 2)
        #expect(audit.detectorHits == [.email: 3, .mobile: 1])
        #expect(audit.droppedFeatures == ["restricted_zone": 3])
        var empty = AnonymisationAudit()
        empty.merge(from: audit)
        #expect(empty == audit)
    }

    @Test("encodes to JSON and back, without any value")
    func codable() throws {
        let audit = try Self.sampleAudit()
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let data = try encoder.encode(audit)
        let json = String(decoding: data, as: UTF8.self)
        #expect(try JSONDecoder().decode(AnonymisationAudit.self, from: data) == audit)
        #expect(json.contains("\"email\":1"))
        for raw in ["13812345678", "5678", "420106", "2023", "zhang", "whu.edu.cn", "ps_", "630dcd29"] {
            #expect(!json.contains(raw), "\(raw) leaked into \(json)")
        }
    }

    @Test("names that hold personal information are redacted, long ones cut")
    func names() {
        var audit = AnonymisationAudit()
        audit.recordValue(field: "13812345678", action: .keep, changed: false)
        audit.recordDroppedFeatures(reason: "zhang@whu.edu.cn")
        audit.recordValue(field: String(repeating: "字", count: 100), action: .keep, changed: false)
        audit.recordValue(field: "a\nb", action: .keep, changed: false)
        #expect(audit.fields[AnonymisationAudit.redactedName] != nil)
        #expect(audit.droppedFeatures == [AnonymisationAudit.redactedName: 1])
        #expect(audit.fields[String(repeating: "字", count: 63) + "…"] != nil)
        #expect(audit.fields["a b"] != nil)
        #expect(audit.fields.keys.allSatisfy { $0.count <= AnonymisationAudit.maximumNameLength })
    }
}
