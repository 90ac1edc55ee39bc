/// One piece of personal information found in a text.
public struct PIIMatch: Sendable, Hashable {
    /// What was found.
    public var kind: PIIKind
    /// Where it is, in the text given to ``PIIDetector/findAll(in:)``.
    ///
    /// The bounds are Unicode scalar boundaries; slice with `text.unicodeScalars[range]` to get exactly the
    /// matched scalars.
    public var range: Range<String.Index>

    /// Creates a match.
    public init(kind: PIIKind, range: Range<String.Index>) {
        self.kind = kind
        self.range = range
    }
}
