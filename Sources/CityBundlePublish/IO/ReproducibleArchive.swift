import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// A `.tar.gz` whose bytes depend only on the files' paths and contents.
///
/// The tar is written here (POSIX ustar): entries sorted by path, parent directories first, mtime 0, uid/gid 0
/// with empty owner names, mode 0644 for files and 0755 for directories, padded to 10 240-byte records.
/// It is streamed into `pigz -n -3` (gzip on every core; its output does not depend on the number of cores),
/// or `gzip -n -3` where pigz is missing; `-n` leaves the name and time out of the gzip header. Level 3 is twice
/// as fast as gzip's default for archives 5% larger (GLB tiles hardly compress).
enum ReproducibleArchive {
    /// Writes the archive of `files` (path inside the archive → file on disk) to the new file `output`.
    static func write(files: [String: String], to output: String) throws {
        let candidates = ["/usr/bin/pigz", "/usr/bin/gzip", "/bin/gzip"]
        guard let executable = candidates.first(where: { access($0, X_OK) == 0 }) else {
            throw PublishError.archiveFailed("neither pigz nor gzip found in /usr/bin or /bin")
        }
        let handle = try createHandle(output)
        defer { try? handle.close() }
        let pipe = Pipe()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["-n", "-3", "-c"]
        process.standardInput = pipe
        process.standardOutput = handle
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw PublishError.archiveFailed("cannot run \(executable): \(error)")
        }
        do {
            try writeTar(files: files, to: pipe.fileHandleForWriting, path: output)
            try pipe.fileHandleForWriting.close()
        } catch {
            try? pipe.fileHandleForWriting.close()
            process.waitUntilExit()
            throw error
        }
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw PublishError.archiveFailed("\(executable) exited with status \(process.terminationStatus)")
        }
        try handle.synchronize()
    }

    /// Writes the uncompressed tar to `handle` (`path` names it in errors).
    static func writeTar(files: [String: String], to handle: FileHandle, path: String) throws {
        var directories = Set<String>()
        for name in files.keys {
            var parts = name.split(separator: "/").dropLast()
            while !parts.isEmpty {
                directories.insert(parts.joined(separator: "/") + "/")
                parts = parts.dropLast()
            }
        }
        let names = (Array(files.keys) + directories).sorted {
            Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8))
        }
        var output = Data()
        var written: UInt64 = 0
        for name in names {
            if let source = files[name] {
                let size = try fileSize(source)
                output.append(try header(name: name, size: size, isDirectory: false))
                written += UInt64(output.count) + UInt64(size)
                try flush(&output, to: handle, path: path)
                try appendFile(source, size: size, to: handle, path: path)
                let padding = Int((512 - size % 512) % 512)
                output.append(Data(count: padding))
            } else {
                output.append(try header(name: name, size: 0, isDirectory: true))
            }
        }
        output.append(Data(count: 1024))
        written += UInt64(output.count)
        let record: UInt64 = 10_240
        if written % record != 0 { output.append(Data(count: Int(record - written % record))) }
        try flush(&output, to: handle, path: path)
    }

    /// The size of the regular file at `path`, without following a symbolic link.
    private static func fileSize(_ path: String) throws -> Int64 {
        var info = stat()
        guard lstat(path, &info) == 0 else {
            if errno == ENOENT { throw PublishError.missingFile(path) }
            throw PublishError.io(path: path, operation: "stat", reason: String(cString: strerror(errno)))
        }
        return Int64(info.st_size)
    }

    /// A 512-byte ustar header.
    static func header(name: String, size: Int64, isDirectory: Bool) throws -> Data {
        var block = [UInt8](repeating: 0, count: 512)
        let bytes = Array(name.utf8)
        var namePart = bytes
        var prefixPart: [UInt8] = []
        if bytes.count > 100 {
            // Split at a slash so the name fits in 100 bytes and the prefix in 155.
            guard
                let split = bytes.indices.reversed().first(where: {
                    bytes[$0] == UInt8(ascii: "/") && $0 <= 155 && bytes.count - $0 - 1 <= 100 && $0 > 0
                })
            else { throw PublishError.archiveFailed("path too long for a tar header: \(name)") }
            prefixPart = Array(bytes[..<split])
            namePart = Array(bytes[(split + 1)...])
        }
        func put(_ value: [UInt8], at offset: Int) {
            for (index, byte) in value.enumerated() { block[offset + index] = byte }
        }
        func octal(_ value: Int64, width: Int) -> [UInt8] {
            let digits = String(value, radix: 8)
            return Array((String(repeating: "0", count: max(0, width - 1 - digits.count)) + digits).utf8) + [0]
        }
        put(namePart, at: 0)
        put(octal(isDirectory ? 0o755 : 0o644, width: 8), at: 100)
        put(octal(0, width: 8), at: 108)
        put(octal(0, width: 8), at: 116)
        put(octal(size, width: 12), at: 124)
        put(octal(0, width: 12), at: 136)
        put(Array("        ".utf8), at: 148)
        block[156] = isDirectory ? UInt8(ascii: "5") : UInt8(ascii: "0")
        put(Array("ustar".utf8) + [0], at: 257)
        put(Array("00".utf8), at: 263)
        put(octal(0, width: 8), at: 329)
        put(octal(0, width: 8), at: 337)
        put(prefixPart, at: 345)
        let checksum = block.reduce(0) { $0 + Int64($1) }
        put(octal(checksum, width: 7) + [UInt8(ascii: " ")], at: 148)
        return Data(block)
    }

    private static func createHandle(_ path: String) throws -> FileHandle {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw PublishError.io(path: path, operation: "create", reason: String(cString: strerror(errno)))
        }
        return FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
    }

    private static func flush(_ data: inout Data, to handle: FileHandle, path: String) throws {
        guard !data.isEmpty else { return }
        do {
            try handle.write(contentsOf: data)
        } catch {
            throw PublishError.io(path: path, operation: "write", reason: "\(error)")
        }
        data.removeAll(keepingCapacity: true)
    }

    private static func appendFile(_ source: String, size: Int64, to handle: FileHandle, path: String) throws {
        guard let input = FileHandle(forReadingAtPath: source) else { throw PublishError.missingFile(source) }
        defer { try? input.close() }
        var remaining = size
        while remaining > 0 {
            let chunk = try input.read(upToCount: Int(min(remaining, 1 << 20))) ?? Data()
            guard !chunk.isEmpty else { throw PublishError.archiveFailed("\(source) shrank while being archived") }
            try handle.write(contentsOf: chunk)
            remaining -= Int64(chunk.count)
        }
    }
}
