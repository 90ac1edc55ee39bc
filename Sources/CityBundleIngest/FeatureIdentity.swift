import CityBundleModel
import Crypto

/// Stable feature ids. A mapped id field wins; otherwise the id is derived from the source id and
/// the feature's content as read (geometry in the source CRS and attributes), so the same input
/// always gives the same id, whatever the machine, run or PROJ version:
/// `<source>-<first 16 hex digits of SHA-256(source id, geometry, attributes)>`.
enum FeatureIdentity {
    static func derive(sourceID: String, geometry: Geometry?, properties: Properties) -> String {
        var hasher = SHA256()
        var bytes: [UInt8] = Array(sourceID.utf8)
        bytes.append(0)
        if let geometry { appendGeometry(geometry, to: &bytes) }
        bytes.append(0)
        for property in properties {
            bytes += property.name.utf8
            bytes.append(0x1F)
            bytes += (property.value.textValue ?? "\u{0}null").utf8
            bytes.append(0x1E)
        }
        hasher.update(data: bytes)
        let digest = hasher.finalize()
        let hex = digest.prefix(8).map { byte in
            let digits = Array("0123456789abcdef".utf8)
            return String(decoding: [digits[Int(byte >> 4)], digits[Int(byte & 15)]], as: UTF8.self)
        }.joined()
        return "\(sourceID)-\(hex)"
    }

    private static func appendGeometry(_ geometry: Geometry, to bytes: inout [UInt8]) {
        bytes += geometry.typeName.utf8
        geometry.forEachPosition { position in
            for value in [position.x, position.y, position.z ?? .nan] {
                withUnsafeBytes(of: value.bitPattern.littleEndian) { bytes += $0 }
            }
        }
    }
}
