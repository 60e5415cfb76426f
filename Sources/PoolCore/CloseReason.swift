/// Why the pool let go of a connection. Counted in ``PoolCounters/closedByReason`` and written to the event log.
public enum CloseReason: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// Closed by the `max_keepalive_connections` trim (httpcore 1.0.9 compares the total connection count).
    case keepAliveLimit
    /// Idle longer than `keepalive_expiry` (`now > expire_at`), noticed at a pass.
    case expired
    /// The server closed the idle connection (httpcore's readability probe), noticed at a pass.
    case serverClosed
    /// The response could not leave the connection reusable (`Connection: close`, unread body).
    case notReusable
    /// At `max_connections`, the oldest idle connection was closed to open one for another origin.
    case evicted
    /// `pool.aclose()`.
    case poolClosed
    /// A connect failure, a transport error mid-request, or a cancellation mid-request.
    case error

    /// Words for teaching views: `keep-alive limit`, `expired`, …
    public var description: String {
        switch self {
        case .keepAliveLimit: "keep-alive limit"
        case .expired: "expired"
        case .serverClosed: "server closed"
        case .notReusable: "not reusable"
        case .evicted: "evicted"
        case .poolClosed: "pool closed"
        case .error: "error"
        }
    }
}
