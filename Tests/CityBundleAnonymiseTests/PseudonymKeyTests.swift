import CityBundleAnonymise
import CityBundleModel
import Testing

@Suite("Pseudonymisation keys")
struct PseudonymKeyTests {
    static let hexKey = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f"

    @Test("a hex key from the environment")
    func fromEnvironment() throws {
        let key = try PseudonymKey.load(environment: "CB_KEY", file: nil, variables: ["CB_KEY": Self.hexKey])
        #expect(key.id == "630dcd29")
        let upper = try PseudonymKey.load(
            environment: "CB_KEY", file: nil, variables: ["CB_KEY": Self.hexKey.uppercased()])
        #expect(upper.id == key.id)
    }

    @Test("a key file with 0600 permissions, hex or raw")
    func fromFile() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let hexPath = try directory.write(Array((Self.hexKey + "\n").utf8), to: "hex.key", mode: 0o600)
        #expect(try PseudonymKey.load(environment: nil, file: hexPath).id == "630dcd29")
        let rawPath = try directory.write(Array(0..<32), to: "raw.key", mode: 0o400)
        #expect(try PseudonymKey.load(environment: nil, file: rawPath).id == "630dcd29")
    }

    @Test("the environment wins over the file, which is used when the variable is unset")
    func precedence() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = try directory.write(Array(repeating: 7, count: 32), to: "k", mode: 0o600)
        let fromVariable = try PseudonymKey.load(environment: "K", file: path, variables: ["K": Self.hexKey])
        #expect(fromVariable.id == "630dcd29")
        let fromFile = try PseudonymKey.load(environment: "K", file: path, variables: [:])
        #expect(fromFile.id != "630dcd29")
    }

    @Test("a key file readable by group or others is refused", arguments: [0o644, 0o640, 0o604, 0o660])
    func openPermissions(_ mode: Int) throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = try directory.write(Array(Self.hexKey.utf8), to: "open.key", mode: mode)
        let error = #expect(throws: AnonymiseError.self) { try PseudonymKey.load(environment: nil, file: path) }
        #expect(error?.description.contains("chmod 600") == true)
        #expect(error?.exitStatus == .usage)
        #expect(error?.description.contains(Self.hexKey) == false)
    }

    @Test("a short key is refused, from the environment, a file or bytes")
    func shortKey() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = try directory.write(Array("00112233".utf8), to: "short.key", mode: 0o600)
        let fromFile = #expect(throws: AnonymiseError.self) { try PseudonymKey.load(environment: nil, file: path) }
        #expect(fromFile?.exitStatus == .usage)
        let fromVariable = #expect(throws: AnonymiseError.self) {
            try PseudonymKey.load(environment: "K", file: nil, variables: ["K": "too short"])
        }
        #expect(fromVariable?.description.contains("at least 32") == true)
        #expect(throws: AnonymiseError.self) { try PseudonymKey(bytes: Array(repeating: 1, count: 31) as [UInt8]) }
    }

    @Test("no key at all is a usage error naming what to set")
    func missing() {
        let unset = #expect(throws: AnonymiseError.self) {
            try PseudonymKey.load(environment: "CB_MISSING", file: nil, variables: [:])
        }
        #expect(unset?.exitStatus == .usage)
        #expect(unset?.description.contains("CB_MISSING") == true)
        let nothing = #expect(throws: AnonymiseError.self) {
            try PseudonymKey.load(environment: nil, file: nil, variables: [:])
        }
        #expect(nothing?.exitStatus == .usage)
        let noFile = #expect(throws: AnonymiseError.self) {
            try PseudonymKey.load(environment: nil, file: "/nonexistent/cb.key", variables: [:])
        }
        #expect(noFile?.exitStatus == .usage)
    }

    @Test("the key never shows in descriptions or reflection")
    func neverPrinted() throws {
        let key = try PseudonymKey.load(environment: "K", file: nil, variables: ["K": Self.hexKey])
        var dumped = ""
        dump(key, to: &dumped)
        for text in [key.description, key.debugDescription, String(describing: key), String(reflecting: key), dumped] {
            #expect(text.contains("630dcd29"))
            #expect(!text.contains("0001020304"))
            #expect(!text.contains("material"))
        }
    }
}
