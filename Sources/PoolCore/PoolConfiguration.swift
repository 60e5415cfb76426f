/// The pool's limits, holding the raw values of `httpx.Limits` plus the algorithm to follow.
///
/// httpx validates nothing (`httpx/_config.py:159-198`): zero, negative and `None` values all reach the pool, which
/// turns them into numbers in `httpcore/_async/connection_pool.py:94-104`. The `effective…` properties are those
/// numbers; the raw values are kept so that reprs can print what the learner typed.
public struct PoolConfiguration: Sendable, Hashable {
    /// `Limits.max_connections`; `nil` is Python's `None` (no limit).
    public var maxConnections: Int?
    /// `Limits.max_keepalive_connections`; `nil` is `None` (no limit).
    public var maxKeepaliveConnections: Int?
    /// `Limits.keepalive_expiry` in seconds; `nil` is `None` (idle connections never expire by time).
    public var keepaliveExpiry: Double?
    /// Whose assignment rules to follow.
    public var algorithm: PoolAlgorithm

    /// Creates a configuration from the raw `httpx.Limits` values.
    ///
    /// - Parameters:
    ///   - maxConnections: `max_connections`, `nil` for `None`.
    ///   - maxKeepaliveConnections: `max_keepalive_connections`, `nil` for `None`.
    ///   - keepaliveExpiry: `keepalive_expiry` in seconds, `nil` for `None`.
    ///   - algorithm: httpcore 1.0.9 or httpcore2 rules.
    public init(maxConnections: Int?, maxKeepaliveConnections: Int?, keepaliveExpiry: Double?, algorithm: PoolAlgorithm)
    {
        self.maxConnections = maxConnections
        self.maxKeepaliveConnections = maxKeepaliveConnections
        self.keepaliveExpiry = keepaliveExpiry
        self.algorithm = algorithm
    }

    /// httpx's `DEFAULT_LIMITS`: `Limits(max_connections=100, max_keepalive_connections=20)`, expiry 5 s.
    public static func httpxDefault(algorithm: PoolAlgorithm) -> PoolConfiguration {
        PoolConfiguration(maxConnections: 100, maxKeepaliveConnections: 20, keepaliveExpiry: 5.0, algorithm: algorithm)
    }

    /// The pool's `_max_connections`: `None` becomes `sys.maxsize` (`Int.max`); 0 and negatives stay as they are,
    /// and then no connection can ever be opened.
    public var effectiveMaxConnections: Int { maxConnections ?? Int.max }

    /// The pool's `_max_keepalive_connections`: `None` becomes `sys.maxsize`, then clamped to
    /// `min(max_connections, max_keepalive_connections)` (`connection_pool.py:98-104`).
    public var effectiveMaxKeepaliveConnections: Int {
        min(effectiveMaxConnections, maxKeepaliveConnections ?? Int.max)
    }
}
