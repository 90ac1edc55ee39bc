/// The mapping between a local east-north-up frame (metres, Z up, as 3D Tiles and `LocalFrame` use)
/// and glTF's right-handed Y-up axes: **x = east, y = up, z = −north**.
///
/// It is a proper rotation (a quarter turn about the east axis), so winding and handedness are kept.
/// 3D Tiles clients undo it exactly: they rotate glTF content from Y-up to Z-up, (x, y, z) → (x, −z, y),
/// before applying the tile transform, which turns (east, up, −north) back into (east, north, up).
public enum AxisConvention {
    /// glTF coordinates of an east, north, up offset in metres.
    public static func gltf(east: Double, north: Double, up: Double) -> SIMD3<Double> {
        SIMD3(east, up, -north)
    }

    /// glTF coordinates of an ENU offset, as 32-bit floats for vertex data.
    public static func gltfFloat(east: Double, north: Double, up: Double) -> SIMD3<Float> {
        SIMD3(Float(east), Float(up), Float(-north))
    }

    /// The east, north, up offset of a glTF position: the Y-up → Z-up rotation of the 3D Tiles spec.
    public static func enu(gltf p: SIMD3<Double>) -> (east: Double, north: Double, up: Double) {
        (p.x, -p.z, p.y)
    }

    /// The 3D Tiles "y-up to z-up" matrix, column-major: rotation about +X by π/2, (x, y, z) → (x, −z, y).
    public static let yUpToZUp: [Double] = [
        1, 0, 0, 0,
        0, 0, 1, 0,
        0, -1, 0, 0,
        0, 0, 0, 1,
    ]
}
