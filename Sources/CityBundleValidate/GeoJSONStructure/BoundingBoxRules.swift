/// Rules for the `bbox` and `crs` members any GeoJSON object may have (RFC 7946 §5, §4).
enum BoundingBoxRules {
    /// Checks `object`'s `bbox` (array of 4 or 6 numbers, south ≤ north, low ≤ high elevation) and warns
    /// about a `crs` member. West may exceed east: the box then crosses the antimeridian (§5.2).
    static func check(
        _ object: GeoJSONObject, path: () -> String, context: RuleContext, into issues: inout IssueCollector
    ) {
        if object.crs != nil {
            context.report(
                StructureRule.crs, .warning,
                "the \"crs\" member was removed in RFC 7946: coordinates are always WGS 84 longitude/latitude; "
                    + "remove it (after reprojecting if it names another CRS)",
                at: object.node, path: StructurePath.member(path(), "crs"), into: &issues)
        }
        guard let bbox = object.bbox else { return }
        guard let elements = bbox.elements else {
            context.report(
                StructureRule.bboxType, .error,
                "\"bbox\" must be an array of numbers, not \(bbox.value.typeDescription)", at: object.node,
                path: StructurePath.member(path(), "bbox"), into: &issues)
            return
        }
        var numbers: [Double] = []
        for index in 0..<elements.count {
            guard case .number(let number) = elements[index].value else {
                context.report(
                    StructureRule.bboxElement, .error,
                    "each element of \"bbox\" must be a number; element \(index) is "
                        + elements[index].value.typeDescription,
                    at: bbox, path: StructurePath.member(path(), "bbox"), into: &issues)
                checkLength(elements.count, bbox, path, context, &issues)
                return
            }
            numbers.append(number)
        }
        guard checkLength(numbers.count, bbox, path, context, &issues) else { return }
        let half = numbers.count / 2
        for axis in 1..<half where numbers[axis] > numbers[axis + half] {
            let name = axis == 1 ? "latitude (south > north)" : "elevation (low > high)"
            context.report(
                StructureRule.bboxOrder, .error,
                "\"bbox\" has its minimum above its maximum in \(name): \(numbers[axis]) > \(numbers[axis + half])",
                at: bbox, path: StructurePath.member(path(), "bbox"), into: &issues)
        }
    }

    @discardableResult
    private static func checkLength(
        _ count: Int, _ bbox: JSONNode, _ path: () -> String, _ context: RuleContext,
        _ issues: inout IssueCollector
    ) -> Bool {
        guard count != 4 && count != 6 else { return true }
        context.report(
            StructureRule.bboxLength, .error,
            "\"bbox\" must have 4 numbers (2D: west, south, east, north) or 6 (3D), not \(count)", at: bbox,
            path: StructurePath.member(path(), "bbox"), into: &issues)
        return false
    }
}
