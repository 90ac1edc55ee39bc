/// The polygons of earlier buildings by `gml:id`, for `xlink:href` references across buildings,
/// bounded by a total number of positions: when full, the oldest polygons are forgotten first
/// (first in, first out), and a later reference to one of them counts as unresolved.
///
/// References inside one building (the usual case: an `lod2Solid` pointing at the polygons of its
/// thematic surfaces) are resolved from the building itself and never need this map. Memory: about
/// `maxPositions × 24` bytes of coordinates plus the ids.
struct PolygonReferenceMap {
    /// The most positions kept.
    let maxPositions: Int
    private var polygons: [String: RawPolygon] = [:]
    private var order: [String] = []
    private var head = 0
    private var positions = 0

    init(maxPositions: Int) {
        self.maxPositions = maxPositions
    }

    /// The polygon with `id`, if it is still kept.
    func polygon(id: String) -> RawPolygon? { polygons[id] }

    /// Keeps `polygon` under its id, forgetting the oldest polygons while over the bound.
    mutating func insert(_ polygon: RawPolygon) {
        guard let id = polygon.id, polygons[id] == nil else { return }
        let count = polygon.positionCount
        guard count <= maxPositions else { return }
        while positions + count > maxPositions, head < order.count {
            if let removed = polygons.removeValue(forKey: order[head]) { positions -= removed.positionCount }
            head += 1
        }
        if head > 1024, head * 2 > order.count {
            order.removeFirst(head)
            head = 0
        }
        polygons[id] = polygon
        order.append(id)
        positions += count
    }
}
