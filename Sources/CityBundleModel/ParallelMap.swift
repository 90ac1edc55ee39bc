import Dispatch
import Foundation

/// Maps `0..<count` with `body` on up to `width` threads (nil: every core), keeping the order; `body` must
/// be safe to call from several threads at once (it only reads shared state). The first error in index order
/// is rethrown.
public func parallelMap<T>(
    _ count: Int, width: Int? = nil, _ body: (Int) throws -> T
) throws -> [T] {
    let threads = min(max(1, width ?? ProcessInfo.processInfo.activeProcessorCount), max(1, count))
    return try withoutActuallyEscaping(body) { escapable in
        let work = ParallelWork(body: escapable, count: count)
        DispatchQueue.concurrentPerform(iterations: threads) { _ in work.runUntilDone() }
        return try work.results()
    }
}

/// The closure, the next index and the result slots shared by the threads of one `parallelMap`.
private final class ParallelWork<T>: @unchecked Sendable {
    private let body: (Int) throws -> T
    private let lock = NSLock()
    private var next = 0
    private var slots: [Result<T, any Error>?]

    init(body: @escaping (Int) throws -> T, count: Int) {
        self.body = body
        slots = Array(repeating: nil, count: count)
    }

    /// Takes indices one after another until none is left.
    func runUntilDone() {
        while let index = take() {
            let result = Result { try body(index) }
            lock.withLock { slots[index] = result }
        }
    }

    private func take() -> Int? {
        lock.withLock {
            guard next < slots.count else { return nil }
            defer { next += 1 }
            return next
        }
    }

    func results() throws -> [T] {
        try lock.withLock { slots }.map { try $0!.get() }
    }
}
