extension PoolStateMachine {
    /// Where a request is in the pool (httpcore's `PoolRequest`, `connection_pool.py:17-40`).
    public enum RequestPhase: Sendable, Hashable {
        /// Waiting in the FIFO queue (`is_queued()`); `timer` is its pool-timeout timer, if `pool` is not None.
        ///
        /// Can transition to: `assigned`, `started` (a new connection), or end (pool timeout, cancel, close).
        case queued(timer: PoolTimer?)
        /// A pass handed it a connection — an idle one, or (when another request's pass made it) a new one not yet
        /// dialled — and its start attempt is pending: its task has not run since (``PoolAction/attemptStart(_:on:)``).
        /// Counts as "active" in the repr.
        ///
        /// Can transition to: `started` (won the idle connection, or began dialling the new one), `queued`
        /// (`ConnectionNotAvailable`), or end (cancelled, or its still-running pool timer fired).
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
        /// The pool timer of an `assigned` request that was woken by another request's pass: `fail_after(pool)`
        /// covers all of `wait_for_connection` (`_synchronization.py:137-151`), and the task has not resumed yet, so
        /// the timer can still fire. Cancelled when the start attempt runs.
        var assignedTimer: PoolTimer?
        /// Its own task's pass assigned it (``PoolStateMachine/passOwner``): it never waited, so nothing wakes it.
        var assignedByOwnPass = false
        /// Cancelled while its response closed: it stays in the list, "active", and no event reaches it again
        /// (``PoolStateMachine/requestCancelledWhileClosing(_:keepAlive:now:)``).
        var stranded = false

        init(id: RequestID, origin: Origin, poolTimeout: Double?, phase: RequestPhase) {
            self.id = id
            self.origin = origin
            self.poolTimeout = poolTimeout
            self.phase = phase
        }

        var queuedTimer: PoolTimer? {
            switch phase {
            case .queued(let timer): timer
            case .assigned, .started: nil
            }
        }

        /// The pool timer still running: the queued request's, or the pending start attempt's.
        var liveTimer: PoolTimer? { queuedTimer ?? assignedTimer }
    }
}
