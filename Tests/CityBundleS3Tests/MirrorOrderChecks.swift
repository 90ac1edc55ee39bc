import CityBundleS3
import Testing

/// Checks of the directory target's ordering rules on a sequence of uploaded paths (relative to the root).
enum MirrorOrderChecks {
    /// The rank of a path's stage: version data 0, manifest signature 1, manifest 2, tombstones 3, bundle files
    /// 4, root files 5.
    static func stage(_ path: String) -> Int {
        let parts = path.split(separator: "/")
        if parts.count == 1 { return 5 }
        if parts.count == 2 { return 4 }
        if parts.last?.hasPrefix("WITHDRAWN.json") == true { return 3 }
        if parts.count == 3 && parts[2] == "manifest.json" { return 2 }
        if parts.count == 3 && parts[2] == "manifest.json.sig" { return 1 }
        return 0
    }

    /// Records an issue for every rule `uploaded` breaks.
    static func expectValidOrder(_ uploaded: [String], sourceLocation: SourceLocation = #_sourceLocation) {
        var versionStage: [String: Int] = [:]
        var globalStage = 0
        for path in uploaded {
            let rank = stage(path)
            if rank <= 2 {
                let version = path.split(separator: "/").prefix(2).joined(separator: "/")
                if rank < versionStage[version, default: 0] {
                    Issue.record("\(path) uploaded after a later file of \(version)", sourceLocation: sourceLocation)
                }
                versionStage[version] = rank
                if globalStage > 2 {
                    Issue.record("\(path) uploaded after withdrawals or pointers", sourceLocation: sourceLocation)
                }
            } else {
                if rank < globalStage {
                    Issue.record("\(path) uploaded after a later stage", sourceLocation: sourceLocation)
                }
                globalStage = rank
            }
        }
        if let keys = uploaded.firstIndex(of: "keys.json"), let catalog = uploaded.firstIndex(of: "catalog.json"),
            keys > catalog
        {
            Issue.record("catalog.json uploaded before keys.json", sourceLocation: sourceLocation)
        }
        for bundle in Set(uploaded.filter { $0.split(separator: "/").count == 2 }.map { $0.split(separator: "/")[0] }) {
            let order = ["versions.json.sig", "versions.json", "latest.json.sig", "latest.json"]
                .compactMap { uploaded.firstIndex(of: "\(bundle)/\($0)") }
            if order != order.sorted() {
                Issue.record("\(bundle): pointers out of order", sourceLocation: sourceLocation)
            }
        }
    }
}
