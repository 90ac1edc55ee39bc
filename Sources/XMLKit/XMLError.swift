/// An error from ``XMLStreamReader``: a malformed or refused document, an exceeded ``XMLLimits`` value,
/// or a file that cannot be opened.
///
/// `description` reads `file:line: <element>: message`; the line and the element part are left out
/// when unknown.
public struct XMLError: Error, CustomStringConvertible, Sendable, Hashable {
    /// The file path (or the `name` given to ``XMLStreamReader/init(data:name:limits:)``).
    public var file: String
    /// The 1-based line the error refers to, when known.
    public var line: Int?
    /// The qualified name of the element the error refers to, when known.
    public var element: String?
    /// What went wrong.
    public var message: String

    /// Creates an error; `XMLStreamReader` builds these, a reader built on top of it may add its own.
    public init(file: String, line: Int? = nil, element: String? = nil, message: String) {
        self.file = file
        self.line = line
        self.element = element
        self.message = message
    }

    /// `file:line: <element>: message`, without the parts that are unknown.
    public var description: String {
        var text = file
        if let line { text += ":\(line)" }
        if let element { text += ": <\(element)>" }
        return text + ": " + message
    }
}
