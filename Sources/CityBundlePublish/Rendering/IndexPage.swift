public import Foundation

/// The bundle's human page (`<bundle>/index.html`): versions with their state and summary, licence and owner,
/// and the newest version's files with sizes, SHA-256 and download links. Plain HTML, no JavaScript.
///
/// It is rendered only from `versions.json` and the newest version's manifest, so a verifier can render it again
/// and compare bytes.
public enum IndexPage {
    /// The page as UTF-8 bytes.
    public static func render(_ index: VersionsIndex, latestManifest: Manifest?) -> Data {
        let current = index.latestPublished
        var html = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(escape(current?.title ?? index.bundle))</title>
            <style>
            body{font-family:system-ui,sans-serif;margin:2rem;max-width:72rem}
            table{border-collapse:collapse;margin:1rem 0}
            th,td{border:1px solid #ccc;padding:.3rem .6rem;text-align:left;vertical-align:top}
            code{font-size:.85em;word-break:break-all}
            .withdrawn,.removed{color:#888}
            </style>
            </head>
            <body>

            """
        html += "<h1>\(escape(current?.title ?? index.bundle))</h1>\n"
        if let current {
            html += "<p>\(escape(current.description))</p>\n"
            html += "<h2>Rights</h2>\n<table>\n"
            html += row(["Owner", escape(current.owner)], header: false)
            html += row(["Contact", escape(current.contact)], header: false)
            html += row(
                [
                    "Licence",
                    "<a href=\"\(escape(LicenceTerms.url(spdx: current.license)))\">\(escape(current.license))</a>",
                ], header: false)
            html += row(
                [
                    "Details",
                    "<a href=\"./\(escape(current.version))/rights.json\">rights.json</a> (licence and attribution per file)",
                ], header: false)
            html += "</table>\n"
            html += "<h2>Latest version: \(escape(current.version))</h2>\n"
            html += "<p>Published \(escape(current.created)). \(escape(current.summary))</p>\n"
            html +=
                "<p>Download everything: <a href=\"./\(escape(current.archive.path))\">\(escape(name(current.archive.path)))</a> (\(size(current.archive.size)), SHA-256 <code>\(current.archive.sha256)</code>). "
            html +=
                "Signed manifest: <a href=\"./\(escape(current.manifest.path))\">manifest.json</a> (SHA-256 <code>\(current.manifest.sha256)</code>), signature <a href=\"./\(escape(current.manifest.path)).sig\">manifest.json.sig</a>; public keys in <a href=\"../keys.json\">keys.json</a>.</p>\n"
            if let latestManifest, latestManifest.version == current.version {
                html += "<table>\n" + row(["File", "Type", "Size", "SHA-256"], header: true)
                for entry in latestManifest.files {
                    html += row(
                        [
                            "<a href=\"./\(escape(current.version))/\(escape(entry.path))\">\(escape(entry.path))</a>",
                            escape(entry.mediaType), size(entry.size), "<code>\(entry.sha256)</code>",
                        ], header: false)
                }
                html += "</table>\n"
            }
        } else {
            html += "<p>No version is available.</p>\n"
        }
        html += "<h2>All versions</h2>\n<table>\n"
        html += row(["Version", "Date", "State", "What changed", "Manifest SHA-256", "Download"], header: true)
        for record in index.versions.reversed() {
            let state: String
            var download = ""
            switch record.status {
            case .published:
                state = "published"
                download =
                    "<a href=\"./\(escape(record.archive.path))\">\(escape(name(record.archive.path)))</a> (\(size(record.archive.size)))"
            case .withdrawn:
                state = "withdrawn \(escape(record.withdrawal?.date ?? "")): \(escape(record.withdrawal?.reason ?? ""))"
            case .removed:
                state = "removed \(escape(record.removed ?? "")) (retention)"
            }
            html += row(
                [
                    escape(record.version), escape(record.created), state, escape(record.summary),
                    "<code>\(record.manifest.sha256)</code>", download,
                ], header: false, cssClass: record.status == .published ? nil : record.status.rawValue)
        }
        html += "</table>\n"
        html +=
            "<p>Machine-readable: <a href=\"./versions.json\">versions.json</a>, <a href=\"./latest.json\">latest.json</a> (both signed), <a href=\"./collection.json\">STAC collection</a>.</p>\n"
        html += "</body>\n</html>\n"
        return Data(html.utf8)
    }

    /// Escapes text for HTML (see `HTMLText`).
    static func escape(_ text: String) -> String { HTMLText.escape(text) }

    private static func row(_ cells: [String], header: Bool, cssClass: String? = nil) -> String {
        let tag = header ? "th" : "td"
        let open = cssClass.map { "<tr class=\"\($0)\">" } ?? "<tr>"
        return open + cells.map { "<\(tag)>\($0)</\(tag)>" }.joined() + "</tr>\n"
    }

    private static func name(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }

    private static func size(_ bytes: Int64) -> String {
        let units = ["bytes", "KiB", "MiB", "GiB", "TiB"]
        var value = Double(bytes)
        var unit = 0
        while value >= 1024 && unit < units.count - 1 {
            value /= 1024
            unit += 1
        }
        return unit == 0 ? "\(bytes) bytes" : String(format: "%.1f", value) + " \(units[unit]) (\(bytes) bytes)"
    }
}
