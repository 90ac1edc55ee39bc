import Foundation

/// A blocking FIFO with a fixed capacity between two threads: `push` waits while it is full,
/// which is the back-pressure that keeps memory bounded; `pop` waits while it is empty.
public final class BoundedQueue<Element: Sendable>: @unchecked Sendable {
    // State is guarded by `condition`; that is why the class is @unchecked Sendable.
    private let condition = NSCondition()
    private var items: [Element] = []
    private var head = 0
    private var closed = false
    private var failure: (any Error)?
    /// The most elements held at once.
    public let capacity: Int
    /// The queue's name, for diagnostics ("ingest→write").
    public let name: String

    public init(name: String, capacity: Int) {
        precondition(capacity > 0, "a queue needs room for at least one element")
        self.name = name
        self.capacity = capacity
    }

    /// Adds `element`, waiting while the queue is full. Returns false when the consumer has gone.
    @discardableResult
    public func push(_ element: Element) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while items.count - head >= capacity && !closed { condition.wait() }
        guard !closed else { return false }
        items.append(element)
        condition.broadcast()
        return true
    }

    /// The next element; nil once the queue is closed and drained. Rethrows a producer's failure.
    public func pop() throws -> Element? {
        condition.lock()
        defer { condition.unlock() }
        while head == items.count && !closed { condition.wait() }
        if head < items.count {
            let element = items[head]
            head += 1
            if head > 64 && head * 2 > items.count {
                items.removeFirst(head)
                head = 0
            }
            condition.broadcast()
            return element
        }
        if let failure { throw failure }
        return nil
    }

    /// Ends the stream; with `error`, the consumer receives it after the remaining elements.
    public func close(error: (any Error)? = nil) {
        condition.lock()
        defer { condition.unlock() }
        if !closed {
            closed = true
            failure = error
        }
        condition.broadcast()
    }
}
