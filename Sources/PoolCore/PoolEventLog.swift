import DequeModule

/// A bounded log of ``PoolLogEntry`` values: the newest `capacity` entries, oldest first.
public struct PoolEventLog: Sendable, Equatable {
    /// The most entries kept; older ones are dropped and counted in ``droppedCount``.
    public let capacity: Int
    private var storage: Deque<PoolLogEntry> = []
    /// Entries dropped because the log was full.
    public private(set) var droppedCount = 0

    public init(capacity: Int) {
        self.capacity = max(0, capacity)
    }

    /// Kept entries, oldest first.
    public var entries: [PoolLogEntry] { Array(storage) }

    /// The oldest kept entry matching `predicate`, found without copying the log.
    public func first(where predicate: (PoolLogEntry) -> Bool) -> PoolLogEntry? {
        storage.first(where: predicate)
    }

    /// The newest kept entry matching `predicate`, found without copying the log.
    public func last(where predicate: (PoolLogEntry) -> Bool) -> PoolLogEntry? {
        storage.last(where: predicate)
    }

    /// Counts an entry a zero-capacity log does not keep (without building it).
    mutating func countDropped() {
        droppedCount += 1
    }

    mutating func append(_ entry: PoolLogEntry) {
        guard capacity > 0 else {
            droppedCount += 1
            return
        }
        if storage.count == capacity {
            storage.removeFirst()
            droppedCount += 1
        }
        storage.append(entry)
    }
}
