/// A cap on requests in progress at once (the mock server's `max_concurrent` knob): a request holds a
/// slot from ``admit(_:)`` until ``finish(_:)``.
public struct ConcurrencyLimiter: Sendable, Hashable {
    /// What a request turned away should wait before trying again, as the mock server tells it.
    public static let retryAfter = Duration.milliseconds(100)

    /// Requests allowed in progress at once; `nil`: no limit. A lower value turns new requests away
    /// until enough of those in progress finish.
    public var limit: Int?
    /// The ids of requests admitted and not yet finished.
    public private(set) var inProgress: Set<Int> = []

    /// A limiter with no request in progress.
    public init(limit: Int?) {
        self.limit = limit
    }

    /// Admits request `id` (it takes a slot) unless ``limit`` slots are taken; returns whether it was.
    public mutating func admit(_ id: Int) -> Bool {
        if let limit, inProgress.count >= limit { return false }
        inProgress.insert(id)
        return true
    }

    /// Frees the slot of request `id` (nothing if it holds none).
    public mutating func finish(_ id: Int) {
        inProgress.remove(id)
    }
}
