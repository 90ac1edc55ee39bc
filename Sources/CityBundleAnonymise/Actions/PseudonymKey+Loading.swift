internal import CityBundleModel
internal import Foundation

#if canImport(Glibc)
    internal import Glibc
#elseif canImport(Musl)
    internal import Musl
#elseif canImport(Darwin)
    internal import Darwin
#endif

extension PseudonymKey {
    /// The largest key file read; key files are a few dozen bytes.
    static let maximumFileSize = 64 * 1024

    /// Loads the key from the environment variable `name` or, when it is unset or empty, from the file `file`.
    ///
    /// The variable holds hex (`openssl rand -hex 32`) or, when it is not hex, raw text. The file holds hex
    /// (surrounding white space ignored) or raw bytes, and must not be accessible to group or others.
    ///
    /// - Throws: ``AnonymiseError``: `.usage` when neither gives a key, the key is shorter than 32 bytes or the
    ///   file's permissions are too open; `.io` when an existing file cannot be read.
    public static func load(environment name: String?, file: String?) throws(AnonymiseError) -> PseudonymKey {
        try load(environment: name, file: file, variables: ProcessInfo.processInfo.environment)
    }

    /// ``load(environment:file:)`` reading variables from `variables` instead of the process environment.
    public static func load(environment name: String?, file: String?, variables: [String: String])
        throws(AnonymiseError) -> PseudonymKey
    {
        if let name, let value = variables[name], !value.isEmpty {
            let text = Array(value.utf8)
            return try PseudonymKey(bytes: Hex.decode(text) ?? text, source: "environment variable '\(name)'")
        }
        if let file {
            let content = try readKeyFile(file)
            let trimmed = content.drop { isWhiteSpace($0) }.reversed().drop { isWhiteSpace($0) }.reversed()
            return try PseudonymKey(bytes: Hex.decode(Array(trimmed)) ?? content, source: "key file '\(file)'")
        }
        let subject = name.map { "environment variable '\($0)'" } ?? "pseudonymisation key"
        throw AnonymiseError(
            subject: subject,
            message: name == nil ? "no key is configured" : "is not set or empty, and no key file is configured",
            hint:
                "set the environment variable or give a key file: `openssl rand -hex 32 > KEYFILE && chmod 600 KEYFILE`"
        )
    }

    /// Whether `byte` is ASCII white space.
    static func isWhiteSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    /// The bytes of the key file at `path`, after checking that only its owner can access it.
    ///
    /// The permissions are checked on the opened descriptor, so the file read is the file checked.
    static func readKeyFile(_ path: String) throws(AnonymiseError) -> [UInt8] {
        let subject = "key file '\(path)'"
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else {
            let code = errno
            throw AnonymiseError(
                subject: subject, message: "cannot be opened: \(String(cString: strerror(code)))",
                exitStatus: code == ENOENT ? .usage : .io)
        }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            throw AnonymiseError(subject: subject, message: "cannot be examined", exitStatus: .io)
        }
        guard status.st_mode & S_IFMT == S_IFREG else {
            throw AnonymiseError(subject: subject, message: "is not a regular file")
        }
        let mode = Int(status.st_mode & 0o777)
        guard mode & 0o077 == 0 else {
            throw AnonymiseError(
                subject: subject,
                message: "is accessible to group or others (mode \(String(mode, radix: 8).leftPadded(to: 4)))",
                hint: "run `chmod 600 \(path)`")
        }
        return try readAll(descriptor, subject: subject)
    }

    /// Everything readable from `descriptor`, up to ``maximumFileSize`` bytes.
    static func readAll(_ descriptor: Int32, subject: String) throws(AnonymiseError) -> [UInt8] {
        var content: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count >= 0 else {
                throw AnonymiseError(subject: subject, message: "cannot be read", exitStatus: .io)
            }
            if count == 0 { return content }
            content += buffer[0..<count]
            guard content.count <= maximumFileSize else {
                throw AnonymiseError(
                    subject: subject, message: "is larger than \(maximumFileSize) bytes; not a key file")
            }
        }
    }
}

extension String {
    /// The string with leading zeros up to `width` characters.
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
