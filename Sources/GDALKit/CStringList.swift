internal import CGDAL

/// A GDAL `char**` list (CSL) owned by Swift: built from strings, freed on deinit.
final class CStringList {
    private(set) var pointer: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?

    init(_ items: [String]) {
        for item in items {
            pointer = CSLAddString(pointer, item)
        }
    }

    /// The list as GDAL's `const char* const*` parameters expect it.
    var constPointer: UnsafePointer<UnsafePointer<CChar>?>? {
        UnsafeRawPointer(pointer)?.assumingMemoryBound(to: UnsafePointer<CChar>?.self)
    }

    deinit {
        CSLDestroy(pointer)
    }
}
