import CityBundlePublish
import CityBundleTesting
import Foundation
import Testing

/// The catalog page at `/`, rendered by headless Chromium when it is installed (else read with curl).
@Suite("Catalog page")
struct CatalogPageTests {
    let tree: WuhanTree

    init() throws {
        tree = try WuhanTree()
    }

    static let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first {
        FileManager.default.isExecutableFile(atPath: $0)
    }

    /// The DOM after Chromium rendered `url` (nil without Chromium).
    private func renderedDOM(_ url: String, screenshot: String) async throws -> String? {
        guard let chromium = Self.chromium else { return nil }
        let flags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run"]
        let shot = try await Tools.run(
            chromium, flags + ["--window-size=1280,1600", "--screenshot=\(screenshot)", url])
        #expect(shot.status == 0, "\(shot.stderr)")
        #expect(FileManager.default.fileExists(atPath: screenshot))
        let dom = try await Tools.run(chromium, flags + ["--dump-dom", url])
        #expect(dom.status == 0, "\(dom.stderr)")
        return dom.stdout
    }

    @Test("Bundles, versions, licence and rights, sizes, checksums and download links; no JavaScript")
    func page() async throws {
        try tree.publish(version: "2026.11.26")
        try await TestServer.with(root: tree.root) { server in
            let raw = try await Tools.curl(server.url("/"))
            #expect(raw.status == 200)
            #expect(raw.header("content-type") == "text/html; charset=utf-8")
            #expect(!raw.text.lowercased().contains("<script"))
            let dom = try await renderedDOM(server.url("/"), screenshot: "\(tree.base)/catalog.png") ?? raw.text
            let manifest = try JSONDecoder().decode(
                Manifest.self,
                from: Data(contentsOf: URL(fileURLWithPath: "\(tree.versionDirectory("2026.11.26"))/manifest.json")))
            #expect(dom.contains("Wuhan open city data"))
            #expect(dom.contains("https://opendatacommons.org/licenses/odbl/"))
            #expect(dom.contains("Wuhan Municipal Data Bureau (test)"))
            #expect(dom.contains("/wuhan/2026.11.26/rights.json"))
            #expect(dom.contains("2026.11.25") && dom.contains("2026.11.26"))
            for file in manifest.files {
                #expect(dom.contains("href=\"/wuhan/2026.11.26/\(file.path)\""), "\(file.path)")
                #expect(dom.contains(file.sha256), "\(file.path)")
            }
            #expect(dom.contains("href=\"/wuhan/2026.11.25/wuhan-2026.11.25.tar.gz\""))
            // Every download link of the page answers.
            let links = Self.hrefs(in: dom).filter { $0.hasPrefix("/wuhan/") }
            #expect(links.count >= manifest.files.count)
            for link in links {
                let head = try await Tools.curl(server.url(link), ["-I"])
                #expect(head.status == 200, "\(link)")
            }
        }
    }

    @Test("?f=json gives the catalog as JSON, and the bundle page is the published index.html")
    func json() async throws {
        try await TestServer.with(root: tree.root) { server in
            let catalog = try await Tools.json(server.url("/?f=json"))
            let bundles = try #require(catalog["bundles"] as? [[String: Any]])
            #expect(bundles.first?["id"] as? String == "wuhan")
            #expect(bundles.first?["license"] as? String == "ODbL-1.0")
            let files = try #require(bundles.first?["files"] as? [[String: Any]])
            let scenic = try #require(files.first { $0["path"] as? String == "scenic_sites.geojson" })
            #expect((scenic["href"] as? String) == server.url("/wuhan/2026.11.25/scenic_sites.geojson"))
            let page = try await Tools.curl(server.url("/wuhan/"))
            #expect(page.body == FileManager.default.contents(atPath: "\(tree.root)/wuhan/index.html"))
        }
    }

    /// The `href` values of a page.
    static func hrefs(in html: String) -> [String] {
        var result: [String] = []
        var rest = html[...]
        while let start = rest.range(of: "href=\"") {
            rest = rest[start.upperBound...]
            guard let end = rest.firstIndex(of: "\"") else { break }
            result.append(String(rest[..<end]).replacingOccurrences(of: "&amp;", with: "&"))
            rest = rest[end...]
        }
        return result
    }
}
