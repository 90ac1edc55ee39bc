#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// A small, fast, seeded pseudo-random generator (SplitMix64) with its own uniform helpers.
///
/// Every draw goes through this type's own arithmetic, never through the standard library's
/// `random(in:using:)` (whose algorithm may change between Swift versions), so a seed gives the same
/// stream on every platform and toolchain. Not for cryptography.
struct SyntheticRandom {
    private var state: UInt64

    /// A generator whose stream is fixed by `seed`.
    init(seed: UInt64) {
        state = seed
    }

    /// A generator for one item of one stream: mixes the city seed, a stream tag and an index, so items
    /// can be generated independently and in any order.
    init(seed: UInt64, stream: UInt64, index: UInt64) {
        state = Self.mix(seed ^ Self.mix(stream &+ 0x9E37_79B9_7F4A_7C15) ^ Self.mix(index &* 0xD1B5_4A32_D192_ED03))
    }

    /// The SplitMix64 finaliser: a bijective 64-bit mix.
    static func mix(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// The next 64 random bits.
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform double in [0, 1) with 53 random bits.
    mutating func unit() -> Double {
        Double(next() >> 11) * 0x1p-53
    }

    /// A uniform double in `range`.
    mutating func double(in range: ClosedRange<Double>) -> Double {
        range.lowerBound + (range.upperBound - range.lowerBound) * unit()
    }

    /// A uniform integer in `range` (multiply-shift; the bias is below 2^-32 for small ranges).
    mutating func int(in range: ClosedRange<Int>) -> Int {
        let span = UInt64(range.upperBound - range.lowerBound) + 1
        return range.lowerBound + Int(next().multipliedFullWidth(by: span).high)
    }

    /// True with probability `probability`.
    mutating func chance(_ probability: Double) -> Bool {
        unit() < probability
    }

    /// One element of a non-empty array.
    mutating func pick<Element>(_ elements: [Element]) -> Element {
        elements[int(in: 0...(elements.count - 1))]
    }

    /// A standard normal deviate (Box–Muller).
    mutating func normal() -> Double {
        let u1 = Swift.max(unit(), 0x1p-53)
        let u2 = unit()
        return (-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2)
    }

    /// A decimal digit as text.
    mutating func digit() -> Character {
        Character(Unicode.Scalar(UInt8(ascii: "0") + UInt8(int(in: 0...9))))
    }
}
