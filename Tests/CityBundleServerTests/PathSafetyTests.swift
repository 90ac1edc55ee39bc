import CityBundleTesting
import Foundation
import Testing

/// Requests that try to leave the published tree, list folders or reach hidden files.
@Suite("Path safety")
struct PathSafetyTests {
    let tree: WuhanTree

    init() throws {
        tree = try WuhanTree()
    }

    @Test("Traversal with .., encoded dots and encoded slashes is refused")
    func traversal() async throws {
        try await TestServer.with(root: tree.root) { server in
            let attempts = [
                "/%2e%2e/%2e%2e/etc/passwd", "/../../etc/passwd", "/wuhan/../../../etc/passwd",
                "/%2E%2E/%2E%2E/etc/passwd",
                "/wuhan/%2e%2e/%2e%2e/etc/passwd", "/..%2f..%2fetc/passwd", "/wuhan%2f..%2f..%2fetc%2fpasswd",
                "/wuhan/..%5c..%5cetc/passwd", "//etc/passwd", "/wuhan/.%2e/keys.json", "/%00/etc/passwd",
            ]
            for path in attempts {
                let response = try await Tools.curl(server.url("") + path, ["--path-as-is"])
                #expect([400, 403, 404].contains(response.status), "\(path) gave \(response.status)")
                #expect(!response.text.contains("root:x:0:0"), "\(path)")
            }
        }
    }

    @Test("A symlink inside the tree that leads outside is refused; one inside is followed")
    func symlinks() async throws {
        let outside = "\(tree.base)/outside"
        try FileManager.default.createDirectory(atPath: outside, withIntermediateDirectories: true)
        try Data("secret\n".utf8).write(to: URL(fileURLWithPath: "\(outside)/secret.txt"))
        try FileManager.default.createSymbolicLink(atPath: "\(tree.root)/escape", withDestinationPath: outside)
        try FileManager.default.createSymbolicLink(atPath: "\(tree.root)/passwd", withDestinationPath: "/etc/passwd")
        try FileManager.default.createSymbolicLink(
            atPath: "\(tree.root)/keys-link.json", withDestinationPath: "\(tree.root)/keys.json")
        try await TestServer.with(root: tree.root) { server in
            for path in ["/escape/secret.txt", "/passwd", "/escape/"] {
                let response = try await Tools.curl(server.url(path))
                #expect([403, 404].contains(response.status), "\(path) gave \(response.status)")
                #expect(!response.text.contains("secret") && !response.text.contains("root:x"))
            }
            let inside = try await Tools.curl(server.url("/keys-link.json"))
            #expect(inside.status == 200)
        }
    }

    @Test("Folders are never listed; hidden names are not served")
    func noListings() async throws {
        let hidden = "\(tree.root)/wuhan/.staging-leftover"
        try FileManager.default.createDirectory(atPath: hidden, withIntermediateDirectories: true)
        try Data("x".utf8).write(to: URL(fileURLWithPath: "\(hidden)/file.txt"))
        try await TestServer.with(root: tree.root) { server in
            let version = try await Tools.curl(server.url("/wuhan/\(WuhanTree.firstVersion)/"))
            #expect(version.status == 404)
            let items = try await Tools.curl(server.url("/wuhan/\(WuhanTree.firstVersion)/items/"))
            #expect(items.status == 404)
            let staging = try await Tools.curl(server.url("/wuhan/.staging-leftover/file.txt"))
            #expect(staging.status == 404)
            // A folder with index.html: the page, and a redirect to add the slash.
            let page = try await Tools.curl(server.url("/wuhan/"))
            #expect(page.status == 200)
            let redirect = try await Tools.curl(server.url("/wuhan"))
            #expect(redirect.status == 301)
            #expect(redirect.header("location") == "/wuhan/")
        }
    }
}
