import CityBundlePublish
import Foundation

/// The catalog at `/`: every bundle with its licence and rights, versions, sizes, checksums and download links.
/// Plain HTML, no JavaScript; `?f=json` gives the same as JSON.
enum CatalogPage {
    /// One bundle as the page shows it.
    struct Entry: Sendable {
        var id: String
        var versions: VersionsIndex
        var latest: VersionRecord?
        var manifest: Manifest?
    }

    /// The entries of every bundle in `tree`.
    static func entries(_ tree: PublishedTree) -> [Entry] {
        tree.bundleIDs().compactMap { id in
            guard let versions = tree.versions(id) else { return nil }
            let latest = tree.latestRecord(id)
            return Entry(
                id: id, versions: versions, latest: latest, manifest: latest.flatMap { tree.manifest(id, $0.version) })
        }
    }

    /// The page.
    static func html(_ entries: [Entry]) -> String {
        var html = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>CityBundle open data</title>
            <style>
            body{font-family:system-ui,sans-serif;margin:2rem;max-width:80rem}
            table{border-collapse:collapse;margin:1rem 0}
            th,td{border:1px solid #ccc;padding:.3rem .6rem;text-align:left;vertical-align:top}
            code{font-size:.85em;word-break:break-all}
            .withdrawn,.removed{color:#888}
            </style>
            </head>
            <body>
            <h1>CityBundle open data</h1>
            <p>Every version is signed: check downloads with <code>citybundle fetch</code> or \
            <code>citybundle verify</code> and the publisher's key (<a href="/keys.json">keys.json</a>). \
            Machine-readable: <a href="/?f=json">this catalog as JSON</a>, <a href="/stac">STAC API</a>, \
            <a href="/features">OGC API - Features</a>, <a href="/catalog.json">static STAC catalog</a>.</p>

            """
        if entries.isEmpty { html += "<p>No bundle is published yet.</p>\n" }
        for entry in entries { html += section(entry) }
        return html + "</body>\n</html>\n"
    }

    private static func section(_ entry: Entry) -> String {
        let id = escape(entry.id)
        var html = "<section id=\"\(id)\">\n"
        guard let latest = entry.latest else {
            return html + "<h2>\(id)</h2>\n<p>No version is published.</p>\n</section>\n"
        }
        html += "<h2><a href=\"/\(id)/\">\(escape(latest.title))</a></h2>\n<p>\(escape(latest.description))</p>\n"
        html += "<table>\n"
        html += row(["Bundle", "<code>\(id)</code>"])
        html += row([
            "Licence",
            "<a href=\"\(escape(LicenceTerms.url(spdx: latest.license)))\">\(escape(latest.license))</a>",
        ])
        html += row(["Rights holder", escape(latest.owner)])
        html += row(["Contact", escape(latest.contact)])
        html += row([
            "Rights and attribution",
            "<a href=\"/\(id)/\(escape(latest.version))/rights.json\">rights.json</a> (licence and attribution per file)",
        ])
        html += row([
            "Latest version",
            "<a href=\"/\(id)/\(escape(latest.version))/manifest.json\">\(escape(latest.version))</a>",
        ])
        html += row(["APIs", "<a href=\"/stac/collections/\(id)\">STAC collection</a>"])
        html += "</table>\n"
        html += "<h3>Layers of \(escape(latest.version))</h3>\n<table>\n"
        html += row(["Layer", "Kind", "Features", "Licence", "Attribution", "API"], header: true)
        for layer in latest.layers {
            html += row([
                escape(layer.title), escape(layer.kind), String(layer.featureCount), escape(layer.license),
                escape(layer.attribution),
                "<a href=\"/features/collections/\(id).\(escape(layer.id))/items\">features</a>",
            ])
        }
        html += "</table>\n"
        if let manifest = entry.manifest {
            html += "<h3>Files of \(escape(latest.version))</h3>\n<table>\n"
            html += row(["File", "Type", "Size", "SHA-256"], header: true)
            for file in manifest.files {
                html += row([
                    "<a href=\"/\(id)/\(escape(latest.version))/\(escape(file.path))\" download>\(escape(file.path))</a>",
                    escape(file.mediaType), size(file.size), "<code>\(file.sha256)</code>",
                ])
            }
            html += "</table>\n"
        }
        html += "<h3>Versions</h3>\n<table>\n"
        html += row(["Version", "State", "Created", "Data", "Archive (SHA-256)", "What changed"], header: true)
        for record in entry.versions.versions.reversed() {
            let published = record.status == .published
            let archive =
                published
                ? "<a href=\"/\(id)/\(escape(record.archive.path))\" download>\(escape(name(record.archive.path)))</a> "
                    + "(\(size(record.archive.size)))<br><code>\(record.archive.sha256)</code>"
                : "—"
            var state = record.status.rawValue
            if let withdrawal = record.withdrawal { state += ": \(withdrawal.reason)" }
            html += row(
                [
                    escape(record.version), escape(state), escape(record.created), size(record.dataBytes), archive,
                    escape(record.summary),
                ], rowClass: published ? nil : record.status.rawValue)
        }
        return html + "</table>\n</section>\n"
    }

    private static func row(_ cells: [String], header: Bool = false, rowClass: String? = nil) -> String {
        let tag = header ? "th" : "td"
        let open = rowClass.map { "<tr class=\"\($0)\">" } ?? "<tr>"
        return open + cells.map { "<\(tag)>\($0)</\(tag)>" }.joined() + "</tr>\n"
    }

    /// Escapes text for HTML (see `HTMLText`).
    static func escape(_ text: String) -> String { HTMLText.escape(text) }

    /// A size a person reads (`1.2 MB`), with the exact byte count.
    static func size(_ bytes: Int64) -> String {
        let units = ["B", "KB", "MB", "GB", "TB"]
        var value = Double(bytes)
        var unit = 0
        while value >= 1000, unit < units.count - 1 {
            value /= 1000
            unit += 1
        }
        let shown = unit == 0 ? "\(bytes) B" : String(format: "%.1f %@", value, units[unit])
        return "<span title=\"\(bytes) bytes\">\(shown)</span>"
    }

    private static func name(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }
}
