/// A CRS as a pipeline or command line declares it. GCJ-02 and BD-09 are China's obfuscated
/// web-map systems: PROJ does not implement them and no file can say it uses them.
public enum DeclaredCRS: Sendable, Hashable, CustomStringConvertible {
    /// GCJ-02 longitude/latitude (Amap, Tencent, Google China).
    case gcj02
    /// BD-09 longitude/latitude (Baidu).
    case bd09
    /// Anything PROJ understands: `EPSG:4490`, a URN, WKT, PROJJSON, a PROJ string.
    case definition(String)

    /// Reads a declared name; GCJ-02 and BD-09 are recognised in their usual spellings.
    public init(_ text: String) {
        let key = text.uppercased().filter { $0.isLetter || $0.isNumber }
        switch key {
        case "GCJ02", "GCJ", "MARS", "AMAP": self = .gcj02
        case "BD09", "BD09LL", "BAIDU": self = .bd09
        default: self = .definition(text)
        }
    }

    public var description: String {
        switch self {
        case .gcj02: "GCJ-02"
        case .bd09: "BD-09"
        case .definition(let text): text
        }
    }
}
