public import CityBundleModel

/// A pipeline as declared in a pipeline file (format version 1): what to read and what to write.
public struct PipelineDefinition: Sendable, Equatable {
    /// The pipeline id (`pipeline:`), matching `^[a-z0-9][a-z0-9_-]{0,63}$`.
    public var id: String
    /// A human-readable title (`title:`), never empty.
    public var title: String
    /// Free-text description (`description:`).
    public var description: String?
    /// The area of interest in WGS84 as [west, south, east, north] (`extent:`).
    public var extent: BoundingBox?
    /// Whether lon/lat-looking sources without a declared CRS may be taken as WGS84 (`assume_wgs84:`).
    public var assumeWGS84: Bool
    /// The sources in file order; never empty, ids unique.
    public var sources: [SourceDefinition]
    /// The output formats to write.
    public var outputs: OutputDefinitions
    /// Validation settings for every source (a source's own `validation:` wins).
    public var validation: ValidationSettings
    /// Anonymisation defaults for every source (a source's own `anonymise:` wins).
    public var anonymise: AnonymisationSettings
    /// Publishing as signed, versioned bundles; nil writes plain files.
    public var publish: PublishSettings?
    /// The pipeline file's path as it was given to the loader.
    public var file: String
    /// The directory of `file`; relative source paths resolve against it.
    public var directory: String

    /// Creates a definition from already validated values.
    public init(
        id: String, title: String, description: String? = nil, extent: BoundingBox? = nil,
        assumeWGS84: Bool = false, sources: [SourceDefinition], outputs: OutputDefinitions = OutputDefinitions(),
        validation: ValidationSettings = ValidationSettings(),
        anonymise: AnonymisationSettings = AnonymisationSettings(),
        publish: PublishSettings? = nil, file: String, directory: String
    ) {
        self.anonymise = anonymise
        self.validation = validation
        self.publish = publish
        self.id = id
        self.title = title
        self.description = description
        self.extent = extent
        self.assumeWGS84 = assumeWGS84
        self.sources = sources
        self.outputs = outputs
        self.file = file
        self.directory = directory
    }

    /// The source with the given id, if any.
    public func source(id: String) -> SourceDefinition? {
        sources.first { $0.id == id }
    }
}

/// One input dataset of a pipeline (an entry of `sources:`).
public struct SourceDefinition: Sendable, Equatable {
    /// The source id, unique within the pipeline, matching `^[a-z0-9][a-z0-9_-]{0,63}$`.
    public var id: String
    /// A human-readable title.
    public var title: String?
    /// The dataset path exactly as written in the pipeline file.
    public var path: String
    /// `path` resolved against the pipeline file's directory (unchanged when `path` is absolute).
    public var resolvedPath: String
    /// The layer to read, for multi-layer formats.
    public var layer: String?
    /// An SQL query whose result is the source's layer (PostGIS and other databases), instead of `layer`.
    public var sql: String?
    /// What the source holds.
    public var kind: DataKind
    /// The declared CRS as written (EPSG code, GCJ-02, BD-09, WKT or PROJ string); not interpreted here.
    public var crs: String?
    /// The declared attribute encoding, e.g. `UTF-8` or `GBK`.
    public var encoding: String?
    /// A 7-parameter transformation to WGS 84, for datums such as Xi'an 1980 or Beijing 1954.
    public var helmert: HelmertParameters?
    /// Which source fields hold CityBundle's standard properties.
    public var fields: FieldMapping
    /// The coordinate columns of a CSV source.
    public var csv: CSVColumns?
    /// The licence: an SPDX id or free text.
    public var licence: String?
    /// The attribution text that must accompany the data.
    public var attribution: String?
    /// This source's own validation settings.
    public var validation: ValidationSettings
    /// This source's own anonymisation policy.
    public var anonymise: AnonymisationSettings
    /// The 1-based line of the pipeline file where this source entry starts.
    public var line: Int

    /// Creates a source definition from already validated values.
    public init(
        id: String, title: String? = nil, path: String, resolvedPath: String, layer: String? = nil, sql: String? = nil,
        kind: DataKind, crs: String? = nil, encoding: String? = nil, helmert: HelmertParameters? = nil,
        fields: FieldMapping = FieldMapping(), csv: CSVColumns? = nil, licence: String? = nil,
        attribution: String? = nil, validation: ValidationSettings = ValidationSettings(),
        anonymise: AnonymisationSettings = AnonymisationSettings(), line: Int
    ) {
        self.anonymise = anonymise
        self.validation = validation
        self.id = id
        self.title = title
        self.path = path
        self.resolvedPath = resolvedPath
        self.layer = layer
        self.sql = sql
        self.kind = kind
        self.crs = crs
        self.encoding = encoding
        self.helmert = helmert
        self.fields = fields
        self.csv = csv
        self.licence = licence
        self.attribution = attribution
        self.line = line
    }
}

/// A 7-parameter (Helmert) transformation to WGS 84.
public struct HelmertParameters: Sendable, Equatable {
    /// How the rotation angles are to be read.
    public enum Convention: String, Sendable, Equatable, CaseIterable {
        /// Position vector rotation (EPSG method 9606), the default.
        case positionVector = "position_vector"
        /// Coordinate frame rotation (EPSG method 9607): the rotations have the opposite sign.
        case coordinateFrame = "coordinate_frame"
    }

    /// Translation along X, in metres.
    public var tx: Double
    /// Translation along Y, in metres.
    public var ty: Double
    /// Translation along Z, in metres.
    public var tz: Double
    /// Rotation about X, in arc-seconds.
    public var rx: Double
    /// Rotation about Y, in arc-seconds.
    public var ry: Double
    /// Rotation about Z, in arc-seconds.
    public var rz: Double
    /// Scale difference, in parts per million.
    public var scalePPM: Double
    /// The rotation convention.
    public var convention: Convention

    /// Creates a parameter set; `convention` defaults to position vector.
    public init(
        tx: Double, ty: Double, tz: Double, rx: Double, ry: Double, rz: Double, scalePPM: Double,
        convention: Convention = .positionVector
    ) {
        self.tx = tx
        self.ty = ty
        self.tz = tz
        self.rx = rx
        self.ry = ry
        self.rz = rz
        self.scalePPM = scalePPM
        self.convention = convention
    }
}

/// Source field names that hold CityBundle's standard properties; nil means "not mapped".
public struct FieldMapping: Sendable, Equatable {
    /// The field holding a stable feature id.
    public var id: String?
    /// The field holding the feature's name.
    public var name: String?
    /// The field holding the height in metres.
    public var height: String?
    /// The field holding the floor count.
    public var floors: String?
    /// The field holding the height of the lowest part in metres.
    public var minHeight: String?

    /// Creates a mapping; every field defaults to unmapped.
    public init(
        id: String? = nil, name: String? = nil, height: String? = nil, floors: String? = nil,
        minHeight: String? = nil
    ) {
        self.id = id
        self.name = name
        self.height = height
        self.floors = floors
        self.minHeight = minHeight
    }

    /// True when no field is mapped.
    public var isEmpty: Bool {
        id == nil && name == nil && height == nil && floors == nil && minHeight == nil
    }
}

/// The coordinate columns of a CSV source (any Unicode column names).
public struct CSVColumns: Sendable, Equatable {
    /// The longitude (or easting) column.
    public var lon: String
    /// The latitude (or northing) column.
    public var lat: String

    /// Creates a column pair.
    public init(lon: String, lat: String) {
        self.lon = lon
        self.lat = lat
    }
}

/// The output formats a pipeline writes; nil means "not written".
public struct OutputDefinitions: Sendable, Equatable {
    /// One RFC 7946 FeatureCollection per source.
    public var geojson: GeoJSONOutput?
    /// One newline-delimited GeoJSON file per source.
    public var geojsonSeq: GeoJSONOutput?
    /// A 3D Tiles 1.1 tileset per source (buildings extruded, scenic sites as markers and areas).
    public var tiles3D: ThreeDOutput?
    /// One GLB per source.
    public var glb: ThreeDOutput?
    /// The coordinate system of the published GeoJSON (3D outputs are always WGS 84).
    public var crs: PublishedCRS = .wgs84

    /// Creates an output set; the default is GeoJSON with 7 decimals and no GeoJSON sequence.
    public init(
        geojson: GeoJSONOutput? = GeoJSONOutput(), geojsonSeq: GeoJSONOutput? = nil, tiles3D: ThreeDOutput? = nil,
        glb: ThreeDOutput? = nil
    ) {
        self.geojson = geojson
        self.geojsonSeq = geojsonSeq
        self.tiles3D = tiles3D
        self.glb = glb
    }
}

/// Coordinate systems GeoJSON may be published in.
public enum PublishedCRS: String, CaseIterable, Sendable {
    /// WGS 84 longitude/latitude: RFC 7946, the default.
    case wgs84
    /// CGCS2000 (EPSG:4490), for Tianditu-aligned use; within about 0.1 m of WGS 84.
    case cgcs2000
    /// GCJ-02, for Amap/Tencent base maps; not RFC 7946 (stated in the metadata).
    case gcj02

    /// The name metadata uses.
    public var label: String {
        switch self {
        case .wgs84: "WGS 84 (EPSG:4326)"
        case .cgcs2000: "CGCS2000 (EPSG:4490)"
        case .gcj02: "GCJ-02"
        }
    }
}

/// Options of the 3D outputs.
public struct ThreeDOutput: Sendable, Equatable {
    /// A quadtree tile is split while it holds more features than this.
    public var maxFeaturesPerTile: Int
    /// Metres per floor, for buildings with a floor count but no height.
    public var storeyHeight: Double
    /// The height of buildings with neither (flagged as estimated).
    public var defaultHeight: Double

    public init(maxFeaturesPerTile: Int = 500, storeyHeight: Double = 3, defaultHeight: Double = 10) {
        self.maxFeaturesPerTile = maxFeaturesPerTile
        self.storeyHeight = storeyHeight
        self.defaultHeight = defaultHeight
    }
}

/// Options of a GeoJSON-family output.
public struct GeoJSONOutput: Sendable, Equatable {
    /// The largest number of decimal places written per coordinate (0...7; 7 is about 1 cm).
    public var decimals: Int
    /// Large layers also as tile files (`<source>_tiles/`); nil: one file per layer only.
    public var partition: GeoJSONPartition?

    /// The allowed range of `decimals`.
    public static let decimalsRange = 0...7

    /// Creates an output option set; `decimals` defaults to 7.
    public init(decimals: Int = 7, partition: GeoJSONPartition? = nil) {
        self.decimals = decimals
        self.partition = partition
    }
}

/// How large GeoJSON layers are split into tile files on the 3D quadtree, so an update touches only the
/// tiles that changed and `fetch` reuses the rest.
public struct GeoJSONPartition: Sendable, Equatable {
    /// Layers with fewer features than this stay as one file only.
    public var minFeatures: Int
    /// A tile is split while it holds more features than this; nil: the 3D Tiles output's value (else 500).
    public var maxFeaturesPerTile: Int?

    /// Creates partition options.
    public init(minFeatures: Int = 10_000, maxFeaturesPerTile: Int? = nil) {
        self.minFeatures = minFeatures
        self.maxFeaturesPerTile = maxFeaturesPerTile
    }
}
