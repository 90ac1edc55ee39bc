/// Resource limits that ``GeoJSONStructureChecker`` enforces while it reads JSON.
///
/// Every violation becomes a ``StructureIssue``, never a crash or a hang. Limits on strings,
/// keys and numbers let checking go on (the value is cut short); the depth limit stops checking,
/// and a feature over ``maxFeatureBytes`` is skipped (read to its end but not checked).
public struct JSONLimits: Sendable, Hashable, Codable {
    /// Maximum nesting of arrays and objects; the root container is level 1.
    public var maxDepth: Int
    /// Maximum length in UTF-8 bytes of one decoded string value.
    public var maxStringBytes: Int
    /// Maximum length in characters of one number literal.
    public var maxNumberLength: Int
    /// Maximum length in UTF-8 bytes of one decoded object key.
    public var maxKeyBytes: Int
    /// Maximum estimated memory in bytes of one feature (or other top-level object) held as a tree.
    public var maxFeatureBytes: Int

    /// Creates limits; the defaults are 128 levels, 1 MiB strings, 64-character numbers,
    /// 64 KiB keys and 64 MiB per feature.
    public init(
        maxDepth: Int = 128, maxStringBytes: Int = 1 << 20, maxNumberLength: Int = 64,
        maxKeyBytes: Int = 64 << 10, maxFeatureBytes: Int = 64 << 20
    ) {
        self.maxDepth = maxDepth
        self.maxStringBytes = maxStringBytes
        self.maxNumberLength = maxNumberLength
        self.maxKeyBytes = maxKeyBytes
        self.maxFeatureBytes = maxFeatureBytes
    }
}
