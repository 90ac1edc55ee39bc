/// Defining and derived constants of the WGS 84 ellipsoid (NIMA TR8350.2).
public enum WGS84 {
    /// Semi-major axis, metres.
    public static let a = 6_378_137.0
    /// Flattening, 1 / 298.257223563.
    public static let f = 1.0 / 298.257_223_563
    /// Semi-minor axis b = a (1 − f), metres (≈ 6 356 752.314245).
    public static let b = a * (1.0 - f)
    /// First eccentricity squared e² = f (2 − f).
    public static let e2 = f * (2.0 - f)
}
