import CityBundleModel
internal import Glibc

/// Turns the bytes GDAL returns for a string field into Swift text: strict UTF-8, or a declared
/// legacy encoding (GBK, GB18030, Big5, …) converted with iconv.
public final class TextDecoder {
    /// The source encoding, as declared (or "UTF-8").
    public let encodingName: String
    private let converter: iconv_t?
    /// What to tell the user when a value does not decode.
    let hint: String

    /// Strict UTF-8: invalid bytes are an error, never guessed.
    public init() {
        encodingName = "UTF-8"
        converter = nil
        hint =
            "the file declares no encoding and its text is not UTF-8; Chinese shapefiles are often GBK: set `encoding: GBK` in the pipeline or pass --encoding GBK"
    }

    /// Text in `encoding` (an iconv name such as GBK, CP936, GB18030, BIG5), converted to UTF-8.
    public init(encoding: String) throws(GDALError) {
        encodingName = encoding
        hint = "the declared encoding \(encoding) does not match the file; check `encoding:` / --encoding"
        if TextDecoder.isUTF8(encoding) {
            converter = nil
            return
        }
        let handle = iconv_open("UTF-8", encoding)
        guard let handle, handle != iconv_t(bitPattern: -1) else {
            throw GDALError(
                path: encoding, operation: "set encoding", message: "unknown text encoding '\(encoding)'",
                hint: "use an encoding name such as UTF-8, GBK, GB18030 or BIG5", exitStatus: .usage)
        }
        converter = handle
    }

    deinit {
        if let converter { iconv_close(converter) }
    }

    public static func isUTF8(_ name: String) -> Bool {
        ["UTF-8", "UTF8"].contains(name.uppercased())
    }

    /// The decoded text, or nil when the bytes are not valid in the encoding.
    func decode(_ raw: UnsafePointer<CChar>) -> String? {
        guard let converter else { return String(validatingCString: raw) }
        let length = strlen(raw)
        if length == 0 { return "" }
        _ = iconv(converter, nil, nil, nil, nil)
        var output = [CChar](repeating: 0, count: length * 4 + 4)
        var inputLeft = length
        var outputLeft = output.count - 1
        var input: UnsafeMutablePointer<CChar>? = UnsafeMutablePointer(mutating: raw)
        let ok = output.withUnsafeMutableBufferPointer { buffer -> Bool in
            var out: UnsafeMutablePointer<CChar>? = buffer.baseAddress
            return iconv(converter, &input, &inputLeft, &out, &outputLeft) != -1 && inputLeft == 0
        }
        guard ok else { return nil }
        return output.withUnsafeBufferPointer { String(validatingCString: $0.baseAddress!) }
    }
}
