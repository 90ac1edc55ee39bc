import CityBundleModel

/// Remembers the ids and geometries seen in one source, as 128-bit fingerprints (16 bytes each, so a
/// million features take about 40 MB), to find duplicate ids and duplicate geometries.
struct UniquenessIndex {
    private struct Fingerprint: Hashable {
        var a: Int
        var b: Int
    }

    private var ids: Set<Fingerprint> = []
    private var geometries: Set<Fingerprint> = []

    /// Inserts `id`; false when it was already there.
    mutating func insert(id: String) -> Bool {
        ids.insert(fingerprint { $0.combine(id) }).inserted
    }

    /// Inserts `geometry` rounded to 7 decimals (1 cm); false when an equal geometry was there.
    mutating func insert(geometry: Geometry) -> Bool {
        geometries.insert(
            fingerprint { hasher in
                hasher.combine(geometry.typeName)
                geometry.forEachPosition { p in
                    hasher.combine((p.x * 1e7).rounded())
                    hasher.combine((p.y * 1e7).rounded())
                }
            }
        ).inserted
    }

    private func fingerprint(_ feed: (inout Hasher) -> Void) -> Fingerprint {
        var first = Hasher()
        var second = Hasher()
        second.combine(0x5EED_CB)
        feed(&first)
        feed(&second)
        return Fingerprint(a: first.finalize(), b: second.finalize())
    }
}
