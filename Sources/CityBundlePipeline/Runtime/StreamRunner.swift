import CityBundleModel
import Foundation

/// Runs one source through transforms into sinks on two threads joined by a bounded queue:
/// the source thread reads (and reprojects) while the calling thread transforms and encodes.
public struct StreamRunner: Sendable {
    /// Features per batch.
    public var batchSize: Int
    /// Batches the queue holds at most; memory is bounded by `batchSize × queueCapacity` features.
    public var queueCapacity: Int

    /// Called on the writer thread after each batch with the number of features read so far.
    public var progress: (@Sendable (Int) -> Void)?

    public init(batchSize: Int = 512, queueCapacity: Int = 8, progress: (@Sendable (Int) -> Void)? = nil) {
        self.batchSize = batchSize
        self.queueCapacity = queueCapacity
        self.progress = progress
    }

    /// Counts from one run.
    public struct Counts: Sendable, Hashable, Codable {
        /// Features the source produced.
        public var read = 0
        /// Features removed by transforms.
        public var removed = 0
        /// Features handed to the sinks.
        public var written = 0
        /// Wall time of the whole stream, in seconds.
        public var seconds = 0.0
        /// Time the writer thread spent in each transform, by name, in seconds.
        public var transformSeconds: [String: Double] = [:]
        /// Time spent encoding and writing (sinks, including finishing files), in seconds.
        public var writeSeconds = 0.0
    }

    /// Streams `source` through `transforms` into `sinks`. The source is handed over to the reader
    /// thread: the caller must not touch it afterwards. On any error (including one thrown by a
    /// transform's `finish`) every sink is aborted, so no partial output remains, and the error is
    /// rethrown.
    public func run(
        name: String,
        source: any FeatureSource,
        transforms: [any FeatureTransform],
        sinks: inout [any FeatureSink]
    ) throws -> (counts: Counts, files: [WrittenFile]) {
        let queue = BoundedQueue<[Feature]>(name: "\(name): read→write", capacity: queueCapacity)
        let batchSize = self.batchSize
        let finished = DispatchSemaphore(value: 0)
        let handoff = Handoff(source)
        let reader = Thread {
            defer { finished.signal() }
            do {
                let source = handoff.take()
                try source.read(batchSize: batchSize) { batch in
                    if !queue.push(batch) { throw CancellationError() }
                }
                queue.close()
            } catch {
                queue.close(error: error)
            }
        }
        reader.name = "citybundle-read-\(name)"
        reader.stackSize = 8 << 20
        reader.start()

        var counts = Counts()
        let clock = ContinuousClock()
        let started = clock.now
        do {
            while let batch = try queue.pop() {
                counts.read += batch.count
                let passed = try applyTransforms(transforms, to: batch, counts: &counts)
                counts.removed += batch.count - passed.count
                counts.written += passed.count
                let writing = clock.now
                for index in sinks.indices { try sinks[index].write(passed) }
                counts.writeSeconds += (clock.now - writing).seconds
                progress?(counts.read)
            }
            for transform in transforms { try transform.finish() }
        } catch {
            queue.close(error: error)
            // Drain so the reader thread, if blocked on push, sees the closed queue and ends.
            while (try? queue.pop()) != nil {}
            finished.wait()
            for sink in sinks { sink.abort() }
            throw error
        }
        finished.wait()
        var files: [WrittenFile] = []
        do {
            let finishing = clock.now
            for index in sinks.indices { files += try sinks[index].finish() }
            counts.writeSeconds += (clock.now - finishing).seconds
            counts.seconds = (clock.now - started).seconds
        } catch {
            for sink in sinks { sink.abort() }
            throw error
        }
        return (counts, files)
    }

    /// Runs the batch through each transform in turn, timing each one.
    private func applyTransforms(_ transforms: [any FeatureTransform], to batch: [Feature], counts: inout Counts)
        throws -> [Feature]
    {
        let clock = ContinuousClock()
        var current = batch
        for transform in transforms {
            let started = clock.now
            var passed: [Feature] = []
            passed.reserveCapacity(current.count)
            for feature in current {
                if let output = try transform.apply(feature) { passed.append(output) }
            }
            current = passed
            counts.transformSeconds[transform.name, default: 0] += (clock.now - started).seconds
        }
        return current
    }
}

/// Moves a non-Sendable source to the reader thread. Safe because exactly one thread uses the
/// source at a time: the caller gives it up when `run` starts and only the reader takes it.
private final class Handoff: @unchecked Sendable {
    private var source: (any FeatureSource)?

    init(_ source: any FeatureSource) {
        self.source = source
    }

    func take() -> any FeatureSource {
        defer { source = nil }
        return source!
    }
}

extension Duration {
    /// The duration in seconds, as a Double.
    var seconds: Double {
        let parts = components
        return Double(parts.seconds) + Double(parts.attoseconds) / 1e18
    }
}
