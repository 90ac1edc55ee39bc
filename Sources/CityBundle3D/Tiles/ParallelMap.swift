import Foundation

/// Maps `0..<count` with `body` on every core, keeping the order; `body` must be safe to call from several
/// threads at once (it only reads shared state). The first error in index order is rethrown.
func parallelMap<T>(_ count: Int, _ body: (Int) throws -> T) throws -> [T] {
    try withoutActuallyEscaping(body) { escapable in
        let work = ParallelWork(body: escapable, count: count)
        DispatchQueue.concurrentPerform(iterations: count) { work.run($0) }
        return try work.results()
    }
}

/// The closure and result slots shared by the threads of one `parallelMap`.
private final class ParallelWork<T>: @unchecked Sendable {
    private let body: (Int) throws -> T
    private let lock = NSLock()
    private var slots: [Result<T, any Error>?]

    init(body: @escaping (Int) throws -> T, count: Int) {
        self.body = body
        slots = Array(repeating: nil, count: count)
    }

    func run(_ index: Int) {
        let result = Result { try body(index) }
        lock.withLock { slots[index] = result }
    }

    func results() throws -> [T] {
        try lock.withLock { slots }.map { try $0!.get() }
    }
}
