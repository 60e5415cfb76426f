/// A pool-timeout timer, as data: the runner sleeps until `deadline` and reports it back.
///
/// httpcore wraps each wait for a connection in a fresh `anyio.fail_after(pool)`
/// (`httpcore/_synchronization.py:137-151`), so a request gets a new timer every time it starts waiting: on arrival
/// and after each `ConnectionNotAvailable` re-queue. `id` tells a stale timer from the current one.
public struct PoolTimer: Sendable, Hashable {
    /// Unique within one machine; increases with every timer scheduled.
    public var id: Int
    /// The request that waits.
    public var requestID: Int
    /// When `PoolTimeout` fires, in the machine's seconds.
    public var deadline: Double

    public init(id: Int, requestID: Int, deadline: Double) {
        self.id = id
        self.requestID = requestID
        self.deadline = deadline
    }
}
