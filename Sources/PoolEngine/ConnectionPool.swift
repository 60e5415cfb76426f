import PoolCore
import Synchronization

/// A live connection pool: PoolCore's ``PoolStateMachine`` driven by real connections and a clock.
///
/// There is one door into the state: every entry point calls `modifyStateAndRunActions`, which locks, feeds the
/// machine one event, turns the returned actions into bookkeeping and spawned tasks, unlocks, and only then closes
/// sockets and resumes callers (the split of async-http-client's `HTTPConnectionPool` and postgres-nio's pool).
///
/// Start attempts (``PoolAction/attemptStart(_:on:)``) run where the request's task would next run: at the back of
/// the loop's ready queue (``PoolEventLoop/callSoon(_:)``), in the order the machine assigned them. The first wins an
/// idle connection and, under httpcore 1.0.9, each loser re-queues and runs its own pass; a fresh connection is
/// dialled only when its request's attempt runs, as httpcore connects inside the request's task.
///
/// The runner talks to sockets only through ``ConnectionFactory`` and ``PoolConnection``. Pool timeouts sleep on the
/// injected clock; nothing else runs in the background (httpcore has no background work either).
public final class ConnectionPool: Sendable {
    /// The limits and algorithm this pool follows.
    public let configuration: PoolConfiguration
    let factory: any ConnectionFactory
    let clock: ConnectionPoolClock
    /// Where reports from the network are applied (``PoolEventLoop``).
    let loop: any PoolEventLoop
    let state: Mutex<State>

    /// Creates an empty pool. Nothing is dialled until a request needs a connection.
    ///
    /// - Parameters:
    ///   - configuration: raw `httpx.Limits` values and the algorithm.
    ///   - factory: opens connections (NIO in the product, a mock in tests).
    ///   - clock: drives pool timeouts and keep-alive expiry; tests inject a manual clock.
    ///   - loop: applies what connections and timers report; an asyncio session passes its loop.
    public init(
        configuration: PoolConfiguration,
        factory: any ConnectionFactory,
        clock: any Clock<Duration> = ContinuousClock(),
        loop: any PoolEventLoop = ImmediateEventLoop()
    ) {
        self.configuration = configuration
        self.factory = factory
        self.clock = ConnectionPoolClock(clock)
        self.loop = loop
        self.state = Mutex(State(machine: PoolStateMachine(configuration: configuration)))
    }

    /// Registers the request synchronously: when this returns, the request is in the pool's FIFO queue (or
    /// assigned) — callers rely on this for deterministic arrival order.
    ///
    /// After ``close()`` the returned request has already failed with `PoolError.poolClosed`.
    ///
    /// - Parameter stream: httpx's `send(stream=True)`: the caller gets the response at its head and the request
    ///   stays active until the caller closes it. Otherwise the pool reads the body and releases the connection
    ///   before the response is delivered.
    /// - Parameter trace: the request's trace callback's gate (``RequestTrace``), for a request sent with
    ///   `extensions={"trace": …}`; it then pauses at each trace point.
    public func submit(_ request: PoolRequest, stream: Bool = false, trace: RequestTrace? = nil) -> PendingRequest {
        let pending = modifyStateAndRunActions { state, now in
            let id = state.nextRequestID
            state.nextRequestID += 1
            let pending = PendingRequest(id: id, streaming: stream) { [weak self] id in self?.cancelWhenTaskRuns(id) }
            state.requests[id] = (request, pending)
            if let trace { state.traces[id] = trace }
            let poolTimeout = request.timeouts.pool.map(ConnectionPoolClock.seconds)
            let actions = state.machine.requestArrived(id, origin: request.origin, poolTimeout: poolTimeout, now: now)
            return (actions, pending)
        }
        if trace != nil { pending.whenFinished { [weak self] in self?.state.withLock { $0.traces[pending.id] = nil } } }
        return pending
    }

    /// The pool's clock now, in seconds since the pool was created (the time its snapshots' `expireAt` uses).
    public var now: Double { clock.now() }

    /// What `repr(pool)` and `pool.connections` show now.
    public var snapshot: PoolSnapshot {
        state.withLock { $0.machine.snapshot }
    }

    /// Starts a counting span (a statement, a lesson step): the peaks in ``PoolCounters`` restart from the pool's
    /// present levels and returns the snapshot the span's ``SpanCounters`` start from.
    @discardableResult
    public func markSpan() -> PoolSnapshot {
        state.withLock {
            $0.machine.markSpan()
            return $0.machine.snapshot
        }
    }

    /// How many of the oldest log entries the bounded log has dropped (0: ``eventLog`` reaches the pool's start).
    public var eventLogDroppedCount: Int {
        state.withLock { $0.machine.eventLog.droppedCount }
    }

    /// The pool's recent history, oldest first, for teaching views.
    public var eventLog: [PoolLogEntry] {
        state.withLock { $0.machine.eventLog.entries }
    }

    /// The oldest entry of ``eventLog`` matching `predicate`, searched in place under the pool's lock.
    public func firstLogEntry(where predicate: (PoolLogEntry) -> Bool) -> PoolLogEntry? {
        state.withLock { $0.machine.eventLog.first(where: predicate) }
    }

    /// The newest entry of ``eventLog`` matching `predicate`, searched in place under the pool's lock.
    public func lastLogEntry(where predicate: (PoolLogEntry) -> Bool) -> PoolLogEntry? {
        state.withLock { $0.machine.eventLog.last(where: predicate) }
    }

    /// True after ``close()``.
    public var isClosed: Bool {
        state.withLock { $0.machine.isClosed }
    }

    /// `await pool.aclose()`: closes every connection and fails every request still in the pool with
    /// `PoolError.poolClosed`; later submits fail the same way. Idempotent.
    public func close() async {
        let observers = modifyStateAndRunActions { state, now in
            let actions = state.machine.close(now: now)
            let observers = Array(state.observers.values)
            state.observers.removeAll()
            let final = state.machine.snapshot
            for observer in observers { observer.yield(final) }
            return (actions, observers)
        }
        for observer in observers { observer.finish() }
    }

    /// `task.cancel()` on the task waiting for request `id`: the pool hears of it when that task next runs and raises
    /// `CancelledError` inside `handle_async_request` (`connection_pool.py:248-252`), not at the `cancel()` call.
    /// Tasks that run before it may still hand it a connection (``PoolStateMachine/requestCancelled(_:now:)``).
    func cancelWhenTaskRuns(_ id: Int) {
        state.withLock { _ = $0.cancelsRequested.insert(id) }
        loop.callSoon { [weak self] in self?.cancel(id) }
    }

    func cancel(_ id: Int) {
        modifyStateAndRunActions { state, now in
            state.cancelsRequested.remove(id)
            return (Self.cancelInWindow(id, in: &state, now: now) ?? state.machine.requestCancelled(id, now: now), ())
        }
    }
}
