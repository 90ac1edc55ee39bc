/// A match found by one rule, in scalar offsets, before overlapping matches are resolved.
struct Candidate: Equatable {
    /// What the rule found.
    var kind: PIIKind
    /// The offset of the first scalar.
    var lower: Int
    /// The offset just past the last scalar.
    var upper: Int

    /// The number of scalars covered.
    var length: Int { upper - lower }
}
