import CityBundleModel
import CityBundlePipeline
import CityBundleValidate
import Testing

/// One feature at a time through the checker: each rule finds what it should, with the policy's
/// severity, and repairs only under `fix`.
@Suite("Validation rules")
struct RuleTests {
    let location = SourceLocation(file: "test.geojson", layer: "test", feature: 0)
    static let wuhan = BoundingBox(minX: 113.6, minY: 29.9, maxX: 115.2, maxY: 31.5)

    /// A counter-clockwise square around 黄鹤楼, about 20 m a side.
    static let square: [Position] = [
        Position(114.3020, 30.5445), Position(114.3022, 30.5445), Position(114.3022, 30.5447),
        Position(114.3020, 30.5447), Position(114.3020, 30.5445),
    ]

    func check(
        _ geometry: Geometry?, properties: Properties = ["height": .double(20)], kind: DataKind = .building,
        rules: [RuleID: RuleSetting] = [:], attributes: [AttributeRule] = [], id: String = "f1"
    ) -> FeatureChecker.Result {
        var checker = FeatureChecker(
            book: RuleBook(
                kind: kind, settings: ValidationSettings(rules: rules, attributes: attributes), extent: Self.wuhan))
        return checker.check(Feature(id: id, geometry: geometry, properties: properties, location: location))
    }

    func rules(_ result: FeatureChecker.Result) -> [String: Severity] {
        Dictionary(result.findings.map { ($0.rule.rawValue, $0.severity) }) { a, b in max(a, b) }
    }

    @Test("a clean building passes with no findings")
    func clean() {
        let result = check(.polygon([Self.square]))
        #expect(!result.rejected)
        #expect(result.findings.isEmpty)
    }

    @Test("an unclosed ring is closed and the repair recorded")
    func unclosed() {
        let result = check(.polygon([Array(Self.square.dropLast())]))
        #expect(!result.rejected)
        #expect(rules(result)["ring.unclosed"] == .fixed)
        guard case .polygon(let rings) = result.feature.geometry else { Issue.record("not a polygon"); return }
        #expect(rings[0].first == rings[0].last && rings[0].count == 5)
    }

    @Test("a ring of three positions is an error")
    func tooShort() {
        let result = check(.polygon([[Self.square[0], Self.square[1], Self.square[0]]]))
        #expect(result.rejected)
        #expect(rules(result)["ring.too-few-points"] == .error)
    }

    @Test("repeated positions are dropped")
    func repeated() {
        var ring = Self.square
        ring.insert(ring[1], at: 1)
        ring.insert(ring[3], at: 3)
        let result = check(.polygon([ring]))
        #expect(rules(result)["ring.repeated-points"] == .fixed)
        guard case .polygon(let rings) = result.feature.geometry else { Issue.record("not a polygon"); return }
        #expect(rings[0] == Self.square)
    }

    @Test("a spike is reported (warning by default) and removed under fix")
    func spike() {
        var ring = Self.square
        // Out from the second corner and straight back.
        ring.insert(Position(114.3025, 30.5445), at: 2)
        ring.insert(Self.square[1], at: 3)
        let warned = check(.polygon([ring]), rules: [.ringRepeatedPoints: RuleSetting(policy: .off)])
        #expect(rules(warned)["ring.spike"] == .warning)
        let fixed = check(.polygon([ring]), rules: [.ringSpike: RuleSetting(policy: .fix)])
        #expect(rules(fixed)["ring.spike"] == .fixed)
        #expect(!fixed.rejected)
    }

    @Test("a clockwise exterior and a counter-clockwise hole are rewound")
    func winding() {
        let hole = [
            Position(114.30205, 30.54455), Position(114.30215, 30.54455), Position(114.30215, 30.54465),
            Position(114.30205, 30.54465), Position(114.30205, 30.54455),
        ]
        let result = check(.polygon([Self.square.reversed(), hole]))
        #expect(result.findings.filter { $0.rule == .ringWinding }.count == 2)
        guard case .polygon(let rings) = result.feature.geometry else { Issue.record("not a polygon"); return }
        #expect(rings[0] == Self.square)
        #expect(rings[1] == hole.reversed())
    }

    @Test("a self-intersecting bow-tie is an error naming GEOS's reason, and MakeValid repairs it under fix")
    func bowTie() {
        let bowTie: [Position] = [
            Position(114.3020, 30.5445), Position(114.3022, 30.5447), Position(114.3022, 30.5445),
            Position(114.3020, 30.5447), Position(114.3020, 30.5445),
        ]
        let result = check(.polygon([bowTie]), rules: [.ringWinding: RuleSetting(policy: .off)])
        #expect(result.rejected)
        let finding = result.findings.first { $0.rule == .geometryInvalid }
        #expect(finding?.severity == .error)
        #expect(finding?.message.contains("Self-intersection") == true)
        let repaired = check(.polygon([bowTie]), rules: [.geometryInvalid: RuleSetting(policy: .fix)])
        #expect(!repaired.rejected)
        #expect(rules(repaired)["geometry.invalid"] == .fixed)
        #expect(repaired.feature.geometry?.typeName == "MultiPolygon")
    }

    @Test("a hole outside its shell is invalid")
    func holeOutside() {
        let hole = Self.square.map { Position($0.x + 0.001, $0.y) }.reversed()
        let result = check(.polygon([Self.square, Array(hole)]))
        #expect(result.rejected)
        #expect(rules(result)["geometry.invalid"] == .error)
    }

    @Test("NaN, infinite and absurd heights are errors")
    func coordinates() {
        var ring = Self.square
        ring[2] = Position(.nan, 30.5447)
        #expect(rules(check(.polygon([ring])))["coordinates.non-finite"] == .error)
        #expect(rules(check(.point(Position(114.3, .infinity)), kind: .scenicSite))["coordinates.non-finite"] == .error)
        #expect(rules(check(.point(Position(114.3, 30.5, 12_000)), kind: .scenicSite))["coordinates.z-range"] == .error)
    }

    @Test("swapped longitude/latitude are detected against the extent, and swapped back under fix")
    func swapped() {
        let swapped = Geometry.point(Position(30.5446, 114.3022))
        #expect(rules(check(swapped, kind: .scenicSite))["coordinates.swapped"] == .error)
        let fixed = check(swapped, kind: .scenicSite, rules: [.coordinatesSwapped: RuleSetting(policy: .fix)])
        #expect(!fixed.rejected)
        #expect(fixed.feature.geometry == .point(Position(114.3022, 30.5446)))
    }

    @Test("a feature outside the extent is an error; positions beyond ±180/±90 too")
    func outside() {
        #expect(
            rules(check(.point(Position(121.47, 31.23)), kind: .scenicSite))["coordinates.outside-extent"] == .error)
        var checker = FeatureChecker(book: RuleBook(kind: .geospatial))
        let result = checker.check(Feature(geometry: .point(Position(-259.6, -109.2)), location: location))
        #expect(result.findings.map(\.rule) == [.coordinatesRange])
    }

    @Test("building heights: 10 km is an error, missing or 0 is a warning, floors are bounded")
    func heights() {
        #expect(
            rules(check(.polygon([Self.square]), properties: ["height": .double(10_000)]))["attribute.height-range"]
                == .error)
        #expect(rules(check(.polygon([Self.square]), properties: [:]))["attribute.height-missing"] == .warning)
        #expect(
            rules(check(.polygon([Self.square]), properties: ["height": .int(0)]))["attribute.height-missing"]
                == .warning)
        #expect(
            rules(check(.polygon([Self.square]), properties: ["height": .string("tall")]))["attribute.height-missing"]
                == .warning)
        #expect(
            rules(check(.polygon([Self.square]), properties: ["floors": .int(500)]))["attribute.floors-range"] == .error
        )
        let custom = check(
            .polygon([Self.square]), properties: ["height": .double(800)],
            rules: [.heightRange: RuleSetting(max: 900)])
        #expect(!custom.rejected)
    }

    @Test("geometry types per kind, and null geometries")
    func types() {
        #expect(rules(check(.point(Position(114.3, 30.5))))["geometry.type"] == .error)
        #expect(!check(.lineString([Position(114.3, 30.5), Position(114.31, 30.5)]), kind: .geospatial).rejected)
        #expect(rules(check(nil))["geometry.null"] == .error)
        #expect(rules(check(nil, kind: .geospatial))["geometry.null"] == .warning)
        #expect(!check(nil, kind: .geospatial).rejected)
    }

    @Test("a duplicate id and a duplicate geometry are caught after the first feature")
    func duplicates() {
        var checker = FeatureChecker(book: RuleBook(kind: .building, extent: Self.wuhan))
        let first = Feature(
            id: "a", geometry: .polygon([Self.square]), properties: ["height": .int(9)], location: location)
        #expect(!checker.check(first).rejected)
        var sameID = first
        sameID.geometry = .polygon([Self.square.map { Position($0.x + 0.001, $0.y) }])
        #expect(checker.check(sameID).findings.map(\.rule) == [.idDuplicate])
        var sameGeometry = first
        sameGeometry.id = "b"
        #expect(checker.check(sameGeometry).findings.map(\.rule) == [.geometryDuplicate])
    }

    @Test("configured attribute rules: required, type, allowed values, range")
    func attributes() {
        let attributes = [
            AttributeRule(field: "adcode", type: .string, required: true),
            AttributeRule(field: "level", values: ["district", "city"]),
            AttributeRule(field: "population", min: 0, max: 20_000_000),
        ]
        let good = check(
            .polygon([Self.square]),
            properties: ["adcode": .string("420106"), "level": .string("district"), "population": .int(1_000_000)],
            kind: .geospatial, attributes: attributes)
        #expect(good.findings.isEmpty)
        let bad = check(
            .polygon([Self.square]), properties: ["level": .string("street"), "population": .int(-5)],
            kind: .geospatial, attributes: attributes)
        #expect(rules(bad)["attribute.required"] == .error)
        #expect(rules(bad)["attribute.values"] == .error)
        #expect(rules(bad)["attribute.range"] == .error)
        let wrongType = check(
            .polygon([Self.square]), properties: ["adcode": .int(420106)], kind: .geospatial, attributes: attributes)
        #expect(rules(wrongType)["attribute.type"] == .error)
    }

    @Test("control characters in names are removed and recorded; messages never quote values")
    func controlCharacters() {
        let result = check(.polygon([Self.square]), properties: ["name": .string("黄鹤\u{0007}楼"), "height": .int(51)])
        #expect(rules(result)["attribute.control-characters"] == .fixed)
        #expect(result.feature.properties["name"] == .string("黄鹤楼"))
        #expect(result.findings.allSatisfy { !$0.message.contains("黄鹤") })
    }

    @Test("policy off silences a rule; a tiny building is a warning by default")
    func offAndMinimumSize() {
        let tiny: [Position] = [
            Position(114.3, 30.5), Position(114.30001, 30.5), Position(114.30001, 30.50001), Position(114.3, 30.50001),
            Position(114.3, 30.5),
        ]
        #expect(rules(check(.polygon([tiny])))["geometry.min-size"] == .warning)
        #expect(check(.polygon([tiny]), rules: [.geometryMinSize: RuleSetting(policy: .off)]).findings.isEmpty)
    }
}
