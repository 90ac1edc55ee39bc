import Testing
import XMLKit

/// Malformed documents, each with the line libxml2 reports.
private let malformedDocuments: [(name: String, bytes: [UInt8], line: Int, message: String)] = [
    (
        "mismatched tag", Array("<root>\n<a>\n<b>\n</a>\n</root>\n".utf8), 4,
        "Opening and ending tag mismatch: b line 3 and a"
    ),
    ("unclosed start tag", Array("<root>\n  <a>one</a>\n  <a".utf8), 3, "Couldn't find end of Start Tag a"),
    (
        "invalid UTF-8", Array("<root>\n<a>ok</a>\n<b>".utf8) + [0xC3, 0x28] + Array("</b>\n</root>".utf8), 3,
        "Input is not proper UTF-8"
    ),
    (
        "undecodable EUC-JP",
        Array("<?xml version=\"1.0\" encoding=\"EUC-JP\"?>\n<root>\n<a>".utf8) + [0xFF, 0xFF, 0x8E]
            + Array("</a>\n</root>".utf8), 3, "input conversion failed"
    ),
    (
        // Without XMLKit's generic-error forwarding libxml2 also prints "xmlParseChunk: encoder error".
        "undecodable byte after the root element",
        Array("<?xml version=\"1.0\" encoding=\"EUC-JP\"?>\n<r></r>".utf8) + [0xFF], 2,
        "input conversion failed"
    ),
    (
        "unknown encoding", Array("<?xml version=\"1.0\" encoding=\"NOPE-42\"?>\n<root/>".utf8), 1,
        "Unsupported encoding NOPE-42"
    ),
    ("undeclared prefix", Array("<root>\n<a:x/>\n</root>".utf8), 2, "Namespace prefix a on x is not defined"),
    ("empty document", [], 1, "Extra content at the end of the document"),  // libxml2 2.9.14's wording
]

extension XMLKitTests {
    @Suite struct Malformed {
        @Test func malformedDocumentsReportLibxml2Line() throws {
            for document in malformedDocuments {
                let error = try #require(expectError(document.bytes, name: "bad.xml"), "\(document.name)")
                #expect(error.file == "bad.xml", "\(document.name)")
                #expect(error.line == document.line, "\(document.name)")
                #expect(error.message.contains(document.message), "\(document.name): \(error)")
                #expect(error.description.hasPrefix("bad.xml:\(document.line): "), "\(document.name)")
            }
        }

        @Test func truncatedFileNamesFileAndLine() throws {
            let directory = makeTemporaryDirectory()
            defer { removeTemporaryDirectory(directory, files: ["truncated.gml"]) }
            let path = directory + "/truncated.gml"
            let full = try #require(readFileBytes(citygmlFixtures + "/citygml4j_LOD2_Building_v100.gml"))
            // Cut the document in the middle of line 21 (the first gml:posList).
            var lineCount = 1
            let cut = try #require(
                full.indices.first { index in
                    if full[index] == UInt8(ascii: "\n") { lineCount += 1 }
                    return lineCount == 21 && full[index] == UInt8(ascii: ">")
                })
            writeFile(path, Array(full[...cut]) + Array("0.0 0.0".utf8))
            let reader = try XMLStreamReader(path: path)
            var error: XMLError?
            var buildings = 0
            do {
                while let node = try reader.next() {
                    if node.kind == .startElement && node.localName == "Building" { buildings += 1 }
                }
            } catch let thrown {
                error = thrown
            }
            let failure = try #require(error)
            #expect(buildings == 1)  // the nodes before the cut were read
            #expect(failure.file == path)
            #expect(failure.line == 21)
            #expect(failure.description.hasPrefix(path + ":21: "))
        }

        @Test func errorIsSticky() throws {
            let reader = try XMLStreamReader(data: Array("<a>\n<b></a>".utf8), name: "sticky.xml")
            var first: XMLError?
            do { while try reader.next() != nil {} } catch { first = error }
            let error = try #require(first)
            #expect(throws: error) { _ = try reader.next() }
            #expect(throws: error) { _ = try reader.readText() }
            #expect(throws: error) { try reader.skipSubtree() }
        }

        @Test func warningsDoNotFail() throws {
            // libxml2 warns that "relative" is not an absolute URI; that is not an error.
            let nodes = try readAll(XMLStreamReader(data: Array("<x xmlns=\"relative\"/>".utf8), name: "w.xml"))
            #expect(nodes.count == 1)
        }

        @Test func libxml2NeverWritesToStandardError() throws {
            let directory = makeTemporaryDirectory()
            defer { removeTemporaryDirectory(directory, files: []) }
            let captured = capturingStandardError(in: directory) {
                for document in malformedDocuments {
                    _ = try? readAll(XMLStreamReader(data: document.bytes, name: "e.xml"))
                }
                for document in externalEntityDocuments {
                    _ = try? readAll(XMLStreamReader(data: Array(document.text.utf8), name: "e.xml"))
                }
                _ = try? readAll(XMLStreamReader(data: Array("<x xmlns=\"relative\"/>".utf8), name: "w.xml"))
                _ = try? XMLStreamReader(path: "/nonexistent-xmlkit-dir/x.xml")
            }
            // Other test targets share this process (and may run meanwhile), so look for libxml2's own
            // output rather than demanding silence: its default handlers print "<file>:<line>: parser
            // error : ...", "encoding error : ..." or bare messages such as "xmlParseChunk: encoder error".
            let libxml2Output = [
                "e.xml", "w.xml", "parser error", "namespace error", "encoding error", "I/O error", "warning :",
                "xmlParseChunk", "input conversion failed", "mismatch", "Entity", "Extra content",
            ]
            for marker in libxml2Output {
                #expect(!captured.contains(marker), "libxml2 wrote to stderr: \(captured)")
            }
        }
    }
}
