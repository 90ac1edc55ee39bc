import CityBundleModel
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Checks a `PublishRequest` before anything is written: ids, paths, files, extents and settings.
enum RequestValidator {
    /// Names the publisher writes itself at the top of a version directory.
    static let reservedNames: Set<String> = [
        "manifest.json", "manifest.json.sig", "datapackage.json", "rights.json", "provenance.json", "items",
        "WITHDRAWN.json", "WITHDRAWN.json.sig",
    ]

    /// Throws the first problem found.
    static func validate(_ request: PublishRequest) throws {
        try validateBundleID(request.bundleID)
        for (name, value) in [("title", request.title), ("description", request.description)]
        where value.trimmingSpaces.isEmpty {
            throw PublishError.invalidRequest("\(name) is empty")
        }
        if let version = request.version, BundleVersion(version) == nil {
            throw PublishError.invalidRequest(
                "version '\(version)' is not a dotted-number version such as 2026.11.25 or 2026.11.25.1")
        }
        let rights = request.rights
        for (name, value) in [
            ("rights.owner", rights.owner), ("rights.contact", rights.contact),
            ("rights.usageTerms", rights.usageTerms), ("rights.license", rights.license),
        ] where value.trimmingSpaces.isEmpty {
            throw PublishError.invalidRequest("\(name) is empty")
        }
        try validateLicense(rights.license, what: "rights.license")
        guard (0...1).contains(request.gate.maxFeatureLossShare) else {
            throw PublishError.invalidRequest("gate.maxFeatureLossShare must be between 0 and 1")
        }
        if let keep = request.retainVersions, keep < 1 {
            throw PublishError.invalidRequest("retainVersions must be at least 1 (the latest is always kept)")
        }
        guard !request.layers.isEmpty else { throw PublishError.invalidRequest("no layers") }
        var layerIDs = Set<String>()
        var paths = Set<String>()
        let archiveName = "\(request.bundleID)-"
        for layer in request.layers {
            try validateLayerID(layer.id)
            guard layerIDs.insert(layer.id).inserted else {
                throw PublishError.invalidRequest("layer id '\(layer.id)' is used twice")
            }
            guard !layer.title.trimmingSpaces.isEmpty, !layer.source.trimmingSpaces.isEmpty else {
                throw PublishError.invalidRequest("layer '\(layer.id)': title and source must not be empty")
            }
            guard layer.featureCount >= 0 else {
                throw PublishError.invalidRequest("layer '\(layer.id)': featureCount is negative")
            }
            try validateLicense(layer.license, what: "layer '\(layer.id)' license")
            try validateBoundingBox(layer.bbox, layer: layer.id)
            guard !layer.files.isEmpty else { throw PublishError.invalidRequest("layer '\(layer.id)' has no files") }
            var fieldNames = Set<String>()
            for field in layer.fields where !fieldNames.insert(field.name).inserted || field.name.isEmpty {
                throw PublishError.invalidRequest("layer '\(layer.id)': field '\(field.name)' is empty or repeated")
            }
            for file in layer.files {
                try validateRelativePath(file.path)
                let top = String(file.path.split(separator: "/").first ?? "")
                if reservedNames.contains(top) || (top.hasPrefix(archiveName) && top.hasSuffix(".tar.gz")) {
                    throw PublishError.unsafePath(file.path, reason: "the publisher writes a file of that name")
                }
                guard paths.insert(file.path).inserted else {
                    throw PublishError.invalidRequest("file '\(file.path)' belongs to more than one layer")
                }
                try validateStagedFile(file.path, in: request.stagingDirectory)
            }
        }
    }

    /// Bundle ids name folders and Frictionless packages: `[a-z0-9][a-z0-9._-]*`, at most 64 characters.
    static func validateBundleID(_ id: String) throws {
        guard
            matches(id, first: "abcdefghijklmnopqrstuvwxyz0123456789", rest: "abcdefghijklmnopqrstuvwxyz0123456789._-")
        else {
            throw PublishError.invalidRequest(
                "bundle id '\(id)' must be 1 to 64 lowercase letters, digits, '.', '_' or '-', starting with a letter or digit"
            )
        }
    }

    /// Layer ids name STAC Item files: `[a-z0-9][a-z0-9_-]*`, at most 64 characters.
    static func validateLayerID(_ id: String) throws {
        guard matches(id, first: "abcdefghijklmnopqrstuvwxyz0123456789", rest: "abcdefghijklmnopqrstuvwxyz0123456789_-")
        else {
            throw PublishError.invalidRequest(
                "layer id '\(id)' must be 1 to 64 lowercase letters, digits, '_' or '-', starting with a letter or digit"
            )
        }
    }

    /// A plain relative path: no `..`, `.`, empty or hidden components, no backslash or control characters.
    static func validateRelativePath(_ path: String) throws {
        guard !path.isEmpty, path.utf8.count <= 240 else {
            throw PublishError.unsafePath(path, reason: "empty or longer than 240 bytes")
        }
        guard !path.hasPrefix("/") else { throw PublishError.unsafePath(path, reason: "absolute path") }
        guard !path.contains("\\"), !path.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F })
        else { throw PublishError.unsafePath(path, reason: "backslash or control character") }
        for component in path.split(separator: "/", omittingEmptySubsequences: false) {
            guard !component.isEmpty, component != ".", component != "..", !component.hasPrefix(".") else {
                throw PublishError.unsafePath(path, reason: "empty, '.', '..' or hidden path component")
            }
        }
    }

    private static func validateStagedFile(_ path: String, in staging: String) throws {
        var current = staging
        let components = path.split(separator: "/").map(String.init)
        for (index, component) in components.enumerated() {
            current += "/\(component)"
            var info = stat()
            guard lstat(current, &info) == 0 else { throw PublishError.missingFile(current) }
            let type = info.st_mode & S_IFMT
            if index < components.count - 1 {
                guard type == S_IFDIR else { throw PublishError.unsafePath(path, reason: "\(current) is not a folder") }
            } else {
                guard type == S_IFREG else {
                    throw PublishError.unsafePath(
                        path, reason: "\(current) is not a regular file (symlinks are refused)")
                }
            }
        }
    }

    private static func validateLicense(_ license: String, what: String) throws {
        let allowed = license.unicodeScalars.allSatisfy {
            $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "-.+".unicodeScalars.contains($0))
        }
        guard !license.isEmpty, allowed else {
            throw PublishError.invalidRequest("\(what) '\(license)' is not an SPDX identifier such as CC-BY-4.0")
        }
    }

    private static func validateBoundingBox(_ box: BoundingBox, layer: String) throws {
        let values = box.asArray
        guard values.allSatisfy(\.isFinite), box.minX >= -180, box.maxX <= 180, box.minY >= -90, box.maxY <= 90,
            box.minX <= box.maxX, box.minY <= box.maxY
        else {
            throw PublishError.invalidRequest(
                "layer '\(layer)': bbox \(box) is not [west, south, east, north] in WGS 84 longitude/latitude")
        }
    }

    private static func matches(_ text: String, first: String, rest: String) -> Bool {
        guard let head = text.first, (1...64).contains(text.count), first.contains(head) else { return false }
        return text.dropFirst().allSatisfy { rest.contains($0) }
    }
}
