/// What the runner must do after an event. The machine returns these in order; the runner performs the I/O.
///
/// Every request that enters the machine ends with exactly one ``completeRequest(_:)`` or ``failRequest(_:_:)``.
public enum PoolAction: Sendable, Equatable {
    /// Dial a new connection for `request` (httpcore connects lazily inside the first request that owns it).
    /// Report ``PoolStateMachine/connectionEstablished(_:localPort:now:)`` or
    /// ``PoolStateMachine/connectionFailed(_:error:now:)``. When it is established the machine answers
    /// ``execute(_:on:)`` for `request`.
    case createConnection(Int, Origin, request: Int)
    /// `request` was assigned the idle `connection` but has not started on it yet. Report
    /// ``PoolStateMachine/startAttempted(_:now:)`` for these in the order they were returned: the first one wins
    /// the connection, the others (httpcore 1.0.9 only) get `ConnectionNotAvailable` and re-queue.
    case attemptStart(Int, on: Int)
    /// Send `request` on `connection` and read the whole response. Report
    /// ``PoolStateMachine/responseCompleted(_:keepAlive:now:)`` or ``PoolStateMachine/requestFailed(_:error:now:)``.
    case execute(Int, on: Int)
    /// Close the connection's socket (idempotent; it may already be closed or still connecting).
    case closeConnection(Int, CloseReason)
    /// The request finished: hand its response to the caller.
    case completeRequest(Int)
    /// The request ended with an error.
    case failRequest(Int, PoolError)
    /// Start the pool-timeout timer; report ``PoolStateMachine/poolTimeoutFired(_:now:)`` when it expires.
    case scheduleTimer(PoolTimer)
    /// Stop a timer scheduled earlier (the request got a connection, or ended).
    case cancelTimer(PoolTimer)
}
