import CityBundleModel

/// Ring winding for RFC 7946 §3.1.6 (right-hand rule): exterior rings counter-clockwise, holes clockwise.
enum RingOrientation {
    /// Twice the signed area of `ring` (shoelace on x/y): positive when counter-clockwise, negative when
    /// clockwise, zero when degenerate. Works on open or closed rings; coordinates are taken relative to the
    /// first position to keep the products small and precise.
    static func doubledSignedArea(_ ring: UnsafeMutableBufferPointer<Position>) -> Double {
        let count = ring.count
        guard count >= 3 else { return 0 }
        let originX = ring[0].x
        let originY = ring[0].y
        var sum = 0.0
        var previousX = 0.0
        var previousY = 0.0
        for index in 1..<count {
            let x = ring[index].x - originX
            let y = ring[index].y - originY
            sum += previousX * y - x * previousY
            previousX = x
            previousY = y
        }
        // The closing edge back to the origin contributes previousX * 0 - 0 * previousY = 0.
        return sum
    }

    /// Reverses `ring` in place when its winding is not the wanted one; zero-area rings are left alone.
    static func orient(_ ring: UnsafeMutableBufferPointer<Position>, counterClockwise: Bool) {
        let area = doubledSignedArea(ring)
        if (counterClockwise && area < 0) || (!counterClockwise && area > 0) {
            var elements = ring  // a copy of the pointer; reversing writes through it
            elements.reverse()
        }
    }
}
