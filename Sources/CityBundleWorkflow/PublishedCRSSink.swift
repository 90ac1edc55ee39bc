import CityBundleGeodesy
import CityBundleModel
import CityBundlePipeline

/// Wraps a GeoJSON sink so it receives coordinates in the pipeline's published coordinate system:
/// GCJ-02 applies the obfuscation; CGCS2000 keeps the numbers (it agrees with WGS 84 to about
/// 0.1 m) and is declared in the metadata.
struct PublishedCRSSink: FeatureSink {
    var wrapped: any FeatureSink
    let crs: PublishedCRS

    mutating func write(_ batch: [Feature]) throws {
        guard crs == .gcj02 else { return try wrapped.write(batch) }
        try wrapped.write(batch.map { Self.published($0, in: crs) })
    }

    /// `feature` with its WGS 84 coordinates in the published coordinate system `crs`.
    static func published(_ feature: Feature, in crs: PublishedCRS) -> Feature {
        guard crs == .gcj02 else { return feature }
        var shifted = feature
        shifted.geometry = feature.geometry?.mapPositions { p in
            let gcj = GCJ02.fromWGS84(LonLat(p.x, p.y))
            return Position(gcj.lon, gcj.lat, p.z)
        }
        return shifted
    }

    mutating func finish() throws -> [WrittenFile] { try wrapped.finish() }

    func abort() { wrapped.abort() }
}
