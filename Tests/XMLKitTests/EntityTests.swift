internal import CLibXML2
import Testing

@testable import XMLKit

/// A hostile document and the name it is reported under.
struct HostileDocument: Sendable, CustomTestStringConvertible {
    var name: String
    var text: String
    var testDescription: String { name }
}

/// Documents that try to make libxml2 read /etc/passwd (or fetch a URL) through an entity.
let externalEntityDocuments: [HostileDocument] = [
    HostileDocument(
        name: "external general entity in content",
        text: #"<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><x>&xxe;</x>"#),
    HostileDocument(
        name: "external entity, multi-line prolog",
        text: """
            <?xml version="1.0" encoding="UTF-8"?>
            <!DOCTYPE x [
              <!ENTITY xxe SYSTEM "file:///etc/passwd">
            ]>
            <x><y>&xxe;</y></x>
            """),
    HostileDocument(
        name: "external entity over the network",
        text: #"<!DOCTYPE x [<!ENTITY xxe SYSTEM "http://127.0.0.1:9/secret">]><x>&xxe;</x>"#),
    HostileDocument(
        name: "external DTD subset declaring the entity",
        text: #"<!DOCTYPE x SYSTEM "file:///etc/passwd"><x>&xxe;</x>"#),
    HostileDocument(
        name: "external parameter entity",
        text: #"<!DOCTYPE x [<!ENTITY % p SYSTEM "file:///etc/passwd"> %p;]><x/>"#),
    HostileDocument(
        name: "external entity in an attribute value",
        text: #"<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x a="&e;"/>"#),
    HostileDocument(
        name: "internal entity",
        text: #"<!DOCTYPE x [<!ENTITY e "expanded">]><x>&e;</x>"#),
]

/// The first line of /etc/passwd, which must never show up in any output.
private let passwdFirstLine: String = {
    let text = readFileText("/etc/passwd") ?? ""
    return text.split(separator: "\n").first.map(String.init) ?? "root:x:0:0:"
}()

/// Everything a caller can see from reading `reader` to the end: the text of every node, every
/// attribute named `a`, and the error.
private func drain(_ reader: XMLStreamReader) -> (output: String, error: XMLError?) {
    var output = ""
    do {
        while let node = try reader.next() {
            output += node.qualifiedName + " " + node.localName + " "
            if [.text, .cdata, .whitespace].contains(node.kind) { output += try reader.readText() }
            if node.kind == .startElement { output += reader.attribute("a") ?? "" }
        }
        return (output, nil)
    } catch {
        return (output, error)
    }
}

private func expectNothingLeaked(
    _ output: String, _ error: XMLError?, sourceLocation: SourceLocation = #_sourceLocation
) {
    for secret in [passwdFirstLine, "root:", "/bin/bash", "nologin"] {
        #expect(!output.contains(secret), sourceLocation: sourceLocation)
        #expect(!(error?.description.contains(secret) ?? false), sourceLocation: sourceLocation)
    }
}

extension XMLKitTests {
    @Suite struct Entities {
        @Test func parserOptionsExcludeUnsafeFlags() {
            let options = UInt32(bitPattern: readerParserOptions)
            // Spelled out here rather than taken from XMLKit, so the test does not trust the code it checks.
            let forbidden: [xmlParserOption] = [
                XML_PARSE_NOENT, XML_PARSE_DTDLOAD, XML_PARSE_DTDATTR, XML_PARSE_DTDVALID, XML_PARSE_HUGE,
                XML_PARSE_XINCLUDE,
            ]
            for flag in forbidden {
                #expect(options & flag.rawValue == 0, "option \(flag.rawValue) must not be set")
            }
            #expect(options & XML_PARSE_NONET.rawValue != 0)
            #expect(options & XML_PARSE_NOBLANKS.rawValue != 0)
        }

        @Test func denyAllLoaderIsInstalledAndReadsNothing() throws {
            _ = try XMLStreamReader(data: Array("<x/>".utf8), name: "install.xml")
            let installed = try #require(xmlGetExternalEntityLoader())
            #expect(
                unsafeBitCast(installed, to: UnsafeRawPointer.self)
                    == unsafeBitCast(ExternalEntityGuard.denyAll, to: UnsafeRawPointer.self))
            // Ask the process's loader directly, as libxml2 would: it must refuse and count the attempt.
            let before = XMLStreamReader.refusedExternalLoads
            #expect(installed("file:///etc/passwd", nil, nil) == nil)
            #expect(XMLStreamReader.refusedExternalLoads == before + 1)
        }

        @Test func loaderIsReinstalledIfReplaced() throws {
            xmlSetExternalEntityLoader(xmlNoNetExternalEntityLoader)
            _ = try XMLStreamReader(data: Array("<x/>".utf8), name: "reinstall.xml")
            let installed = try #require(xmlGetExternalEntityLoader())
            #expect(
                unsafeBitCast(installed, to: UnsafeRawPointer.self)
                    == unsafeBitCast(ExternalEntityGuard.denyAll, to: UnsafeRawPointer.self))
        }

        @Test(arguments: externalEntityDocuments)
        func entityDocumentIsRefused(_ document: HostileDocument) throws {
            let before = XMLStreamReader.refusedExternalLoads
            let (output, error) = drain(try XMLStreamReader(data: Array(document.text.utf8), name: "hostile.xml"))
            let refusal = try #require(error, "the document must be refused, not parsed with the entity left out")
            #expect(refusal.file == "hostile.xml")
            #expect(refusal.line != nil)
            expectNothingLeaked(output, refusal)
            // libxml2 never even asked for the file: the options keep it from loading anything.
            #expect(XMLStreamReader.refusedExternalLoads == before)
        }

        @Test func briefXXECaseIsRefusedFromAFileToo() throws {
            let directory = makeTemporaryDirectory()
            defer { removeTemporaryDirectory(directory, files: ["xxe.xml"]) }
            let path = directory + "/xxe.xml"
            writeFile(path, Array(#"<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><x>&xxe;</x>"#.utf8))
            let before = XMLStreamReader.refusedExternalLoads
            let (output, error) = drain(try XMLStreamReader(path: path))
            let refusal = try #require(error)
            #expect(refusal.file == path)
            #expect(refusal.line == 1)
            #expect(refusal.message.contains("DOCTYPE declares entities"))
            expectNothingLeaked(output, refusal)
            #expect(XMLStreamReader.refusedExternalLoads == before)
        }

        @Test func xincludeIsNotProcessed() throws {
            let text = """
                <x xmlns:xi="http://www.w3.org/2001/XInclude"><xi:include href="file:///etc/passwd" parse="text"/></x>
                """
            let (output, error) = drain(try XMLStreamReader(data: Array(text.utf8), name: "xinclude.xml"))
            #expect(error == nil)
            #expect(output.contains("xi:include"))
            expectNothingLeaked(output, error)
        }

        @Test func doctypeWithoutEntitiesIsAllowed() throws {
            let nodes = try readAll(XMLStreamReader(data: Array("<!DOCTYPE x>\n<x/>".utf8), name: "doctype.xml"))
            #expect(nodes.map(\.kind) == [.documentType, .startElement])
        }

        @Test func predefinedAndCharacterReferencesAreFine() throws {
            let reader = try XMLStreamReader(data: Array("<x>a &amp; &lt;&#65;&#x42;</x>".utf8), name: "refs.xml")
            _ = try reader.next()
            #expect(try reader.readText() == "a & <AB")
        }

        @Test func undeclaredEntityIsAnError() {
            let error = expectError("<x>\n&nope;</x>")
            #expect(error?.line == 2)
            #expect(error?.message.contains("nope") == true)
        }
    }
}
