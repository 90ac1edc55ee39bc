/// The rough mainland-China bounding box that every published GCJ-02 implementation tests against.
public enum ChinaExtent {
    /// Western limit of the box, degrees.
    public static let minLon = 72.004
    /// Eastern limit of the box, degrees.
    public static let maxLon = 137.8347
    /// Southern limit of the box, degrees.
    public static let minLat = 0.8293
    /// Northern limit of the box, degrees.
    public static let maxLat = 55.8271

    /// The customary `outOfChina` test: true outside the box, where GCJ-02 is the identity.
    /// NaN ordinates compare false, so a NaN position is never reported as outside.
    public static func outOfChina(_ p: LonLat) -> Bool {
        p.lon < minLon || p.lon > maxLon || p.lat < minLat || p.lat > maxLat
    }
}
