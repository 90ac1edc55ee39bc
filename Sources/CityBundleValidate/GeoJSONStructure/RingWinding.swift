/// Ring orientation for RFC 7946 §3.1.6 on a checked ring (an array of positions of numbers).
enum RingWinding {
    /// Twice the signed area of `ring` on longitude/latitude (shoelace, relative to the first position):
    /// positive when counter-clockwise, negative when clockwise; nil when a number is not finite.
    static func doubledSignedArea(_ ring: JSONNode) -> Double? {
        guard let positions = ring.elements, positions.count >= 3 else { return 0 }
        var points: [(x: Double, y: Double)] = []
        points.reserveCapacity(positions.count)
        for position in positions {
            guard let numbers = position.elements, numbers.count >= 2,
                case .number(let x) = numbers[0].value, case .number(let y) = numbers[1].value,
                x.isFinite && y.isFinite
            else { return nil }
            points.append((x, y))
        }
        let origin = points[0]
        var sum = 0.0
        var previous = (x: 0.0, y: 0.0)
        for point in points.dropFirst() {
            let x = point.x - origin.x
            let y = point.y - origin.y
            sum += previous.x * y - x * previous.y
            previous = (x, y)
        }
        return sum
    }
}
