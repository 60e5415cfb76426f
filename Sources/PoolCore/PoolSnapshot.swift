/// The pool as `repr(pool)` and `pool.connections` show it, plus running counters.
public struct PoolSnapshot: Sendable, Equatable {
    /// Requests assigned to a connection, until their response is closed (httpcore: `not is_queued()`).
    public var activeRequests: Int
    /// Requests waiting for an assignment.
    public var queuedRequests: Int
    /// In creation order, as `pool.connections` lists them.
    public var connections: [ConnectionSnapshot]
    public var counters: PoolCounters

    public init(activeRequests: Int, queuedRequests: Int, connections: [ConnectionSnapshot], counters: PoolCounters) {
        self.activeRequests = activeRequests
        self.queuedRequests = queuedRequests
        self.connections = connections
        self.counters = counters
    }

    /// Connections that are not idle: connecting, active (and closed, not yet removed). httpcore counts
    /// `not is_idle()` (`connection_pool.py:366-386`).
    public var activeConnections: Int { connections.count { !$0.state.isIdle } }
    /// Connections for which httpcore's `is_idle()` is true.
    public var idleConnections: Int { connections.count { $0.state.isIdle } }

    /// `<AsyncConnectionPool [Requests: 5 active, 15 queued | Connections: 5 active, 0 idle]>` for className
    /// `AsyncConnectionPool` (`ConnectionPool` for sync clients).
    public func repr(className: String) -> String {
        "<\(className) [Requests: \(activeRequests) active, \(queuedRequests) queued | "
            + "Connections: \(activeConnections) active, \(idleConnections) idle]>"
    }

    /// `repr(pool.connections)`: `[<AsyncHTTPConnection [...]>, ...]`.
    public func connectionsRepr(className: String) -> String {
        "[" + connections.map { $0.repr(className: className) }.joined(separator: ", ") + "]"
    }
}
