import Foundation

/// Features added, removed and modified between two versions of a bundle, by stable id, with the
/// attributes (or geometry) that changed. Written as `changes.json` and `CHANGES.md`.
struct FeatureChangeLog: Codable, Equatable {
    struct Modification: Codable, Equatable {
        var id: String
        var geometry: Bool
        var attributes: [String]
    }

    struct LayerChanges: Codable, Equatable {
        var added: [String] = []
        var removed: [String] = []
        var modified: [Modification] = []

        var isEmpty: Bool { added.isEmpty && removed.isEmpty && modified.isEmpty }
    }

    var previousVersion: String?
    var layers: [String: LayerChanges]

    /// True when no feature of any layer changed.
    var isEmpty: Bool { layers.values.allSatisfy(\.isEmpty) }

    /// Compares each layer's new file with the previous version's file of the same name.
    static func compare(layers: [String: String], previous: [String: String], previousVersion: String?) throws
        -> FeatureChangeLog
    {
        var result: [String: LayerChanges] = [:]
        for (layer, path) in layers {
            let new = try FeatureFingerprints.read(path)
            let old = try previous[layer].map(FeatureFingerprints.read) ?? [:]
            var changes = LayerChanges()
            changes.added = new.keys.filter { old[$0] == nil }.sorted()
            changes.removed = old.keys.filter { new[$0] == nil }.sorted()
            // Only the features whose hashes differ are read again, attribute by attribute.
            let changed = Set(new.compactMap { id, now in old[id].map { $0 == now ? nil : id } ?? nil })
            let nowDetails = try FeatureFingerprints.details(path, ids: changed)
            let beforeDetails = try previous[layer].map { try FeatureFingerprints.details($0, ids: changed) } ?? [:]
            for id in changed {
                guard let now = nowDetails[id], let before = beforeDetails[id] else { continue }
                let names = Set(now.attributes.keys).union(before.attributes.keys)
                    .filter { now.attributes[$0] != before.attributes[$0] }.sorted()
                changes.modified.append(
                    Modification(id: id, geometry: now.geometry != before.geometry, attributes: names))
            }
            changes.modified.sort { $0.id < $1.id }
            result[layer] = changes
        }
        for layer in previous.keys where layers[layer] == nil {
            var changes = LayerChanges()
            changes.removed = try FeatureFingerprints.read(previous[layer]!).keys.sorted()
            result[layer] = changes
        }
        return FeatureChangeLog(previousVersion: previousVersion, layers: result)
    }

    var json: Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(self)) ?? Data()
    }

    /// A readable changelog; long lists are cut (changes.json has them all).
    var markdown: String {
        var lines = ["# Changes", ""]
        lines.append(previousVersion.map { "Compared with version \($0)." } ?? "First version: every feature is new.")
        for layer in layers.keys.sorted() {
            let changes = layers[layer]!
            lines += [
                "", "## \(layer)", "",
                "\(changes.added.count) added, \(changes.removed.count) removed, \(changes.modified.count) modified.",
            ]
            if previousVersion == nil { continue }
            let limit = 200
            for id in changes.added.prefix(limit) { lines.append("- added `\(id)`") }
            for id in changes.removed.prefix(limit) { lines.append("- removed `\(id)`") }
            for change in changes.modified.prefix(limit) {
                var what = change.attributes.map { "`\($0)`" }
                if change.geometry { what.insert("geometry", at: 0) }
                lines.append("- modified `\(change.id)`: \(what.joined(separator: ", "))")
            }
            let listed =
                min(limit, changes.added.count) + min(limit, changes.removed.count) + min(limit, changes.modified.count)
            let total = changes.added.count + changes.removed.count + changes.modified.count
            if listed < total { lines.append("- … \(total - listed) more in changes.json") }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
