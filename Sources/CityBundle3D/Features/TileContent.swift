import CityBundleModel

/// What one tile's GLB holds: meshes by material and the property-table rows their feature IDs index.
public struct TileContent: Sendable, Hashable {
    /// Geometry by material; every vertex's feature ID indexes `features`.
    public var meshes: MaterialMeshes
    /// One record per feature ID, in feature-ID order.
    public var features: [FeatureRecord]
    /// Features that produced no mesh (they have no feature ID).
    public var skipped: [SkippedFeature]

    /// Makes tile content from its parts.
    public init(
        meshes: MaterialMeshes = MaterialMeshes(), features: [FeatureRecord] = [], skipped: [SkippedFeature] = []
    ) {
        self.meshes = meshes
        self.features = features
        self.skipped = skipped
    }

    /// Meshes `features` in `frame` with `mesher`: each feature that meshes gets the next feature ID;
    /// the others are listed in `skipped`.
    public init(meshing features: [TileFeature], in frame: TileFrame, mesher: FeatureMesher = FeatureMesher()) {
        self.init()
        for feature in features {
            do throws(ExtrusionError) {
                let id = UInt32(self.features.count)
                let meshes = try mesher.mesh(feature, in: frame, featureID: id)
                guard !meshes.isEmpty else { throw ExtrusionError.emptyFootprint }
                self.meshes.append(meshes)
                self.features.append(feature.record)
            } catch {
                skipped.append(SkippedFeature(id: feature.record.id, reason: error))
            }
        }
    }

    /// Meshes `features` like ``init(meshing:in:mesher:)``, in parts of `partSize` features on every core; the
    /// result is the same, byte for byte.
    public init(
        meshingInParallel features: [TileFeature], in frame: TileFrame, mesher: FeatureMesher = FeatureMesher(),
        partSize: Int = 2000
    ) {
        let parts = stride(from: 0, to: features.count, by: max(1, partSize)).map {
            features[$0..<min($0 + max(1, partSize), features.count)]
        }
        // Meshing throws nothing: features that fail are listed in `skipped`.
        let meshed =
            (try? parallelMap(parts.count) { TileContent(meshing: Array(parts[$0]), in: frame, mesher: mesher) })
            ?? []
        self.init()
        for part in meshed {
            meshes.append(part.meshes, featureIDOffset: UInt32(self.features.count))
            self.features += part.features
            skipped += part.skipped
        }
    }
}
