/// One step of ``JSONStreamParser``: a token of the JSON grammar, the end of input, or a stop.
enum JSONEvent: Equatable {
    case objectStart
    case objectEnd
    case arrayStart
    case arrayEnd
    /// An object member's name (the `:` after it is consumed too).
    case key(String)
    /// A string value; empty when the parser is not keeping strings.
    case string(String)
    /// A number value; NaN or infinite when the literal was reported (non-finite, too long, overflow).
    case number(Double)
    case bool(Bool)
    case null
    /// All input read and every value complete.
    case end
    /// A fatal issue (syntax, depth) was reported; the parser stays stopped.
    case failed
}
