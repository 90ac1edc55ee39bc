/// Receives progress of a run, for a progress bar. Called from the writer thread.
public protocol RunProgress: Sendable {
    /// A source starts; `expected` is its feature count when the format knows it.
    func started(source: String, expected: Int64?)
    /// `read` features of the source have gone through.
    func advanced(source: String, read: Int)
    /// The source is done.
    func finished(source: String, read: Int)
}
