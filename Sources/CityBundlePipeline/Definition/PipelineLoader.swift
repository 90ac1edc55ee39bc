import CityBundleModel
import Foundation
import Yams

/// Reads pipeline files (format version 1, see docs/pipeline.md) into `PipelineDefinition`s.
///
/// The reader is strict: unknown keys, wrong types, missing required keys, duplicate keys and invalid values are
/// all errors that name the file, line, column and key path.
public enum PipelineLoader {
    /// The largest pipeline file accepted, in bytes (1 MiB).
    public static let maximumFileSize = 1 << 20

    /// Reads and parses the pipeline file at `path`; relative source paths resolve against its directory.
    ///
    /// A missing or unreadable file throws an error whose `exitStatus` is `.io`; every other problem `.usage`.
    public static func load(path: String) throws(PipelineConfigError) -> PipelineDefinition {
        let data = try read(path: path)
        guard let yaml = String(validating: data, as: UTF8.self) else {
            throw invalidUTF8Error(data: data, file: path)
        }
        return try parse(yaml: yaml, file: path)
    }

    /// Parses pipeline YAML; `file` is used in errors and its directory for resolving relative source paths.
    public static func parse(yaml: String, file: String) throws(PipelineConfigError) -> PipelineDefinition {
        guard yaml.utf8.count <= maximumFileSize else {
            throw tooLargeError(file: file, size: yaml.utf8.count)
        }
        guard let root = try YAMLDocument.compose(yaml: yaml, file: file), !root.isNull else {
            throw PipelineConfigError(
                file: file, message: "the pipeline file is empty",
                hint: "a pipeline needs at least the keys pipeline, title and sources")
        }
        guard case .mapping = root.node else {
            throw root.typeError(
                expected: "a mapping of pipeline keys (pipeline, title, sources, ...) at the top level")
        }
        return try decodePipeline(root, file: file)
    }

    // MARK: - Schema

    static let pipelineKeys = [
        "pipeline", "title", "description", "extent", "assume_wgs84", "sources", "outputs", "validation", "anonymise",
        "publish",
    ]
    static let sourceKeys = [
        "id", "title", "path", "layer", "sql", "kind", "crs", "encoding", "helmert", "fields", "csv", "licence",
        "attribution", "validation", "anonymise",
    ]
    static let helmertKeys = ["tx", "ty", "tz", "rx", "ry", "rz", "scale", "convention"]
    static let fieldKeys = ["id", "name", "height", "floors", "min_height"]
    static let csvKeys = ["lon", "lat"]
    static let outputKeys = ["geojson", "geojsonseq", "3dtiles", "glb", "crs"]
    static let threeDKeys = ["max_features_per_tile", "storey_height", "default_height"]
    static let geoJSONKeys = ["decimals", "partition"]
    static let partitionKeys = ["min_features", "max_features_per_tile"]

    private static func decodePipeline(_ root: YAMLValue, file: String) throws(PipelineConfigError)
        -> PipelineDefinition
    {
        let top = try root.mapping(allowedKeys: pipelineKeys)
        let directory = PipelinePath.directory(of: file)
        let id = try identifier(top.required("pipeline"))
        let title = try top.string("title")
        let description = try top.optionalString("description", allowEmpty: true)
        let extent = try top.optional("extent").map { value throws(PipelineConfigError) in try decodeExtent(value) }
        let assumeWGS84 = try top.bool("assume_wgs84", default: false)

        let sourcesValue = try top.required("sources")
        let items = try sourcesValue.list()
        guard !items.isEmpty else {
            throw sourcesValue.error("must list at least one source")
        }
        var sources: [SourceDefinition] = []
        var firstUse: [String: (index: Int, line: Int)] = [:]
        for item in items {
            let source = try decodeSource(item, directory: directory)
            if let first = firstUse[source.id] {
                let idValue = try item.mapping(allowedKeys: sourceKeys).required("id")
                throw idValue.error(
                    "duplicate source id '\(source.id)' (first used by sources[\(first.index)] on line \(first.line))",
                    hint: "source ids must be unique in a pipeline")
            }
            firstUse[source.id] = (sources.count, source.line)
            sources.append(source)
        }

        let outputs = try top.optional("outputs").map { value throws(PipelineConfigError) in
            try decodeOutputs(value)
        }
        return PipelineDefinition(
            id: id, title: title, description: description, extent: extent, assumeWGS84: assumeWGS84,
            sources: sources, outputs: outputs ?? OutputDefinitions(),
            validation: try top.optional("validation").map(ValidationSettings.decode) ?? ValidationSettings(),
            anonymise: try top.optional("anonymise").map { value throws(PipelineConfigError) in
                try AnonymisationSettings.decode(value, directory: directory)
            } ?? AnonymisationSettings(),
            publish: try top.optional("publish").map(PublishSettings.decode), file: file, directory: directory)
    }

    private static func decodeExtent(_ value: YAMLValue) throws(PipelineConfigError) -> BoundingBox {
        let items = try value.list()
        guard items.count == 4 else {
            throw value.error(
                "expected 4 numbers [west, south, east, north], found \(items.count)",
                hint: "e.g. [113.68, 29.96, 115.09, 31.37]")
        }
        let names = ["west", "south", "east", "north"]
        var numbers: [Double] = []
        for (index, item) in items.enumerated() {
            let number = try item.double()
            let limit = index % 2 == 0 ? 180.0 : 90.0
            guard (-limit...limit).contains(number) else {
                throw item.error(
                    "\(names[index]) \(format(number)) is outside -\(Int(limit))...\(Int(limit))",
                    hint: "extent is [west, south, east, north] in WGS84 degrees")
            }
            numbers.append(number)
        }
        guard numbers[0] < numbers[2] else {
            throw value.error(
                "west (\(format(numbers[0]))) must be less than east (\(format(numbers[2])))",
                hint: "the order is [west, south, east, north]")
        }
        guard numbers[1] < numbers[3] else {
            throw value.error(
                "south (\(format(numbers[1]))) must be less than north (\(format(numbers[3])))",
                hint: "the order is [west, south, east, north]")
        }
        return BoundingBox(minX: numbers[0], minY: numbers[1], maxX: numbers[2], maxY: numbers[3])
    }

    private static func decodeSource(_ value: YAMLValue, directory: String) throws(PipelineConfigError)
        -> SourceDefinition
    {
        let entry = try value.mapping(allowedKeys: sourceKeys)
        let id = try identifier(entry.required("id"))
        let path = try entry.string("path")
        let sql = try entry.optionalString("sql")
        if sql != nil, entry.contains("layer") {
            throw try entry.required("sql").error(
                "give either `layer` or `sql`, not both", hint: "the query's result is the source's layer")
        }
        if DatabaseConnection.isDatabase(path), let secret = DatabaseConnection.secretKey(in: path) {
            throw try entry.required("path").error(
                "the connection string contains '\(secret)='; credentials never belong in a pipeline file",
                hint: "set PGPASSWORD in the environment or use a ~/.pgpass file (PGPASSFILE)")
        }
        let helmert = try entry.optionalMapping("helmert", allowedKeys: helmertKeys).map {
            mapping throws(PipelineConfigError) in
            HelmertParameters(
                tx: try mapping.double("tx"), ty: try mapping.double("ty"), tz: try mapping.double("tz"),
                rx: try mapping.double("rx"), ry: try mapping.double("ry"), rz: try mapping.double("rz"),
                scalePPM: try mapping.double("scale"),
                convention: try mapping.optionalOneOf("convention", HelmertParameters.Convention.self)
                    ?? .positionVector)
        }
        let fields = try entry.optionalMapping("fields", allowedKeys: fieldKeys).map {
            mapping throws(PipelineConfigError) in
            FieldMapping(
                id: try mapping.optionalString("id"), name: try mapping.optionalString("name"),
                height: try mapping.optionalString("height"), floors: try mapping.optionalString("floors"),
                minHeight: try mapping.optionalString("min_height"))
        }
        let csv = try entry.optionalMapping("csv", allowedKeys: csvKeys).map { mapping throws(PipelineConfigError) in
            CSVColumns(lon: try mapping.string("lon"), lat: try mapping.string("lat"))
        }
        return SourceDefinition(
            id: id, title: try entry.optionalString("title"), path: path,
            resolvedPath: DatabaseConnection.isDatabase(path) ? path : PipelinePath.resolve(path, against: directory),
            layer: try entry.optionalString("layer"), sql: sql,
            kind: try entry.oneOf("kind", DataKind.self), crs: try entry.optionalString("crs"),
            encoding: try entry.optionalString("encoding"), helmert: helmert, fields: fields ?? FieldMapping(),
            csv: csv, licence: try entry.optionalString("licence"),
            attribution: try entry.optionalString("attribution"),
            validation: try entry.optional("validation").map(ValidationSettings.decode) ?? ValidationSettings(),
            anonymise: try entry.optional("anonymise").map { value throws(PipelineConfigError) in
                try AnonymisationSettings.decode(value, directory: directory)
            } ?? AnonymisationSettings(),
            line: value.node.mark?.line ?? 0)
    }

    private static func decodeOutputs(_ value: YAMLValue) throws(PipelineConfigError) -> OutputDefinitions {
        let outputs = try value.mapping(allowedKeys: outputKeys)
        guard !outputs.keys.isEmpty else {
            throw value.error(
                "must name at least one output format", hint: "one of \(outputKeys.joined(separator: ", "))")
        }
        var definitions = OutputDefinitions(
            geojson: try outputs.raw("geojson").map(decodeGeoJSONOutput),
            geojsonSeq: try outputs.raw("geojsonseq").map(decodeGeoJSONOutput),
            tiles3D: try outputs.raw("3dtiles").map(decodeThreeDOutput),
            glb: try outputs.raw("glb").map(decodeThreeDOutput))
        definitions.crs = try outputs.optionalOneOf("crs", PublishedCRS.self) ?? .wgs84
        return definitions
    }

    /// A GeoJSON-family output; an empty value (`geojson:`) enables it with the defaults.
    private static func decodeThreeDOutput(_ value: YAMLValue) throws(PipelineConfigError) -> ThreeDOutput {
        var output = ThreeDOutput()
        guard !value.isNull else { return output }
        let options = try value.mapping(allowedKeys: threeDKeys)
        if let count = try options.optionalInt("max_features_per_tile") {
            guard count >= 1 else { throw try options.required("max_features_per_tile").error("must be at least 1") }
            output.maxFeaturesPerTile = count
        }
        for (key, path) in [("storey_height", \ThreeDOutput.storeyHeight), ("default_height", \.defaultHeight)] {
            if let metres = try options.optionalDouble(key) {
                guard metres > 0, metres < 1000 else {
                    throw try options.required(key).error("must be between 0 and 1000 metres")
                }
                output[keyPath: path] = metres
            }
        }
        return output
    }

    private static func decodeGeoJSONOutput(_ value: YAMLValue) throws(PipelineConfigError) -> GeoJSONOutput {
        guard !value.isNull else { return GeoJSONOutput() }
        let options = try value.mapping(allowedKeys: geoJSONKeys)
        return GeoJSONOutput(
            decimals: try options.int("decimals", in: GeoJSONOutput.decimalsRange, default: GeoJSONOutput().decimals),
            partition: try options.raw("partition").map(decodePartition))
    }

    /// `partition:` of a GeoJSON output; an empty value enables it with the defaults.
    private static func decodePartition(_ value: YAMLValue) throws(PipelineConfigError) -> GeoJSONPartition {
        var partition = GeoJSONPartition()
        guard !value.isNull else { return partition }
        let options = try value.mapping(allowedKeys: partitionKeys)
        if let count = try options.optionalInt("min_features") {
            guard count >= 0 else { throw try options.required("min_features").error("must be 0 or more") }
            partition.minFeatures = count
        }
        if let count = try options.optionalInt("max_features_per_tile") {
            guard count >= 1 else { throw try options.required("max_features_per_tile").error("must be at least 1") }
            partition.maxFeaturesPerTile = count
        }
        return partition
    }

    // MARK: - Values

    /// A pipeline or source id: 1 to 64 of `a-z 0-9 _ -`, starting with a letter or digit.
    private static func identifier(_ value: YAMLValue) throws(PipelineConfigError) -> String {
        let text = try value.string()
        guard isIdentifier(text) else {
            var hint: String?
            let repaired = repairedIdentifier(text)
            if isIdentifier(repaired) { hint = "did you mean '\(repaired)'?" }
            throw value.error(
                "'\(YAMLValue.abbreviated(text))' is not a valid id: use 1 to 64 lower-case letters a-z, digits, "
                    + "'_' or '-', starting with a letter or digit",
                hint: hint)
        }
        return text
    }

    static func isIdentifier(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars)
        guard (1...64).contains(scalars.count) else { return false }
        for (index, scalar) in scalars.enumerated() {
            let alphanumeric = (scalar >= "a" && scalar <= "z") || (scalar >= "0" && scalar <= "9")
            guard alphanumeric || (index > 0 && (scalar == "_" || scalar == "-")) else { return false }
        }
        return true
    }

    /// `Wuhan City` → `wuhan-city`: lower-cased, spaces and dots to `-`, other characters dropped.
    private static func repairedIdentifier(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        for scalar in text.trimmingSpaces.lowercased().unicodeScalars {
            if (scalar >= "a" && scalar <= "z") || (scalar >= "0" && scalar <= "9") || scalar == "_" || scalar == "-" {
                result.append(scalar)
            } else if scalar == " " || scalar == "." {
                result.append("-")
            }
        }
        return String(String(result).drop { $0 == "_" || $0 == "-" }.prefix(64))
    }

    /// A number as written in messages: `115.09`, `190` (not `190.0`).
    private static func format(_ number: Double) -> String {
        number == number.rounded() && abs(number) < 1e15 ? String(Int64(number)) : String(number)
    }

    // MARK: - Reading the file

    private static func read(path: String) throws(PipelineConfigError) -> Data {
        func ioError(_ message: String) -> PipelineConfigError {
            PipelineConfigError(file: path, message: message, exitStatus: .io)
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw ioError("cannot read the pipeline file: no such file")
        }
        guard !isDirectory.boolValue else {
            throw ioError("cannot read the pipeline file: it is a directory")
        }
        if let size = fileSize(path), size > maximumFileSize {
            throw tooLargeError(file: path, size: size)
        }
        let data: Data?
        do {
            let handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
            defer { try? handle.close() }
            data = try handle.read(upToCount: maximumFileSize + 1)
        } catch {
            throw ioError("cannot read the pipeline file: \(reason(error))")
        }
        let contents = data ?? Data()
        guard contents.count <= maximumFileSize else {
            throw tooLargeError(file: path, size: nil)
        }
        return contents
    }

    private static func fileSize(_ path: String) -> Int? {
        guard let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] else { return nil }
        if let size = size as? Int { return size }
        if let size = size as? UInt64 { return Int(exactly: size) }
        return (size as? NSNumber)?.intValue
    }

    private static func reason(_ error: any Error) -> String {
        if let error = error as? CocoaError {
            switch error.code {
            case .fileReadNoPermission: return "permission denied"
            case .fileReadNoSuchFile, .fileNoSuchFile: return "no such file"
            default: break
            }
        }
        return error.localizedDescription
    }

    private static func tooLargeError(file: String, size: Int?) -> PipelineConfigError {
        let limit = "\(maximumFileSize / (1 << 20)) MiB"
        let message =
            if let size {
                "the pipeline file is \(size) bytes; pipeline files are limited to \(limit)"
            } else {
                "the pipeline file is larger than the \(limit) limit for pipeline files"
            }
        return PipelineConfigError(
            file: file, message: message,
            hint: "a pipeline file describes datasets; keep the data itself in the files its sources point at")
    }

    /// Points at the first byte sequence that is not UTF-8.
    private static func invalidUTF8Error(data: Data, file: String) -> PipelineConfigError {
        var line = 1
        var column = 1
        var offset = 0
        var iterator = data.makeIterator()
        var parser = Unicode.UTF8.ForwardParser()
        loop: while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded):
                offset += encoded.count
                if Unicode.UTF8.decode(encoded) == "\n" {
                    line += 1
                    column = 1
                } else {
                    column += 1
                }
            case .emptyInput:
                break loop
            case .error:
                break loop
            }
        }
        return PipelineConfigError(
            file: file, line: line, column: column,
            message: "the file is not valid UTF-8 text (first bad byte at offset \(offset))",
            hint: "save the pipeline file as UTF-8")
    }
}
