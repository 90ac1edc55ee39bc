/// The namespace URIs the reader recognises.
enum CityGMLNamespace {
    /// GML 3.1 (CityGML 1.0/2.0) and GML 3.2 (CityGML 3.0).
    static func isGML(_ uri: String?) -> Bool {
        uri == "http://www.opengis.net/gml" || uri == "http://www.opengis.net/gml/3.2"
    }

    /// The building module of CityGML 1.0, 2.0 and 3.0.
    static func isBuilding(_ uri: String?) -> Bool {
        guard let uri else { return false }
        return uri == "http://www.opengis.net/citygml/building/1.0"
            || uri == "http://www.opengis.net/citygml/building/2.0"
            || uri == "http://www.opengis.net/citygml/building/3.0"
    }

    /// XLink, for `xlink:href`.
    static let xlink = "http://www.w3.org/1999/xlink"
}
