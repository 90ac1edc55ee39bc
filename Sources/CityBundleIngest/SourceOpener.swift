import CityBundleModel
import CityBundlePipeline
import GDALKit
import Glibc

/// Opens a source's file with the driver options its format needs and picks its layer.
public enum SourceOpener {
    /// Column names GDAL's CSV driver tries for coordinates when none are configured.
    static let defaultLonColumns = ["lon", "lng", "long", "longitude", "x", "经度", "东经"]
    static let defaultLatColumns = ["lat", "latitude", "y", "纬度", "北纬"]

    struct Opened {
        let dataset: VectorDataset
        let layer: VectorLayer
        let decoder: TextDecoder
        /// A UTF-8 copy the dataset reads from, kept alive as long as the dataset.
        let recoded: RecodedCopy?
    }

    /// Opens the source's file (or database) and picks its layer, or runs its SQL query.
    static func open(_ source: SourceDefinition) throws -> Opened {
        let (dataset, decoder, recoded) = try openDataset(source)
        let layer: VectorLayer
        if let sql = source.sql {
            do {
                layer = try dataset.query(sql)
            } catch var error {
                error.path = "source '\(source.id)'"
                throw error
            }
        } else {
            layer = try pickLayer(in: dataset, named: source.layer, shownAs: source.path)
        }
        return Opened(dataset: dataset, layer: layer, decoder: decoder, recoded: recoded)
    }

    /// Opens the source's file with the options its format needs.
    static func openDataset(_ source: SourceDefinition) throws -> (VectorDataset, TextDecoder, RecodedCopy?) {
        var path = source.resolvedPath
        if DatabaseConnection.isDatabase(path) {
            return (try openDatabase(source), TextDecoder(), nil)
        }
        try checkReadable(path: path, shownAs: source.path)
        let lowered = path.lowercased()
        var options: [String] = []
        var decoder = TextDecoder()
        var recoded: RecodedCopy?
        let isCSV = lowered.hasSuffix(".csv") || lowered.hasSuffix(".tsv")
        if isCSV {
            let lon = source.csv.map { [$0.lon] } ?? defaultLonColumns
            let lat = source.csv.map { [$0.lat] } ?? defaultLatColumns
            options += [
                "X_POSSIBLE_NAMES=\(lon.joined(separator: ","))", "Y_POSSIBLE_NAMES=\(lat.joined(separator: ","))",
                "KEEP_GEOM_COLUMNS=NO",
            ]
        }
        if lowered.hasSuffix(".shp") || lowered.hasSuffix(".dbf") {
            if !fileExists(replacingExtensionOf: path, with: "shx") {
                throw IngestError(
                    path: source.path, message: "the shapefile has no .shx index file",
                    hint: "copy the .shx that belongs with it next to the .shp", exitStatus: .io)
            }
            if let encoding = source.encoding { options.append("ENCODING=\(encoding)") }
        } else if isCSV, let encoding = source.encoding, !TextDecoder.isUTF8(encoding) {
            recoded = try RecodedCopy(of: path, encoding: encoding, shownAs: source.path)
            path = recoded!.path
        } else if let encoding = source.encoding {
            decoder = try TextDecoder(encoding: encoding)
        }
        let dataset: VectorDataset
        do {
            dataset = try VectorDataset(path: path, openOptions: options)
        } catch var error {
            error.path = source.path
            throw error
        }
        return (dataset, decoder, recoded)
    }

    /// Opens a database source. Credentials come from the environment (PGPASSWORD, PGPASSFILE /
    /// ~/.pgpass); errors name the source, never the connection string or what the server echoed.
    static func openDatabase(_ source: SourceDefinition) throws -> VectorDataset {
        if let secret = DatabaseConnection.secretKey(in: source.resolvedPath) {
            throw IngestError(
                path: "source '\(source.id)'", message: "the connection string contains '\(secret)='",
                hint:
                    "set PGPASSWORD or use a ~/.pgpass file; credentials never go on the command line or in pipeline files",
                exitStatus: .usage)
        }
        let connection =
            source.resolvedPath.hasPrefix("PG:") ? source.resolvedPath : "PG:" + source.resolvedPath
        do {
            return try VectorDataset(path: connection, drivers: ["PostgreSQL"])
        } catch {
            throw IngestError(
                path: "source '\(source.id)'", message: "cannot connect to the database",
                hint: "check host, port, database and user in `path:`, and PGPASSWORD or ~/.pgpass",
                exitStatus: .io)
        }
    }

    static func pickLayer(in dataset: VectorDataset, named name: String?, shownAs path: String) throws -> VectorLayer {
        let layers = dataset.layers
        let names = layers.map(\.name).joined(separator: ", ")
        if let name {
            guard let layer = dataset.layer(named: name) else {
                throw IngestError(
                    path: path, message: "no layer named '\(name)'", hint: "the layers are: \(names)",
                    exitStatus: .usage)
            }
            return layer
        }
        guard let first = layers.first else {
            throw IngestError(path: path, message: "the file has no layers", exitStatus: .dataErrors)
        }
        guard layers.count == 1 else {
            throw IngestError(
                path: path, message: "the file has \(layers.count) layers: \(names)",
                hint: "choose one with `layer:` (or --layer)", exitStatus: .usage)
        }
        return first
    }

    /// Throws an I/O error naming `shownAs` when `path` is missing, unreadable or empty.
    public static func checkReadable(path: String, shownAs: String) throws {
        guard !path.hasPrefix("/vsi") else { return }
        var status = stat()
        guard stat(path, &status) == 0 else {
            throw IngestError(path: shownAs, message: "no such file", hint: "check the path", exitStatus: .io)
        }
        if (status.st_mode & S_IFMT) == S_IFREG {
            guard access(path, R_OK) == 0 else {
                throw IngestError(path: shownAs, message: "permission denied", exitStatus: .io)
            }
            guard status.st_size > 0 else {
                throw IngestError(path: shownAs, message: "the file is empty (0 bytes)", exitStatus: .io)
            }
        }
    }

    static func fileExists(replacingExtensionOf path: String, with ext: String) -> Bool {
        guard let dot = path.lastIndex(of: ".") else { return false }
        let stem = path[..<dot]
        return [ext, ext.uppercased()].contains { access("\(stem).\($0)", F_OK) == 0 }
    }
}
