extension PoolStateMachine {
    /// Where a request is in the pool (httpcore's `PoolRequest`, `connection_pool.py:17-40`).
    public enum RequestPhase: Sendable, Hashable {
        /// Waiting in the FIFO queue (`is_queued()`); `timer` is its pool-timeout timer, if `pool` is not None.
        ///
        /// Can transition to: `assigned`, `started` (a new connection), or end (pool timeout, cancel, close).
        case queued(timer: PoolTimer?)
        /// A pass handed it an idle connection; the start attempt is pending. Counts as "active" in the repr.
        ///
        /// Can transition to: `started` (won the connection), `queued` (`ConnectionNotAvailable`), or end.
        case assigned(connection: Int)
        /// It owns the connection: connecting it, or sending and reading on it, until the response is closed.
        ///
        /// Can transition to: end (completed, failed, cancelled, closed).
        case started(connection: Int)

        /// The connection it is assigned to or running on.
        public var connectionID: Int? {
            switch self {
            case .queued: nil
            case .assigned(let connection), .started(let connection): connection
            }
        }

        public var isQueued: Bool {
            switch self {
            case .queued: true
            case .assigned, .started: false
            }
        }
    }

    /// One entry of httpcore's `_requests` list.
    struct Request: Sendable {
        let id: RequestID
        let origin: Origin
        /// `Timeout.pool` in seconds; `nil` waits forever.
        let poolTimeout: Double?
        var phase: RequestPhase

        var queuedTimer: PoolTimer? {
            switch phase {
            case .queued(let timer): timer
            case .assigned, .started: nil
            }
        }
    }
}
