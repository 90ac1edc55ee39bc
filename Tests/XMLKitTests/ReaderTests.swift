import Testing
import XMLKit

private func reader(_ text: String, limits: XMLLimits = .init()) throws -> XMLStreamReader {
    try XMLStreamReader(data: Array(text.utf8), name: "api.xml", limits: limits)
}

extension XMLKitTests {
    @Suite struct Reader {
        @Test func nodeKindsNamesAndNamespaces() throws {
            let text = """
                <r xmlns="urn:default" xmlns:p="urn:p">
                <!-- note --><?target data?><p:a/><![CDATA[<raw>]]>t</r>
                """
            let nodes = try readAll(reader(text))
            #expect(
                nodes.map(\.kind) == [
                    .startElement, .comment, .processingInstruction, .startElement, .cdata, .text, .endElement,
                ])
            #expect(nodes[0].localName == "r" && nodes[0].namespaceURI == "urn:default" && nodes[0].depth == 0)
            #expect(nodes[2].localName == "target")
            #expect(nodes[3].qualifiedName == "p:a" && nodes[3].localName == "a" && nodes[3].namespaceURI == "urn:p")
            #expect(nodes[3].isEmptyElement && nodes[3].depth == 1 && nodes[3].line == 2)
            #expect(nodes[5].qualifiedName == "#text" && nodes[5].namespaceURI == nil)
            #expect(nodes[6].qualifiedName == "r" && !nodes[6].isEmptyElement)
        }

        @Test func ignorableWhitespaceIsDropped() throws {
            let nodes = try readAll(reader("<r>\n  <a/>\n  <b/>\n</r>"))
            #expect(nodes.map(\.qualifiedName) == ["r", "a", "b", "r"])
        }

        @Test func attributesByQualifiedAndNamespacedName() throws {
            let xml = try reader(#"<r xmlns:gml="http://www.opengis.net/gml" gml:id="R1" plain="p"><c/></r>"#)
            _ = try xml.next()
            #expect(xml.attribute("gml:id") == "R1")
            #expect(xml.attribute(local: "id", namespace: "http://www.opengis.net/gml") == "R1")
            #expect(xml.attribute("plain") == "p")
            #expect(xml.attribute("missing") == nil)
            #expect(xml.attribute(local: "id", namespace: "urn:other") == nil)
            // Reading attributes does not move the reader.
            #expect(try xml.next()?.qualifiedName == "c")
            #expect(xml.attribute("gml:id") == nil)  // not on <c>
            #expect(try xml.next()?.kind == .endElement)
            #expect(xml.attribute("plain") == nil)  // end elements have no attributes
        }

        @Test func readTextJoinsContentAndConsumesTheEndTag() throws {
            let xml = try reader("<r><p>1 <b>2</b> <![CDATA[3]]><!-- no -->4</p><next/></r>")
            _ = try xml.next()
            #expect(try xml.next()?.qualifiedName == "p")
            #expect(try xml.readText() == "1 2 34")
            let after = try #require(try xml.next())
            #expect(after.qualifiedName == "next")
        }

        @Test func readTextOnEmptyElementAndTextNode() throws {
            let xml = try reader("<r><e/>text</r>")
            _ = try xml.next()
            #expect(try xml.next()?.isEmptyElement == true)
            #expect(try xml.readText() == "")
            #expect(try xml.next()?.kind == .text)
            #expect(try xml.readText() == "text")
            #expect(try xml.next()?.kind == .endElement)
            #expect(throws: XMLError.self) { _ = try xml.readText() }  // not on an element or text
            #expect(try xml.next() == nil)
            #expect(try xml.next() == nil)
        }

        @Test func skipSubtreeContinuesAfterTheElement() throws {
            let xml = try reader("<r><skip a=\"1\"><x><y/>text</x></skip><keep/></r>")
            _ = try xml.next()
            #expect(try xml.next()?.qualifiedName == "skip")
            try xml.skipSubtree()
            #expect(try xml.next()?.qualifiedName == "keep")
            try xml.skipSubtree()  // empty element: nothing to skip
            let end = try #require(try xml.next())
            #expect(end.kind == .endElement && end.qualifiedName == "r")
            #expect(try xml.next() == nil)
        }

        @Test func linesAndDepth() throws {
            let xml = try reader("<r\n  a=\"1\">\n  <c>\n    <d/>\n  </c>\n</r>")
            let root = try #require(try xml.next())
            #expect(root.line == 2)  // libxml2 records the line where the start tag ends
            let c = try #require(try xml.next())
            #expect(c.line == 3 && c.depth == 1 && xml.depth == 1)
            let d = try #require(try xml.next())
            #expect(d.line == 4 && d.depth == 2)
            #expect(xml.line >= d.line)  // the parser may be ahead of the node
        }

        @Test func errorDescriptionFormat() {
            #expect(
                XMLError(file: "a.gml", line: 3, element: "gml:posList", message: "m").description
                    == "a.gml:3: <gml:posList>: m")
            #expect(XMLError(file: "a.gml", line: 3, message: "m").description == "a.gml:3: m")
            #expect(XMLError(file: "a.gml", message: "m").description == "a.gml: m")
        }
    }
}
