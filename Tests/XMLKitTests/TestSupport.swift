import Testing
import XMLKit

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

// Foundation is not imported in this test module: it also imports CLibXML2, and Debian's libxml2
// headers pull in ICU headers that clash with Foundation's copy of ICU.

/// All XMLKit tests run one at a time: the memory tests read the process's peak RSS, the stderr test
/// redirects file descriptor 2, and the entity-loader tests compare a process-wide counter.
@Suite(.serialized) struct XMLKitTests {}

/// Fixtures shared with the rest of CityBundle (read-only).
/// `$CB_SHARED/fixtures/citygml`, or `../shared/fixtures/citygml` beside the package.
let citygmlFixtures: String = {
    if let shared = getenv("CB_SHARED"), shared.pointee != 0 {
        return String(cString: shared) + "/fixtures/citygml"
    }
    // #filePath is <package>/Tests/XMLKitTests/TestSupport.swift.
    var path = #filePath
    for _ in 0..<3 { path = String(path[..<path.lastIndex(of: "/")!]) }
    return path + "/../shared/fixtures/citygml"
}()

/// Reads every node, returning them; rethrows the first XMLError.
func readAll(_ reader: XMLStreamReader) throws(XMLError) -> [XMLNode] {
    var nodes: [XMLNode] = []
    while let node = try reader.next() { nodes.append(node) }
    return nodes
}

/// Parses `text` from memory to the end and returns the error it must raise.
func expectError(
    _ text: String, name: String = "test.xml", limits: XMLLimits = .init(),
    sourceLocation: SourceLocation = #_sourceLocation
) -> XMLError? {
    expectError(Array(text.utf8), name: name, limits: limits, sourceLocation: sourceLocation)
}

/// Parses `bytes` from memory to the end and returns the error it must raise.
func expectError(
    _ bytes: [UInt8], name: String = "test.xml", limits: XMLLimits = .init(),
    sourceLocation: SourceLocation = #_sourceLocation
) -> XMLError? {
    do {
        let reader = try XMLStreamReader(data: bytes, name: name, limits: limits)
        let nodes = try readAll(reader)
        Issue.record("expected an XMLError, read \(nodes.count) nodes", sourceLocation: sourceLocation)
        return nil
    } catch {
        return error
    }
}

/// A fresh temporary directory, removed (with its files) by `removeTemporaryDirectory`.
func makeTemporaryDirectory() -> String {
    var template = Array("/tmp/xmlkit-test-XXXXXX".utf8CString)
    let made = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
    precondition(made != nil, "mkdtemp failed")
    return template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
}

func removeTemporaryDirectory(_ path: String, files: [String]) {
    for file in files { unlink(path + "/" + file) }
    rmdir(path)
}

/// Writes a file through a small buffer, so a large generated document never sits in memory.
final class FileWriter {
    private let file: UnsafeMutablePointer<FILE>
    private(set) var bytesWritten = 0

    init(path: String) {
        guard let file = fopen(path, "wb") else { preconditionFailure("cannot create \(path)") }
        self.file = file
    }

    func write(_ text: String) {
        var text = text
        text.withUTF8 { bytes in
            bytesWritten += fwrite(bytes.baseAddress, 1, bytes.count, file)
        }
    }

    func write(_ bytes: [UInt8]) {
        bytesWritten += bytes.withUnsafeBufferPointer { fwrite($0.baseAddress, 1, $0.count, file) }
    }

    func close() { fclose(file) }
}

func writeFile(_ path: String, _ bytes: [UInt8]) {
    let writer = FileWriter(path: path)
    writer.write(bytes)
    writer.close()
}

func readFileText(_ path: String) -> String? {
    readFileBytes(path).map { String(decoding: $0, as: UTF8.self) }
}

func readFileBytes(_ path: String) -> [UInt8]? {
    guard let file = fopen(path, "rb") else { return nil }
    defer { fclose(file) }
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 4096)
    while true {
        let count = fread(&buffer, 1, buffer.count, file)
        if count <= 0 { break }
        bytes.append(contentsOf: buffer[0..<count])
    }
    return bytes
}

/// A `/proc/self/status` field in kB (`VmHWM` = peak resident set size, `VmRSS` = current), Linux only.
func procStatusKilobytes(_ field: String) -> Int? {
    guard let status = readFileText("/proc/self/status") else { return nil }
    for line in status.split(separator: "\n") where line.hasPrefix(field + ":") {
        return Int(line.dropFirst(field.count + 1).filter(\.isNumber))
    }
    return nil
}

/// Resets `VmHWM` to the current RSS (Linux: write 5 to `/proc/self/clear_refs`); false if not allowed.
@discardableResult
func resetPeakRSS() -> Bool {
    guard let file = fopen("/proc/self/clear_refs", "w") else { return false }
    defer { fclose(file) }
    return fputs("5", file) >= 0
}

/// Runs `body` with file descriptor 2 redirected to a file and returns what was written to it.
func capturingStandardError(in directory: String, _ body: () -> Void) -> String {
    let path = directory + "/stderr.txt"
    fflush(nil)
    let saved = dup(2)
    let target = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    precondition(saved >= 0 && target >= 0, "cannot redirect stderr")
    dup2(target, 2)
    close(target)
    body()
    fflush(nil)
    dup2(saved, 2)
    close(saved)
    let captured = readFileText(path) ?? ""
    unlink(path)
    return captured
}
