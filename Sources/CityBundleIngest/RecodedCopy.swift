import CityBundleModel
import Foundation
import Glibc

/// A UTF-8 copy of a text file in a legacy encoding (a GBK CSV), converted with iconv in chunks,
/// so drivers that only read UTF-8 see correct column names and values. Removed on deinit.
final class RecodedCopy {
    let path: String
    private let directory: String

    init(of source: String, encoding: String, shownAs: String) throws {
        guard let converter = Optional(iconv_open("UTF-8", encoding)), converter != iconv_t(bitPattern: -1) else {
            throw IngestError(
                path: shownAs, message: "unknown text encoding '\(encoding)'",
                hint: "use an encoding name such as UTF-8, GBK, GB18030 or BIG5", exitStatus: .usage)
        }
        defer { iconv_close(converter) }
        directory = NSTemporaryDirectory() + "citybundle-recode-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        path = "\(directory)/\(URL(fileURLWithPath: source).lastPathComponent)"
        guard let input = fopen(source, "rb") else {
            throw IngestError(
                path: shownAs, message: "cannot read: \(String(cString: strerror(errno)))", exitStatus: .io)
        }
        defer { fclose(input) }
        guard let output = fopen(path, "wb") else {
            throw IngestError(path: path, message: "cannot write a recoded copy", exitStatus: .io)
        }
        defer { fclose(output) }
        var inBuffer = [CChar](repeating: 0, count: 1 << 16)
        var outBuffer = [CChar](repeating: 0, count: 1 << 18)
        var pending = 0
        var offset = 0
        while true {
            let read = inBuffer.withUnsafeMutableBufferPointer {
                fread($0.baseAddress! + pending, 1, $0.count - pending, input)
            }
            let available = pending + read
            if available == 0 { break }
            var inLeft = available
            var outLeft = outBuffer.count
            let result = inBuffer.withUnsafeMutableBufferPointer { inPointer in
                outBuffer.withUnsafeMutableBufferPointer { outPointer -> Int in
                    var inCursor: UnsafeMutablePointer<CChar>? = inPointer.baseAddress
                    var outCursor: UnsafeMutablePointer<CChar>? = outPointer.baseAddress
                    return iconv(converter, &inCursor, &inLeft, &outCursor, &outLeft)
                }
            }
            let produced = outBuffer.count - outLeft
            _ = outBuffer.withUnsafeBufferPointer { fwrite($0.baseAddress!, 1, produced, output) }
            // An incomplete multibyte sequence at the chunk's end (EINVAL) carries over; anything
            // else that stops conversion is invalid input.
            if result == -1 && errno != EINVAL && errno != E2BIG || (read == 0 && inLeft > 0) {
                throw IngestError(
                    path: shownAs,
                    message: "the bytes near offset \(offset + available - inLeft) are not valid \(encoding)",
                    hint: "check `encoding:` / --encoding", exitStatus: .dataErrors)
            }
            offset += available - inLeft
            inBuffer.withUnsafeMutableBufferPointer { buffer in
                if inLeft > 0 { memmove(buffer.baseAddress!, buffer.baseAddress! + (available - inLeft), inLeft) }
            }
            pending = inLeft
        }
    }

    deinit {
        try? FileManager.default.removeItem(atPath: directory)
    }
}
