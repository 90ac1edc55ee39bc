import CityBundleModel
import CityBundlePipeline

/// Coordinate sanity in WGS 84: finite numbers, valid longitude/latitude, plausible heights,
/// inside the pipeline's extent, and the classic swapped axes.
struct CoordinateRules {
    let book: RuleBook

    enum Outcome {
        case keep(Geometry)
        case reject
    }

    func check(_ geometry: Geometry, into findings: inout [Finding]) -> Outcome {
        var nonFinite = 0
        var outOfRange = 0
        var badZ = 0
        let zMin = book.minimum(.coordinatesZRange) ?? -.infinity
        let zMax = book.maximum(.coordinatesZRange) ?? .infinity
        geometry.forEachPosition { p in
            if !p.isFinite {
                nonFinite += 1
                return
            }
            if abs(p.x) > 180 || abs(p.y) > 90 { outOfRange += 1 }
            if let z = p.z, z < zMin || z > zMax { badZ += 1 }
        }
        var rejected = false
        if nonFinite > 0 {
            rejected = add(.coordinatesNonFinite, "\(nonFinite) position(s) are NaN or infinite", &findings) || rejected
            return rejected ? .reject : .keep(geometry)
        }
        if badZ > 0 {
            rejected =
                add(
                    .coordinatesZRange, "\(badZ) height(s) outside \(zMin)…\(zMax) m", &findings,
                    hint: "heights are metres; check the unit") || rejected
        }
        if let extent = book.extent, let bounds = geometry.bounds, !extent.intersects(bounds) {
            let swapped = BoundingBox(minX: bounds.minY, minY: bounds.minX, maxX: bounds.maxY, maxY: bounds.maxX)
            if extent.intersects(swapped) && book.policy(.coordinatesSwapped) != .off {
                if book.policy(.coordinatesSwapped) == .fix {
                    findings.append(
                        Finding(
                            rule: .coordinatesSwapped, severity: .fixed,
                            message: "longitude and latitude were swapped; swapped back"))
                    return .keep(geometry.mapPositions { Position($0.y, $0.x, $0.z) })
                }
                rejected =
                    add(
                        .coordinatesSwapped, "longitude and latitude look swapped", &findings,
                        hint: "lat/lon order in the source, or an EPSG:4326 axis-order mix-up") || rejected
                return rejected ? .reject : .keep(geometry)
            }
            rejected =
                add(.coordinatesOutsideExtent, "the feature lies outside the pipeline's extent", &findings)
                || rejected
        } else if outOfRange > 0 {
            rejected =
                add(
                    .coordinatesRange, "\(outOfRange) position(s) outside longitude −180…180 / latitude −90…90",
                    &findings, hint: "is the CRS declared correctly?") || rejected
        }
        return rejected ? .reject : .keep(geometry)
    }

    /// Adds a finding under the rule's policy; returns true when it rejects the feature.
    private func add(_ rule: RuleID, _ message: String, _ findings: inout [Finding], hint: String? = nil) -> Bool {
        FindingPolicy.add(rule, message, hint: hint, book: book, to: &findings)
    }
}

/// Turns a detected problem into a finding according to its rule's policy.
enum FindingPolicy {
    /// Adds the finding; returns true when it is an error (the feature is rejected).
    /// Rules that cannot fix fall back to an error under `fix`.
    static func add(
        _ rule: RuleID, _ message: String, hint: String? = nil, book: RuleBook, to findings: inout [Finding]
    ) -> Bool {
        switch book.policy(rule) {
        case .off: return false
        case .warn:
            findings.append(Finding(rule: rule, severity: .warning, message: message, hint: hint))
            return false
        case .error, .fix:
            findings.append(Finding(rule: rule, severity: .error, message: message, hint: hint))
            return true
        }
    }
}
