import Foundation

/// What a licence asks of the people who reuse the data, as far as combining licences is concerned.
public enum LicenceTerms: String, Sendable, Hashable, CaseIterable {
    /// No conditions (CC0, PDDL).
    case publicDomain = "public-domain"
    /// Credit the source (CC-BY, ODC-By, MIT, Apache-2.0, BSD).
    case attribution
    /// Credit, and derived databases keep the same licence (ODbL, CC-BY-SA).
    case shareAlike = "share-alike"
    /// No commercial use (CC-BY-NC…).
    case nonCommercial = "non-commercial"
    /// No derived works (CC-BY-ND…).
    case noDerivatives = "no-derivatives"
    /// Not a licence this table knows: the terms need a person's review.
    case unknown

    /// The terms of an SPDX licence identifier.
    public init(spdx: String) {
        let id = spdx.uppercased()
        if ["CC0-1.0", "PDDL-1.0", "UNLICENSE"].contains(id) {
            self = .publicDomain
        } else if id.hasPrefix("CC-BY-NC") {
            self = .nonCommercial
        } else if id.hasPrefix("CC-BY-ND") {
            self = .noDerivatives
        } else if id.hasPrefix("CC-BY-SA") || id == "ODBL-1.0" {
            self = .shareAlike
        } else if id.hasPrefix("CC-BY-") || id.hasPrefix("BSD-")
            || ["ODC-BY-1.0", "MIT", "APACHE-2.0", "ISC", "OGL-UK-3.0", "OGL-CANADA-2.0", "DL-DE-BY-2.0"].contains(id)
        {
            self = .attribution
        } else {
            self = .unknown
        }
    }

    /// The licence's page for a link (SPDX's list for the ones without a well-known home).
    public static func url(spdx: String) -> String {
        switch spdx.uppercased() {
        case "ODBL-1.0": "https://opendatacommons.org/licenses/odbl/1-0/"
        case "PDDL-1.0": "https://opendatacommons.org/licenses/pddl/1-0/"
        case "ODC-BY-1.0": "https://opendatacommons.org/licenses/by/1-0/"
        case "CC0-1.0": "https://creativecommons.org/publicdomain/zero/1.0/"
        case "CC-BY-4.0": "https://creativecommons.org/licenses/by/4.0/"
        case "CC-BY-SA-4.0": "https://creativecommons.org/licenses/by-sa/4.0/"
        default: "https://spdx.org/licenses/\(spdx).html"
        }
    }

    /// Why a resource under `resource` cannot simply be published inside a bundle declared as `bundle`;
    /// nil when the combination is fine.
    public static func conflict(resource: String, bundle: String) -> String? {
        if resource.caseInsensitiveCompare(bundle) == .orderedSame { return nil }
        let resourceTerms = LicenceTerms(spdx: resource)
        let bundleTerms = LicenceTerms(spdx: bundle)
        switch resourceTerms {
        case .publicDomain:
            return nil
        case .shareAlike:
            return
                "\(resource) is share-alike: a database derived from it must be offered under \(resource), so the bundle cannot be licensed as \(bundle)"
        case .nonCommercial, .noDerivatives:
            return
                "\(resource) restricts reuse (\(resourceTerms.rawValue)); a \(bundle) bundle would grant more than it allows"
        case .attribution:
            if bundleTerms == .publicDomain {
                return "\(resource) requires attribution; a \(bundle) bundle would drop that requirement"
            }
            if bundleTerms == .unknown {
                return
                    "the bundle licence \(bundle) is not a known open-data licence; check it keeps \(resource)'s attribution"
            }
            return nil
        case .unknown:
            return
                "\(resource) is not a known open-data licence; confirm by hand that it allows publishing under \(bundle)"
        }
    }
}
