/// Writes `tileset.json` for 3D Tiles 1.1: `asset.version` "1.1", a top-level `geometricError`, and a
/// tree of tiles with `region` bounding volumes (radians and metres), `geometricError`, relative
/// `content.uri`, `refine: "ADD"` on the root (inherited below), and for content tiles the `transform`.
///
/// Transforms: a tile's content is a GLB in its own ENU frame with glTF's Y-up axes (x = east, y = up,
/// z = −north). Per the 3D Tiles spec ("glTF transforms", "y-up to z-up"), a client first applies the
/// glTF node transforms (none here), then rotates Y-up to Z-up, (x, y, z) → (x, −z, y), then applies
/// `tile.transform`. The rotation already maps the GLB back to (east, north, up), so `transform` is
/// exactly the frame's ENU → ECEF matrix (`TileFrame.tileTransform`), column-major, with no extra axis
/// swap. Regions are in EPSG:4979 and are not affected by transforms.
///
/// Output is deterministic (members in fixed order, numbers in shortest round-trip form).
public struct TilesetWriter: Sendable {
    /// The `asset.generator` string.
    public var generator: String

    /// Makes a writer.
    public init(generator: String = "CityBundle") {
        self.generator = generator
    }

    /// The `tileset.json` bytes for `root`; `geometricError` is the tileset's (the error of showing
    /// nothing at all).
    public func encode(root: TilesetTile, geometricError: Double) -> [UInt8] {
        let document = JSONValue.object([
            ("asset", .object([("version", .string("1.1")), ("generator", .string(generator))])),
            ("geometricError", .number(geometricError)),
            ("root", tile(root, isRoot: true)),
        ])
        return document.prettyBytes
    }

    private func tile(_ tile: TilesetTile, isRoot: Bool) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("boundingVolume", .object([("region", .numbers(tile.region.values))])),
            ("geometricError", .number(tile.geometricError)),
        ]
        if isRoot { members.append(("refine", .string("ADD"))) }
        if let transform = tile.transform { members.append(("transform", .numbers(transform))) }
        if let uri = tile.contentURI { members.append(("content", .object([("uri", .string(uri))]))) }
        if !tile.children.isEmpty {
            members.append(("children", .array(tile.children.map { self.tile($0, isRoot: false) })))
        }
        return .object(members)
    }
}
