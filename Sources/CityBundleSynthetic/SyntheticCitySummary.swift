public import CityBundleModel

/// What `SyntheticCity.write(to:)` produced.
public struct SyntheticCitySummary: Sendable, Hashable, CustomStringConvertible {
    /// One written file.
    public struct File: Sendable, Hashable {
        /// The file's path.
        public var path: String
        /// The number of features in it.
        public var features: Int
        /// Its size in bytes.
        public var bytes: Int64
    }

    /// The number of buildings requested and written.
    public var buildings: Int
    /// The seed the city was generated from.
    public var seed: UInt64
    /// Buildings per footprint family.
    public var shapes: [FootprintShape: Int]
    /// Buildings whose `height` is null.
    public var buildingsWithoutHeight: Int
    /// Remarks that embed a mobile number (besides every building's `phone`).
    public var plantedMobileNumbers: Int
    /// Remarks that embed an 18-digit resident id.
    public var plantedResidentIDs: Int
    /// The number of scenic-site points.
    public var scenicSites: Int
    /// The number of district polygons.
    public var districts: Int
    /// The files, buildings first.
    public var files: [File]
    /// The extent of the buildings in EPSG:4547 metres (x = easting, y = northing).
    public var extent: BoundingBox
    /// The same extent in WGS 84 degrees (longitude, latitude), approximate (a Krüger series, not PROJ).
    public var wgs84Extent: BoundingBox

    /// The total size of the files in bytes.
    public var totalBytes: Int64 { files.reduce(0) { $0 + $1.bytes } }

    /// A few lines for people: files, counts and extents.
    public var description: String {
        var lines = ["Synthetic Wuhan: \(buildings) buildings, seed \(seed)"]
        for file in files { lines.append("  \(file.path)  \(file.features) features  \(file.bytes) bytes") }
        let shares = FootprintShape.allCases.map { "\($0.rawValue) \(shapes[$0, default: 0])" }
        lines.append("  footprints: " + shares.joined(separator: ", "))
        lines.append(
            "  heights missing: \(buildingsWithoutHeight); remarks with a mobile number: \(plantedMobileNumbers), "
                + "with a resident id: \(plantedResidentIDs)")
        lines.append(
            "  extent EPSG:4547: "
                + [extent.minX, extent.minY, extent.maxX, extent.maxY].map { fixed($0, 1) }
                .joined(separator: ", "))
        lines.append(
            "  extent WGS 84 (approx.): "
                + [wgs84Extent.minX, wgs84Extent.minY, wgs84Extent.maxX, wgs84Extent.maxY].map { fixed($0, 5) }
                .joined(separator: ", "))
        return lines.joined(separator: "\n")
    }

    /// `value` with `decimals` digits after the point.
    private func fixed(_ value: Double, _ decimals: Int) -> String {
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = Int64((value * scale).rounded())
        let whole = scaled / Int64(scale)
        let fraction = String(abs(scaled % Int64(scale)))
        return "\(whole)." + String(repeating: "0", count: decimals - fraction.count) + fraction
    }
}
