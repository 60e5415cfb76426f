/// Queue length and open connections over simulated time, in a fixed number of buckets whose width doubles
/// as the run goes on: bounded memory whatever the length of the run.
public struct Timeline: Sendable, Equatable {
    /// One stretch of time: the highest levels seen in it and the levels at its end.
    public struct Bucket: Sendable, Equatable {
        public var peakQueued = 0
        public var peakConnections = 0
        public var lastQueued = 0
        public var lastConnections = 0
        var seen = false
    }

    /// How many buckets the run is folded into.
    public let capacity: Int
    /// The simulated seconds one bucket covers.
    public private(set) var bucketWidth: Double
    public private(set) var buckets: [Bucket]

    public init(capacity: Int = 60, initialWidth: Double = 0.001) {
        self.capacity = max(2, capacity - capacity % 2)
        bucketWidth = initialWidth
        buckets = Array(repeating: Bucket(), count: self.capacity)
    }

    mutating func record(time: Double, queued: Int, connections: Int) {
        var index = Int(time / bucketWidth)
        while index >= capacity {
            fold()
            index = Int(time / bucketWidth)
        }
        buckets[index].peakQueued = max(buckets[index].peakQueued, queued)
        buckets[index].peakConnections = max(buckets[index].peakConnections, connections)
        buckets[index].lastQueued = queued
        buckets[index].lastConnections = connections
        buckets[index].seen = true
    }

    /// Halves the resolution: pairs of buckets become one, twice as wide.
    private mutating func fold() {
        var folded: [Bucket] = []
        folded.reserveCapacity(capacity)
        for pair in stride(from: 0, to: capacity, by: 2) {
            let (a, b) = (buckets[pair], buckets[pair + 1])
            var merged = b.seen ? b : a
            merged.peakQueued = max(a.peakQueued, b.peakQueued)
            merged.peakConnections = max(a.peakConnections, b.peakConnections)
            merged.seen = a.seen || b.seen
            folded.append(merged)
        }
        folded += Array(repeating: Bucket(), count: capacity - folded.count)
        buckets = folded
        bucketWidth *= 2
    }

    /// The buckets up to `end` seconds, an unseen bucket carrying the levels its predecessor ended with.
    public func levels(until end: Double) -> [(queued: Int, connections: Int)] {
        let used = min(capacity, max(1, Int((end / bucketWidth).rounded(.up))))
        var result: [(Int, Int)] = []
        var last = (0, 0)
        for bucket in buckets.prefix(used) {
            if bucket.seen {
                result.append((bucket.peakQueued, bucket.peakConnections))
                last = (bucket.lastQueued, bucket.lastConnections)
            } else {
                result.append(last)
            }
        }
        return result
    }
}
