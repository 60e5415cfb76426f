/// One line of the pool's history, for teaching views ("t=0.31 request 6 re-queued: connection 1 taken").
public struct PoolLogEntry: Sendable, Equatable {
    /// What happened.
    public enum Event: Sendable, Equatable {
        /// A request joined the FIFO queue.
        case requestArrived(request: Int, origin: Origin)
        /// A pass created a connection for the request.
        case connectionCreated(connection: Int, origin: Origin, request: Int)
        /// A pass assigned an existing idle connection to the request (start still pending).
        case requestAssigned(request: Int, connection: Int)
        /// The request began on the connection (`Request Count` went up).
        case requestStarted(request: Int, connection: Int)
        /// One TCP connect attempt of a CONNECTING connection failed (`connection.py:154-161`). `retryDelay` is the
        /// backoff before the next attempt (0, 0.5, 1, 2 … s), `nil` when no retries are left and `error` goes to the
        /// request. `connection` is `nil` when the runner's report matched no connecting connection.
        case connectAttemptFailed(connection: Int?, attempt: Int, error: PoolError, retryDelay: Double?)
        /// The connection's TCP connect finished.
        case connectionEstablished(connection: Int)
        /// The request found its assigned connection taken or closed (`ConnectionNotAvailable`) and re-queued.
        case requestRequeued(request: Int, connection: Int)
        /// The response was read to its end; `keepAlive` says whether the connection went idle.
        case responseCompleted(request: Int, connection: Int, keepAlive: Bool)
        /// The request ended with an error (including `PoolTimeout` and cancellation).
        case requestFailed(request: Int, error: PoolError)
        /// The pool let go of a connection.
        case connectionClosed(connection: Int, reason: CloseReason)
        /// The request was cancelled right after its connection's TCP connect, at httpcore 1.0.9's `_state_lock`
        /// (`http11.py:72`): the connection stays connected in state NEW, with no request.
        case connectionLeftNew(connection: Int, request: Int)
        /// The request was cancelled while its response closed: it stays in the pool's request list for good;
        /// `connectionClosed` says whether its connection was closed (httpcore2, `Connection: close`) or stays ACTIVE.
        case requestStranded(request: Int, connection: Int, connectionClosed: Bool)
        /// `aclose()`.
        case poolClosed
    }

    /// Seconds, on the machine's clock.
    public var time: Double
    public var event: Event

    public init(time: Double, event: Event) {
        self.time = time
        self.event = event
    }
}
