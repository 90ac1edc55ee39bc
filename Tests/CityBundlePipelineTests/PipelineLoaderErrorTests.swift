import CityBundleModel
import Testing

@testable import CityBundlePipeline

/// One malformed pipeline file and where and how the loader must report it.
struct ErrorCase: Sendable, CustomTestStringConvertible {
    let name: String
    let yaml: String
    let line: Int?
    let column: Int?
    let keyPath: String
    /// Text that must appear in the rendered error (message and hint).
    let fragment: String

    var testDescription: String { name }
}

/// Six lines of a valid pipeline with one source; lines 7 and on continue the source entry at column 5.
private let valid = """
    pipeline: p
    title: T
    sources:
      - id: a
        path: a.shp
        kind: building

    """

private let errorCases: [ErrorCase] = [
    // YAML syntax
    ErrorCase(
        name: "syntax: mapping value in a plain scalar", yaml: "pipeline: p\ntitle: a: b\n",
        line: 2, column: 9, keyPath: "", fragment: "invalid YAML: mapping values are not allowed in this context"),
    ErrorCase(
        name: "syntax: tab indentation", yaml: "pipeline: p\n\ttitle: T\n",
        line: 2, column: 1, keyPath: "", fragment: "YAML does not allow tabs for indentation"),
    ErrorCase(
        name: "syntax: unclosed flow sequence", yaml: "pipeline: p\nextent: [1, 2\ntitle: T\n",
        line: 3, column: 6, keyPath: "", fragment: "while parsing a flow sequence at line 2, column 9"),
    ErrorCase(
        name: "syntax: undefined alias", yaml: "pipeline: p\ntitle: *nowhere\n",
        line: 2, column: 8, keyPath: "", fragment: "found undefined alias"),
    ErrorCase(
        name: "syntax: control character", yaml: "pipeline: p\ntitle: \u{1}\n",
        line: 2, column: 8, keyPath: "", fragment: "control characters are not allowed (character U+0001)"),
    ErrorCase(
        name: "syntax: two documents", yaml: "pipeline: p\n---\ntitle: T\n",
        line: 2, column: 1, keyPath: "", fragment: "more than one YAML document"),

    ErrorCase(
        name: "syntax: nested too deeply",
        yaml: "pipeline: p\ntitle: T\ndescription: \(String(repeating: "[", count: 5000))\n",
        line: 3, column: 15, keyPath: "", fragment: "nested too deeply"),

    // Top level
    ErrorCase(
        name: "top level: empty file", yaml: "# nothing here\n",
        line: nil, column: nil, keyPath: "", fragment: "the pipeline file is empty"),
    ErrorCase(
        name: "top level: a list", yaml: "\n- pipeline: p\n",
        line: 2, column: 1, keyPath: "", fragment: "expected a mapping of pipeline keys"),
    ErrorCase(
        name: "top level: a string", yaml: "just some text\n",
        line: 1, column: 1, keyPath: "", fragment: "found the string 'just some text'"),

    // Unknown keys
    ErrorCase(
        name: "unknown key: close to an allowed key", yaml: "pipeline: p\ntitel: T\n",
        line: 2, column: 1, keyPath: "titel", fragment: "unknown key 'titel' (did you mean 'title'?)"),
    ErrorCase(
        name: "unknown key: nothing close", yaml: valid + "    colour: red\n",
        line: 7, column: 5, keyPath: "sources[0].colour",
        fragment: "unknown key 'colour' (allowed keys here: id, title, path, layer, sql, kind,"),
    ErrorCase(
        name: "unknown key: in fields", yaml: valid + "    fields:\n      hieght: h\n",
        line: 8, column: 7, keyPath: "sources[0].fields.hieght", fragment: "did you mean 'height'?"),
    ErrorCase(
        name: "unknown key: in helmert, prefix of an allowed key",
        yaml: valid + "    helmert: {tx: 1, ty: 1, tz: 1, rx: 1, ry: 1, rz: 1, scale_ppm: 1}\n",
        line: 7, column: 57, keyPath: "sources[0].helmert.scale_ppm", fragment: "did you mean 'scale'?"),
    ErrorCase(
        name: "unknown key: output format", yaml: valid + "outputs:\n  geojson_seq: {}\n",
        line: 8, column: 3, keyPath: "outputs.geojson_seq", fragment: "did you mean 'geojsonseq'?"),
    ErrorCase(
        name: "unknown key: quoted in the key path",
        yaml:
            "pipeline: p\ntitle: T\nsources:\n  - {id: a, path: a.shp, kind: building, csv: {lon: x, lat: y, my col: z}}\n",
        line: 4, column: 64, keyPath: "sources[0].csv[\"my col\"]", fragment: "allowed keys here: lon, lat"),
    ErrorCase(
        name: "unknown key: not a name", yaml: "[a, b]: c\n",
        line: 1, column: 1, keyPath: "", fragment: "a key must be a plain name, found a list"),

    // Wrong types
    ErrorCase(
        name: "wrong type: list for a string", yaml: "pipeline: p\ntitle: [a, b]\n",
        line: 2, column: 8, keyPath: "title", fragment: "expected a string, found a list"),
    ErrorCase(
        name: "wrong type: mapping for a list", yaml: "pipeline: p\ntitle: T\nsources: {id: a}\n",
        line: 3, column: 10, keyPath: "sources", fragment: "expected a list, found a mapping"),
    ErrorCase(
        name: "wrong type: null for a required list", yaml: "pipeline: p\ntitle: T\nsources:\n",
        line: 3, column: 9, keyPath: "sources", fragment: "expected a list, found nothing (null)"),
    ErrorCase(
        name: "wrong type: string for a list", yaml: "pipeline: p\ntitle: T\nextent: 113.68,29.96\n",
        line: 3, column: 9, keyPath: "extent", fragment: "expected a list, found the string '113.68,29.96'"),
    ErrorCase(
        name: "wrong type: yes for a boolean", yaml: "pipeline: p\ntitle: T\nassume_wgs84: yes\n",
        line: 3, column: 15, keyPath: "assume_wgs84",
        fragment: "expected true or false, found the string 'yes' (write true or false)"),
    ErrorCase(
        name: "wrong type: quoted number",
        yaml: valid + "    helmert: {tx: \"24\", ty: 1, tz: 1, rx: 1, ry: 1, rz: 1, scale: 1}\n",
        line: 7, column: 19, keyPath: "sources[0].helmert.tx",
        fragment: "expected a number, found the string '24' (remove the quotes)"),
    ErrorCase(
        name: "wrong type: fraction for an integer", yaml: valid + "outputs:\n  geojson:\n    decimals: 6.5\n",
        line: 9, column: 15, keyPath: "outputs.geojson.decimals",
        fragment: "expected an integer, found the number 6.5"),
    ErrorCase(
        name: "wrong type: mapping for a source", yaml: "pipeline: p\ntitle: T\nsources:\n  - a.shp\n",
        line: 4, column: 5, keyPath: "sources[0]", fragment: "expected a mapping, found the string 'a.shp'"),
    ErrorCase(
        name: "wrong type: merge key with a number", yaml: "pipeline: p\ntitle: T\nsources:\n  - <<: 5\n",
        line: 4, column: 9, keyPath: "sources[0][\"<<\"]",
        fragment: "expected a mapping or a list of mappings to merge, found the integer 5"),

    // Missing required keys: reported at the mapping that lacks them
    ErrorCase(
        name: "missing: title", yaml: "# Wuhan\npipeline: p\nsources: []\n",
        line: 2, column: 1, keyPath: "title", fragment: "missing required key 'title'"),
    ErrorCase(
        name: "missing: source kind", yaml: "pipeline: p\ntitle: T\nsources:\n  - id: a\n    path: a.shp\n",
        line: 4, column: 5, keyPath: "sources[0].kind", fragment: "missing required key 'kind'"),
    ErrorCase(
        name: "missing: helmert parameter", yaml: valid + "    helmert: {tx: 1, ty: 2}\n",
        line: 7, column: 14, keyPath: "sources[0].helmert.tz", fragment: "missing required key 'tz'"),
    ErrorCase(
        name: "missing: csv column", yaml: valid + "    csv:\n      lon: 经度\n",
        line: 8, column: 7, keyPath: "sources[0].csv.lat", fragment: "missing required key 'lat'"),

    // Duplicate keys
    ErrorCase(
        name: "duplicate key: top level", yaml: "pipeline: p\ntitle: T\ntitle: U\n",
        line: 3, column: 1, keyPath: "title", fragment: "duplicate key 'title' (first given on line 2)"),
    ErrorCase(
        name: "duplicate key: in a flow mapping",
        yaml: "pipeline: p\ntitle: T\nsources:\n  - {id: a, path: a.shp, kind: building, path: b.shp}\n",
        line: 4, column: 42, keyPath: "sources[0].path", fragment: "duplicate key 'path' (first given on line 4)"),
    ErrorCase(
        name: "duplicate key: three times, quoted", yaml: valid + "    fields: {'id': x, id: y, \"id\": z}\n",
        line: 7, column: 23, keyPath: "sources[0].fields.id", fragment: "duplicate key 'id' (first given on line 7)"),

    // Duplicate source ids
    ErrorCase(
        name: "duplicate source id", yaml: valid + "  - id: a\n    path: b.shp\n    kind: geospatial\n",
        line: 7, column: 9, keyPath: "sources[1].id",
        fragment: "duplicate source id 'a' (first used by sources[0] on line 4)"),

    // Id pattern
    ErrorCase(
        name: "id pattern: pipeline", yaml: "pipeline: Wuhan City\ntitle: T\n",
        line: 1, column: 11, keyPath: "pipeline",
        fragment: "'Wuhan City' is not a valid id: use 1 to 64 lower-case letters a-z, digits, '_' or '-', "
            + "starting with a letter or digit (did you mean 'wuhan-city'?)"),
    ErrorCase(
        name: "id pattern: source", yaml: "pipeline: p\ntitle: T\nsources:\n  - id: 武汉\n",
        line: 4, column: 9, keyPath: "sources[0].id", fragment: "'武汉' is not a valid id"),
    ErrorCase(
        name: "id pattern: too long", yaml: "pipeline: \(String(repeating: "a", count: 65))\n",
        line: 1, column: 11, keyPath: "pipeline", fragment: "is not a valid id"),

    // Extent
    ErrorCase(
        name: "extent: three numbers", yaml: "pipeline: p\ntitle: T\nextent: [113.68, 29.96, 115.09]\n",
        line: 3, column: 9, keyPath: "extent", fragment: "expected 4 numbers [west, south, east, north], found 3"),
    ErrorCase(
        name: "extent: longitude out of range", yaml: "pipeline: p\ntitle: T\nextent: [113.68, 29.96, 195.09, 31.37]\n",
        line: 3, column: 25, keyPath: "extent[2]", fragment: "east 195.09 is outside -180...180"),
    ErrorCase(
        name: "extent: latitude out of range", yaml: "pipeline: p\ntitle: T\nextent: [113.68, -95, 115.09, 31.37]\n",
        line: 3, column: 18, keyPath: "extent[1]", fragment: "south -95 is outside -90...90"),
    ErrorCase(
        name: "extent: west not less than east",
        yaml: "pipeline: p\ntitle: T\nextent: [115.09, 29.96, 113.68, 31.37]\n",
        line: 3, column: 9, keyPath: "extent", fragment: "west (115.09) must be less than east (113.68)"),
    ErrorCase(
        name: "extent: south not less than north", yaml: "pipeline: p\ntitle: T\nextent: [113, 31, 115, 31]\n",
        line: 3, column: 9, keyPath: "extent", fragment: "south (31) must be less than north (31)"),
    ErrorCase(
        name: "extent: not a number", yaml: "pipeline: p\ntitle: T\nextent: [113.68, north, 115.09, 31.37]\n",
        line: 3, column: 18, keyPath: "extent[1]", fragment: "expected a number, found the string 'north'"),
    ErrorCase(
        name: "extent: infinity", yaml: "pipeline: p\ntitle: T\nextent: [-.inf, 29.96, 115.09, 31.37]\n",
        line: 3, column: 10, keyPath: "extent[0]", fragment: "expected a finite number, found -.inf"),

    // Output options
    ErrorCase(
        name: "decimals: above 7", yaml: valid + "outputs:\n  geojson:\n    decimals: 9\n",
        line: 9, column: 15, keyPath: "outputs.geojson.decimals", fragment: "must be between 0 and 7, found 9"),
    ErrorCase(
        name: "decimals: negative", yaml: valid + "outputs:\n  geojsonseq: {decimals: -1}\n",
        line: 8, column: 26, keyPath: "outputs.geojsonseq.decimals", fragment: "must be between 0 and 7, found -1"),
    ErrorCase(
        name: "outputs: none named", yaml: valid + "outputs: {}\n",
        line: 7, column: 10, keyPath: "outputs", fragment: "must name at least one output format"),

    // Enumerations
    ErrorCase(
        name: "kind: near miss",
        yaml: "pipeline: p\ntitle: T\nsources:\n  - id: a\n    path: a.shp\n    kind: buildings\n",
        line: 6, column: 11, keyPath: "sources[0].kind",
        fragment: "'buildings' is not one of building, scenic_site, geospatial (did you mean 'building'?)"),
    ErrorCase(
        name: "kind: nothing close",
        yaml: "pipeline: p\ntitle: T\nsources:\n  - id: a\n    path: a.shp\n    kind: road\n",
        line: 6, column: 11, keyPath: "sources[0].kind",
        fragment: "'road' is not one of building, scenic_site, geospatial"),
    ErrorCase(
        name: "helmert convention: near miss",
        yaml: valid
            + "    helmert: {tx: 1, ty: 1, tz: 1, rx: 1, ry: 1, rz: 1, scale: 1, convention: coordinate-frame}\n",
        line: 7, column: 79, keyPath: "sources[0].helmert.convention",
        fragment:
            "'coordinate-frame' is not one of position_vector, coordinate_frame (did you mean 'coordinate_frame'?)"),

    // Empty values
    ErrorCase(
        name: "sources: empty list", yaml: "pipeline: p\ntitle: T\nsources: []\n",
        line: 3, column: 10, keyPath: "sources", fragment: "must list at least one source"),
    ErrorCase(
        name: "title: empty string", yaml: "pipeline: p\ntitle: \"\"\n",
        line: 2, column: 8, keyPath: "title", fragment: "must not be empty"),
    ErrorCase(
        name: "path: blank string", yaml: "pipeline: p\ntitle: T\nsources:\n  - id: a\n    path: '  '\n",
        line: 5, column: 11, keyPath: "sources[0].path", fragment: "must not be empty"),
    ErrorCase(
        name: "crs: empty optional string", yaml: valid + "    crs: ''\n",
        line: 7, column: 10, keyPath: "sources[0].crs",
        fragment: "must not be empty (leave the key out when there is no value)"),
]

@Test(arguments: errorCases)
func malformedPipelineIsReportedPrecisely(_ errorCase: ErrorCase) throws {
    let error = try #require(throws: PipelineConfigError.self) {
        try PipelineLoader.parse(yaml: errorCase.yaml, file: "Pipelines/test.yaml")
    }
    #expect(error.file == "Pipelines/test.yaml")
    #expect(error.line == errorCase.line)
    #expect(error.column == errorCase.column)
    #expect(error.keyPath == errorCase.keyPath)
    #expect(error.description.contains(errorCase.fragment), "\(error.description)")
    #expect(error.exitStatus == .usage)
}
