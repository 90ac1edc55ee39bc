import CityBundleModel
public import XMLKit

/// Reads the buildings of a CityGML 1.0, 2.0 or 3.0 file one at a time over ``XMLStreamReader``.
///
/// - Memory is bounded by one building plus the ``PolygonReferenceMap`` (by default one million
///   positions) that resolves `xlink:href` references to polygons of earlier buildings; references
///   inside a building are resolved from the building itself. A reference to a polygon later in the
///   file, or one already forgotten, is counted in ``CityObject/unresolvedReferences``.
/// - `BuildingPart`s are merged into their building: their polygons join the building's, the
///   building's own attributes are kept (``CityObject/partCount`` says how many parts there were).
/// - The srsName of a polygon is that of its nearest ancestor, else that of the building's or the
///   `CityModel`'s envelope, else the declared CRS. GML coordinates are in the CRS's authority axis
///   order (latitude first for EPSG geographic CRSs); with ``Output/wgs84`` they are swapped when
///   needed and converted through PROJ to WGS 84 longitude, latitude and (unchanged) height.
/// - Geometry read: the building's `lod0FootPrint`/`lod0RoofEdge`, `lodNSolid`, `lodNMultiSurface`,
///   `lodNGeometry`, thematic surfaces (`boundedBy`/`boundary`) and their openings. Not read:
///   installations, rooms, building units, curves and implicit geometry.
/// - Errors are ``XMLError``s naming the file, line and element.
///
/// Not thread-safe; use from one thread.
public final class CityGMLReader {
    /// The coordinates the objects carry.
    public enum Output: Sendable, Hashable {
        /// WGS 84 longitude, latitude, height (``CityObject/crs`` is `EPSG:4326`).
        case wgs84
        /// The file's coordinates as written (``CityObject/crs`` is their srsName).
        case source
    }

    let xml: XMLStreamReader
    let file: String
    let declaredCRS: String?
    let output: Output
    let converter = CoordinateConverter()
    var referenceMap: PolygonReferenceMap
    /// srsNames of the open elements above the current one, outside buildings.
    private var srsStack: [(depth: Int, srsName: String)] = []
    /// The srsName of the `CityModel`'s envelope.
    var documentSRS: String?
    private var objectIndex: Int64 = 0

    /// Opens the CityGML file at `path`.
    /// - Parameters:
    ///   - declaredCRS: the CRS used when the file declares no srsName (the pipeline's `crs:`).
    ///   - output: convert to WGS 84 (default) or keep the source coordinates.
    ///   - limits: XMLKit's limits.
    ///   - maxReferencedPositions: the bound of the cross-building polygon map.
    public convenience init(
        path: String, declaredCRS: String? = nil, output: Output = .wgs84, limits: XMLLimits = .init(),
        maxReferencedPositions: Int = 1_000_000
    ) throws(XMLError) {
        let xml = try XMLStreamReader(path: path, limits: limits)
        self.init(
            xml: xml, file: path, declaredCRS: declaredCRS, output: output,
            maxReferencedPositions: maxReferencedPositions)
    }

    /// Reads a CityGML document held in memory; `name` stands for the file in errors.
    public convenience init(
        data: [UInt8], name: String, declaredCRS: String? = nil, output: Output = .wgs84,
        limits: XMLLimits = .init(), maxReferencedPositions: Int = 1_000_000
    ) throws(XMLError) {
        let xml = try XMLStreamReader(data: data, name: name, limits: limits)
        self.init(
            xml: xml, file: name, declaredCRS: declaredCRS, output: output,
            maxReferencedPositions: maxReferencedPositions)
    }

    private init(xml: XMLStreamReader, file: String, declaredCRS: String?, output: Output, maxReferencedPositions: Int)
    {
        self.xml = xml
        self.file = file
        self.declaredCRS = declaredCRS
        self.output = output
        self.referenceMap = PolygonReferenceMap(maxPositions: maxReferencedPositions)
    }

    /// The next building, or `nil` at the end of the file. Throws an ``XMLError`` for malformed or
    /// refused XML, bad coordinates and coordinates that cannot be converted.
    public func next() throws(XMLError) -> CityObject? {
        do {
            return try nextObject()
        } catch let error as XMLError {
            throw error
        } catch {
            throw XMLError(file: file, line: xml.line, message: "\(error)")
        }
    }

    private func nextObject() throws -> CityObject? {
        while let node = try xml.next() {
            if node.kind == .endElement {
                while let last = srsStack.last, last.depth >= node.depth { srsStack.removeLast() }
                continue
            }
            guard node.kind == .startElement else { continue }
            if node.localName == "Building", CityGMLNamespace.isBuilding(node.namespaceURI) {
                let inherited = xml.attribute("srsName") ?? srsStack.last?.srsName
                let object = try readBuilding(node, inheritedSRS: inherited, index: objectIndex)
                objectIndex += 1
                return object
            }
            if node.localName == "Envelope", CityGMLNamespace.isGML(node.namespaceURI), node.depth <= 2 {
                if documentSRS == nil, let srs = xml.attribute("srsName") { documentSRS = srs }
                try xml.skipSubtree()
                continue
            }
            if !node.isEmptyElement, let srs = xml.attribute("srsName") {
                srsStack.append((node.depth, srs))
            }
        }
        return nil
    }

    /// An error at `node`.
    func error(_ node: XMLNode, _ message: String) -> XMLError {
        XMLError(file: file, line: node.line, element: node.qualifiedName, message: message)
    }

    /// Calls `body` for each child element of `node`; `body` must consume the child's subtree
    /// (read its text, skip it or iterate its own children). Consumes `node`'s end tag.
    func forEachChild(of node: XMLNode, _ body: (XMLNode) throws -> Void) throws {
        if node.isEmptyElement { return }
        while let child = try xml.next() {
            if child.kind == .endElement, child.depth == node.depth { return }
            if child.kind == .startElement { try body(child) }
        }
        throw error(node, "document ended inside the element")
    }

    /// The `gml:id` of the current start element (GML 3.1 or 3.2).
    func gmlID() -> String? {
        xml.attribute(local: "id", namespace: "http://www.opengis.net/gml")
            ?? xml.attribute(local: "id", namespace: "http://www.opengis.net/gml/3.2")
    }

    /// The trimmed text of the current start element (consumes it).
    func text() throws -> String { try xml.readText().trimmingSpaces }
}
