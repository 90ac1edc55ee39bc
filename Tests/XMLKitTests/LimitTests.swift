import Testing
import XMLKit

/// `levels` nested `<d>` elements, one start tag per line.
private func nested(_ levels: Int) -> String {
    String(repeating: "<d>\n", count: levels) + String(repeating: "</d>", count: levels)
}

extension XMLKitTests {
    @Suite struct Limits {
        @Test func depthBeyondMaxDepthNamesLineAndElement() throws {
            let error = try #require(expectError(nested(12), name: "deep.xml", limits: XMLLimits(maxDepth: 10)))
            // The 11th <d> (depth 10) is on line 11.
            #expect(error.line == 11)
            #expect(error.element == "d")
            #expect(error.message.contains("maxDepth (10)"))
            #expect(error.description.hasPrefix("deep.xml:11: <d>: "))
        }

        @Test func depthAtMaxDepthIsAllowed() throws {
            let nodes = try readAll(
                XMLStreamReader(data: Array(nested(10).utf8), name: "ok.xml", limits: .init(maxDepth: 10)))
            #expect(nodes.filter { $0.kind == .startElement }.map(\.depth).max() == 9)
        }

        @Test func defaultDepthLimitStopsDeepNestingWithBoundedMemory() throws {
            var error: XMLError?
            let growth = peakGrowthKilobytes { error = expectError(nested(100_000), name: "deep.xml") }
            #expect(error?.line == 257)
            #expect(error?.element == "d")
            if let growth { #expect(growth < 40 * 1024) }
        }

        @Test func textNodeBeyondMaxTextBytes() throws {
            let text = "<r>\n<a>" + String(repeating: "x", count: 5_000) + "</a>\n</r>"
            let error = try #require(expectError(text, limits: XMLLimits(maxTextBytes: 1_000)))
            #expect(error.element == "a")
            #expect(error.line == 2)
            #expect(error.message.contains("maxTextBytes"))
        }

        @Test func readTextIsBoundedAcrossTextNodes() throws {
            // Three 600-byte text nodes: each passes the node check, together they exceed the limit.
            let chunk = String(repeating: "1 ", count: 300)
            let text =
                "<r>\n<gml:posList xmlns:gml=\"urn:g\">\(chunk)<!--c-->\(chunk)<!--c-->\(chunk)</gml:posList></r>"
            let reader = try XMLStreamReader(
                data: Array(text.utf8), name: "pos.xml", limits: XMLLimits(maxTextBytes: 1_000))
            _ = try reader.next()
            let posList = try #require(try reader.next())
            #expect(posList.qualifiedName == "gml:posList")
            #expect {
                _ = try reader.readText()
            } throws: { error in
                let error = error as? XMLError
                return error?.element == "gml:posList" && error?.line == 2
                    && error?.message.contains("maxTextBytes") == true
            }
        }

        @Test func libxml2CapsATextNodeAtTenMegabytesWithoutHuge() {
            let text = "<a>\n" + String(repeating: "x", count: 11_000_000) + "</a>"
            let error = expectError(text, name: "big.xml")
            #expect(error?.message.contains("huge text node") == true)
        }

        @Test func attributesBeyondMaxAttributeBytes() throws {
            let text = "<r>\n<e a=\"" + String(repeating: "v", count: 200) + "\"/></r>"
            let error = try #require(expectError(text, limits: XMLLimits(maxAttributeBytes: 100)))
            #expect(error.element == "e")
            #expect(error.line == 2)
            #expect(error.message.contains("maxAttributeBytes"))
        }

        @Test func nodesBeyondMaxNodes() throws {
            let text = "<r><a/><a/><a/><a/><a/></r>"
            let error = try #require(expectError(text, limits: XMLLimits(maxNodes: 5)))
            #expect(error.message.contains("maxNodes (5)"))
            let nodes = try readAll(XMLStreamReader(data: Array(text.utf8), name: "n.xml", limits: .init(maxNodes: 7)))
            #expect(nodes.count == 7)
        }

        @Test func skippedSubtreesAreCheckedToo() throws {
            let text = "<r><skip>" + nested(20) + "</skip></r>"
            let reader = try XMLStreamReader(data: Array(text.utf8), name: "skip.xml", limits: XMLLimits(maxDepth: 10))
            _ = try reader.next()
            _ = try reader.next()
            #expect(throws: XMLError.self) { try reader.skipSubtree() }
        }
    }
}
