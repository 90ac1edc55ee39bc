import CityBundleModel

/// Turns a GML `srsName` into a CRS definition GDAL reads (`EPSG:4326`, `EPSG:25832+5783`).
///
/// Understood: `EPSG:6697`, `EPSG:6697+6695`, `urn:ogc:def:crs:EPSG::4326` (and `urn:ogc:def:crs:EPSG:6.6:4326`),
/// compound URNs `urn:ogc:def:crs,crs:EPSG::25832,crs:EPSG::5783`, OGC URLs
/// `http://www.opengis.net/def/crs/EPSG/0/4979` and `…/crs-compound?1=…&2=…`. Anything else is
/// passed to GDAL as written.
enum SRSName {
    /// The GDAL definition for `srsName`.
    static func definition(_ srsName: String) -> String {
        let name = srsName.trimmingSpaces
        let lower = name.lowercased()
        if lower.hasPrefix("urn:ogc:def:crs,") {
            let codes = name.split(separator: ",").dropFirst().compactMap { epsgCode(inURN: String($0)) }
            if !codes.isEmpty { return "EPSG:" + codes.joined(separator: "+") }
        }
        if lower.hasPrefix("urn:ogc:def:crs:epsg:") || lower.hasPrefix("urn:x-ogc:def:crs:epsg:"),
            let code = epsgCode(inURN: name)
        {
            return "EPSG:\(code)"
        }
        if lower.hasPrefix("http://www.opengis.net/def/crs-compound")
            || lower.hasPrefix("https://www.opengis.net/def/crs-compound")
        {
            let codes = name.split(whereSeparator: { $0 == "?" || $0 == "&" }).dropFirst().compactMap {
                part -> String? in
                guard let equals = part.firstIndex(of: "=") else { return nil }
                return epsgCode(inURL: String(part[part.index(after: equals)...]))
            }
            if !codes.isEmpty { return "EPSG:" + codes.joined(separator: "+") }
        }
        if lower.hasPrefix("http://www.opengis.net/def/crs/epsg/")
            || lower.hasPrefix("https://www.opengis.net/def/crs/epsg/"),
            let code = epsgCode(inURL: name)
        {
            return "EPSG:\(code)"
        }
        if lower.hasPrefix("epsg:") { return "EPSG:" + name.dropFirst(5) }
        return name
    }

    /// The last colon-separated field of `crs:EPSG::25832` or `urn:ogc:def:crs:EPSG:6.6:4326`, when numeric.
    private static func epsgCode(inURN urn: String) -> String? {
        guard urn.lowercased().contains("epsg"), let last = urn.split(separator: ":").last,
            !last.isEmpty, last.allSatisfy(\.isNumber)
        else { return nil }
        return String(last)
    }

    /// The last path component of `http://www.opengis.net/def/crs/EPSG/0/4979`, when numeric.
    private static func epsgCode(inURL url: String) -> String? {
        guard url.lowercased().contains("/epsg/"), let last = url.split(separator: "/").last,
            !last.isEmpty, last.allSatisfy(\.isNumber)
        else { return nil }
        return String(last)
    }
}
