/// One named attribute.
public struct Property: Sendable, Hashable {
    public var name: String
    public var value: Value

    public init(_ name: String, _ value: Value) {
        self.name = name
        self.value = value
    }
}

/// A feature's attributes in source order. Names are unique.
public struct Properties: Sendable, Hashable, Sequence, ExpressibleByDictionaryLiteral {
    public private(set) var entries: [Property]

    public init(_ entries: [Property] = []) {
        self.entries = entries
    }

    public init(dictionaryLiteral elements: (String, Value)...) {
        self.entries = elements.map { Property($0.0, $0.1) }
    }

    public subscript(name: String) -> Value? {
        get { entries.first { $0.name == name }?.value }
        set {
            if let index = entries.firstIndex(where: { $0.name == name }) {
                if let newValue { entries[index].value = newValue } else { entries.remove(at: index) }
            } else if let newValue {
                entries.append(Property(name, newValue))
            }
        }
    }

    /// Removes `name` and returns its value.
    @discardableResult
    public mutating func remove(_ name: String) -> Value? {
        guard let index = entries.firstIndex(where: { $0.name == name }) else { return nil }
        return entries.remove(at: index).value
    }

    public var count: Int { entries.count }
    public var names: [String] { entries.map(\.name) }

    public func makeIterator() -> IndexingIterator<[Property]> { entries.makeIterator() }
}
