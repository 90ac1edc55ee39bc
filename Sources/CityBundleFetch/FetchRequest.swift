/// What to fetch, from where, into which folder, trusting which keys.
public struct FetchRequest: Sendable {
    /// The publish root: `http://…`, `https://…` or `file:///…` (a plain path is taken as a local folder).
    public var source: String
    /// The bundle id.
    public var bundle: String
    /// The version, or nil for the one `latest.json` names.
    public var version: String?
    /// The local folder: the version goes to `<destination>/<bundle>/<version>/`.
    public var destination: String
    /// Trusted public key files (`*.pub.json`); empty to use the keys pinned in the state file (or, on first
    /// use, the publish root's own `keys.json`).
    public var keyFiles: [String]
    /// The state file (pinned keys, highest version and sequence seen per bundle); nil for
    /// `<destination>/.citybundle-fetch/state.json`.
    public var statePath: String?
    /// How many files are downloaded at once.
    public var parallelism: Int

    /// A request; every argument is a member of the same name.
    public init(
        source: String, bundle: String, version: String? = nil, destination: String, keyFiles: [String] = [],
        statePath: String? = nil, parallelism: Int = 4
    ) {
        self.source = source
        self.bundle = bundle
        self.version = version
        self.destination = destination
        self.keyFiles = keyFiles
        self.statePath = statePath
        self.parallelism = parallelism
    }

    /// Splits `BUNDLE`, `BUNDLE@VERSION` or `BUNDLE@latest` into the bundle id and the version (nil for latest).
    public static func parseTarget(_ text: String) -> (bundle: String, version: String?) {
        guard let at = text.lastIndex(of: "@") else { return (text, nil) }
        let bundle = String(text[..<at])
        let version = String(text[text.index(after: at)...])
        return (bundle, version == "latest" || version.isEmpty ? nil : version)
    }
}

/// What a fetch did.
public struct FetchResult: Sendable {
    /// The bundle id.
    public var bundle: String
    /// The version now in place.
    public var version: String
    /// Its local folder.
    public var directory: String
    /// Files downloaded (completely or from where a previous run stopped).
    public var downloaded: [String]
    /// Files that continued a partial download with a `Range` request.
    public var resumed: [String]
    /// Files taken from a version already on disk (same SHA-256).
    public var reused: [String]
    /// Bytes received over the transport.
    public var bytesReceived: Int64
    /// True when the version was already complete and verified on disk.
    public var alreadyPresent: Bool
    /// Whether `<destination>/<bundle>/latest` now names this version.
    public var updatedLatest: Bool
    /// Observations: keys pinned on first use, a key rotation followed, a local version since withdrawn.
    public var notes: [String]
}

/// Where a fetch is, for a progress display.
public struct FetchProgress: Sendable {
    /// The file that advanced (relative to the version folder).
    public var file: String
    /// Files finished so far.
    public var filesDone: Int
    /// Files in the version.
    public var filesTotal: Int
    /// Bytes in place so far (downloaded or reused).
    public var bytesDone: Int64
    /// Bytes of the version's files.
    public var bytesTotal: Int64
}
