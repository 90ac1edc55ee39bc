/// A sentence and what the detectors must find in it.
struct DetectionCase: Sendable, CustomStringConvertible {
    var text: String
    var expected: [Found]

    init(_ text: String, _ expected: Found...) {
        self.text = text
        self.expected = expected
    }

    var description: String { text }
}
