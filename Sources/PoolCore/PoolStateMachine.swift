/// httpcore's connection pool as a value: events in, ``PoolAction``s out.
///
/// The machine mirrors `AsyncConnectionPool` of httpcore 1.0.9 or httpcore2 2.16.2 (``PoolAlgorithm``):
/// one flat FIFO list of requests, one flat list of connections in creation order, and an assignment pass
/// (`_assign_requests_to_connections`) that runs only when something happens — a request arrives, re-queues,
/// fails, is cancelled, or its response closes. There is no background work: expiry and server closes are noticed
/// lazily, at the next pass.
///
/// It is pure: time (`now`, seconds on any monotonic clock) and request IDs come in as arguments; connection IDs
/// and timer IDs are numbered 1, 2, 3, … by the machine. Events about unknown or finished requests and
/// connections return no actions, because a runner may report them after a race (e.g. a response arriving after a
/// cancel).
public struct PoolStateMachine: Sendable {
    public typealias RequestID = Int
    public typealias ConnectionID = Int

    public let configuration: PoolConfiguration
    var connections: [Connection] = []
    /// Connections ``acloseConnections(now:)`` dropped while a request was connecting on them: no longer listed,
    /// still serving that one request.
    var orphans: [Connection] = []
    var requests: [Request] = []
    var counters = PoolCounters()
    /// Requests in the `queued` phase, kept with every phase change so the peaks cost nothing to track.
    var queuedCount = 0
    /// Requests in the `started` phase: sending or reading on a connection (or connecting one of their own).
    var startedCount = 0
    /// Stranded requests (``requestCancelledWhileClosing(_:keepAlive:now:)``): in the list for good.
    var strandedCount = 0
    /// The bounded history of what happened.
    public private(set) var eventLog: PoolEventLog
    var nextConnectionID = 1
    var nextTimerID = 1
    /// `aclose()` was called; new requests fail with `PoolError.poolClosed`.
    public private(set) var isClosed = false
    /// A pass's housekeeping (A) may have something to remove: a connection closed, failed or was closed by the peer,
    /// or a request holding one ended. Cleared by a full housekeeping walk. (Performance only: a pass that skips the
    /// walk would have removed nothing.)
    var housekeepingDue = false
    /// No connection's `expire_at` is earlier than this (a lower bound, refreshed by each full housekeeping walk).
    var earliestExpiry = Double.infinity
    /// A buffer httpcore2's pass reuses for its candidate connections (no allocation per pass).
    var scratchConnectionIDs: [ConnectionID] = []
    /// Every request ID so far arrived above the one before (runners number them so): then a binary search of the
    /// FIFO list is authoritative, and a miss needs no linear scan.
    var requestIDsIncrease = true
    /// The request whose own task runs the current pass (it just arrived, or just re-queued), if any. What a pass
    /// hands to this request needs no wake-up: `wait_for_connection` returns at once when the connection is already
    /// set (`connection_pool.py:32-36`). Every other request it serves is woken (an anyio event) and starts only when
    /// its task next runs.
    var passOwner: RequestID?

    /// Creates an empty pool.
    ///
    /// - Parameters:
    ///   - configuration: limits and algorithm.
    ///   - eventLogCapacity: how many log entries to keep.
    public init(configuration: PoolConfiguration, eventLogCapacity: Int = 512) {
        self.configuration = configuration
        self.eventLog = PoolEventLog(capacity: eventLogCapacity)
    }

    // MARK: Events

    /// A request enters the pool (`handle_async_request`, `connection_pool.py:218-230`): it joins the FIFO queue,
    /// a pass runs, and if it is still queued its pool timer starts.
    ///
    /// - Parameters:
    ///   - id: a new request ID, unique for this machine.
    ///   - origin: where it goes.
    ///   - poolTimeout: `Timeout.pool` in seconds, `nil` for None.
    ///   - now: the current time.
    public mutating func requestArrived(
        _ id: RequestID,
        origin: Origin,
        poolTimeout: Double?,
        now: Double
    )
        -> [PoolAction]
    {
        var actions: [PoolAction] = []
        requestArrived(id, origin: origin, poolTimeout: poolTimeout, now: now, into: &actions)
        return actions
    }

    /// ``requestArrived(_:origin:poolTimeout:now:)`` appending its actions to `actions` (no allocation per event).
    public mutating func requestArrived(
        _ id: RequestID,
        origin: Origin,
        poolTimeout: Double?,
        now: Double,
        into actions: inout [PoolAction]
    ) {
        precondition(
            (requestIDsIncrease && (requests.last.map { $0.id < id } ?? true)) || requestIndex(id) == nil,
            "Request \(id) is already in the pool")
        guard !isClosed else {
            counters.failed += 1
            log(now, .requestFailed(request: id, error: .poolClosed))
            actions.append(.failRequest(id, .poolClosed))
            return
        }
        if let last = requests.last, last.id >= id { requestIDsIncrease = false }
        requests.append(Request(id: id, origin: origin, poolTimeout: poolTimeout, phase: .queued(timer: nil)))
        queuedCount += 1
        log(now, .requestArrived(request: id, origin: origin))
        ownPass(id, now: now, into: &actions)
        startWaiting(id, now: now, into: &actions)
    }

    /// A pass run by request `id`'s own task (``passOwner``).
    mutating func ownPass(_ id: RequestID, now: Double, into actions: inout [PoolAction]) {
        passOwner = id
        assignmentPass(now: now, into: &actions)
        passOwner = nil
    }

    /// The task of a request a pass handed a connection has resumed from `wait_for_connection`: the pool timeout
    /// (`fail_after(pool)`, `_synchronization.py:137-151`) no longer applies, so its timer is cancelled. Under
    /// httpcore 1.0.9 the request then still passes the connection's locks before its start attempt
    /// (``startAttempted(_:now:)``), during which only a cancellation can end it.
    public mutating func requestWoke(_ id: RequestID, now: Double) -> [PoolAction] {
        guard let r = requestIndex(id), case .assigned = requests[r].phase, let timer = requests[r].assignedTimer
        else { return [] }
        requests[r].assignedTimer = nil
        return [.cancelTimer(timer)]
    }

    /// Whether the request's own task ran the pass that assigned it (it arrived or re-queued there): its task goes
    /// on without waiting (`wait_for_connection` returns at once, `connection_pool.py:32-36`), so the runner delivers
    /// its start attempt in the same step rather than at a wake-up.
    public func isAssignedByItsOwnPass(_ id: RequestID) -> Bool {
        guard let r = requestIndex(id), case .assigned = requests[r].phase else { return false }
        return requests[r].assignedByOwnPass
    }

    /// Whether the connection (listed, or an orphan of ``acloseConnections(now:)``) is still CONNECTING: a dial the
    /// runner put off is still wanted.
    public func isConnecting(_ id: ConnectionID) -> Bool {
        if let c = connectionIndex(id) { return connections[c].state == .connecting }
        return orphanIndex(id).map { orphans[$0].state == .connecting } ?? false
    }

    /// Whether the connection is listed and nobody has started connecting it yet (a fresh connection a pass made
    /// for another request): such a start attempt needs no lock, its request connects it.
    public func isUndialled(_ id: ConnectionID) -> Bool {
        guard let c = connectionIndex(id) else { return false }
        return connections[c].state == .connecting && !connections[c].connectStarted
    }

    /// The runner delivers the start attempt of a request that a pass assigned to a connection
    /// (``PoolAction/attemptStart(_:on:)``), when the request's task next runs, in assignment order.
    ///
    /// Its pool timer, if still running, is cancelled: the task has left `wait_for_connection`. If the connection is
    /// still idle the request wins it (`http11.py:72-78`: `Request Count` + 1, ACTIVE, `expire_at` cleared). If it is
    /// the new connection a pass created for it, the request starts connecting it (``PoolAction/createConnection(_:_:request:)``;
    /// `connection.py:69-103`). Otherwise — another request started first, or a pass closed it — httpcore raises
    /// `ConnectionNotAvailable`: the request re-queues in its old place, runs a pass, and waits with a fresh timer
    /// (`connection_pool.py:239-244`).
    public mutating func startAttempted(_ id: RequestID, now: Double) -> [PoolAction] {
        var actions: [PoolAction] = []
        startAttempted(id, now: now, into: &actions)
        return actions
    }

    /// ``startAttempted(_:now:)`` appending its actions to `actions`.
    public mutating func startAttempted(_ id: RequestID, now: Double, into actions: inout [PoolAction]) {
        guard let r = requestIndex(id), case .assigned(let connectionID) = requests[r].phase else { return }
        if let timer = requests[r].assignedTimer {
            requests[r].assignedTimer = nil
            actions.append(.cancelTimer(timer))
        }
        if let c = connectionIndex(connectionID) {
            if connections[c].state == .idle {
                start(requestAt: r, onIdle: c, now: now, into: &actions)
                return
            }
            if connections[c].state == .connecting && !connections[c].connectStarted {
                connections[c].connectStarted = true
                startConnecting(requestAt: r, connection: connectionID, now: now, into: &actions)
                return
            }
        } else if let o = orphanIndex(connectionID), orphans[o].state == .connecting, !orphans[o].connectStarted {
            // `aclose()` dropped the fresh connection before its request woke: the request connects it anyway,
            // outside the pool (``acloseConnections(now:)``).
            orphans[o].connectStarted = true
            startConnecting(requestAt: r, connection: connectionID, now: now, into: &actions)
            return
        }
        requests[r].phase = .queued(timer: nil)
        queuedCount += 1
        counters.requeues += 1
        log(now, .requestRequeued(request: id, connection: connectionID))
        ownPass(id, now: now, into: &actions)
        startWaiting(id, now: now, into: &actions)
    }

    /// The request at `r` wins the idle connection at `c` (`http11.py:72-78`).
    mutating func start(requestAt r: Int, onIdle c: Int, now: Double, into actions: inout [PoolAction]) {
        let id = requests[r].id
        let connectionID = connections[c].id
        connections[c].state = .active
        connections[c].requestCount += 1
        connections[c].expireAt = nil
        counters.reused += 1
        requests[r].phase = .started(connection: connectionID)
        recordStarted()
        log(now, .requestStarted(request: id, connection: connectionID))
        actions.append(.execute(id, on: connectionID))
    }

    /// The request at `r` begins connecting the fresh connection it was handed: the runner dials it now.
    mutating func startConnecting(
        requestAt r: Int, connection: ConnectionID, now: Double, into actions: inout [PoolAction]
    ) {
        requests[r].phase = .started(connection: connection)
        recordStarted()
        actions.append(.createConnection(connection, requests[r].origin, request: requests[r].id))
    }

    /// The TCP connect finished; the request that owns the connection starts on it.
    public mutating func connectionEstablished(_ id: ConnectionID, localPort: Int?, now: Double) -> [PoolAction] {
        if let actions = orphanEvent(id, .established(localPort: localPort), now: now) { return actions }
        guard let c = connectionIndex(id), connections[c].state == .connecting,
            let r = requests.firstIndex(where: { $0.phase == .started(connection: id) })
        else { return [] }
        return established(at: c, orphan: false, request: requests[r].id, localPort: localPort, now: now)
    }

    /// A connecting connection (pooled, or an orphan of `acloseConnections`) is up: its owner starts on it.
    mutating func established(at index: Int, orphan: Bool, request: RequestID, localPort: Int?, now: Double)
        -> [PoolAction]
    {
        func start(_ connection: inout Connection) -> ConnectionID {
            connection.state = .active
            connection.requestCount += 1
            connection.localPort = localPort
            return connection.id
        }
        let id = orphan ? start(&orphans[index]) : start(&connections[index])
        log(now, .connectionEstablished(connection: id))
        log(now, .requestStarted(request: request, connection: id))
        return [.execute(request, on: id)]
    }

    /// The connect failed: the owning request fails with `error`, and the pass removes the connection
    /// (`connect_failed` makes `is_closed()` true).
    public mutating func connectionFailed(_ id: ConnectionID, error: PoolError, now: Double) -> [PoolAction] {
        if let actions = orphanEvent(id, .failed(error), now: now) { return actions }
        guard let c = connectionIndex(id), connections[c].state == .connecting else { return [] }
        connections[c].state = .connectionFailed
        connections[c].closeReason = .error
        housekeepingDue = true
        var actions: [PoolAction] = []
        if let r = requests.firstIndex(where: { $0.phase == .started(connection: id) }) {
            actions.append(endRequest(at: r, error: error, now: now))
        }
        return actions + assignmentPass(now: now)
    }

    /// The response was read to its end and closed (`PoolByteStream.aclose()`, `connection_pool.py:409-420`).
    ///
    /// With `keepAlive` the connection goes IDLE with `expire_at = now + keepalive_expiry`; without, it closes
    /// (`http11.py:238-250`). The request leaves the pool and a pass runs.
    public mutating func responseCompleted(_ id: RequestID, keepAlive: Bool, now: Double) -> [PoolAction] {
        var actions: [PoolAction] = []
        responseCompleted(id, keepAlive: keepAlive, now: now, into: &actions)
        return actions
    }

    /// ``responseCompleted(_:keepAlive:now:)`` appending its actions to `actions`.
    public mutating func responseCompleted(
        _ id: RequestID, keepAlive: Bool, now: Double, into actions: inout [PoolAction]
    ) {
        guard let r = requestIndex(id), !requests[r].stranded, case .started(let connectionID) = requests[r].phase
        else { return }
        if !orphans.isEmpty, let orphanActions = orphanEvent(connectionID, .completed, now: now) {
            actions += orphanActions
            return
        }
        guard let c = connectionIndex(connectionID), connections[c].state == .active else { return }
        requests.remove(at: r)
        startedCount -= 1
        if keepAlive {
            connections[c].state = .idle
            if let expiry = configuration.keepaliveExpiry {
                connections[c].expireAt = now + expiry
                earliestExpiry = min(earliestExpiry, now + expiry)
            } else {
                connections[c].expireAt = nil
            }
        } else {
            connections[c].state = .closed
            connections[c].closeReason = .notReusable
            housekeepingDue = true
        }
        counters.completed += 1
        log(now, .responseCompleted(request: id, connection: connectionID, keepAlive: keepAlive))
        actions.append(.completeRequest(id))
        assignmentPass(now: now, into: &actions)
    }

    /// Sending or reading failed mid-request: the connection closes, the request fails with `error`, a pass runs.
    public mutating func requestFailed(_ id: RequestID, error: PoolError, now: Double) -> [PoolAction] {
        if let r = requestIndex(id), case .started(let connectionID) = requests[r].phase,
            let actions = orphanEvent(connectionID, .failed(error), now: now)
        {
            return actions
        }
        guard let r = requestIndex(id), !requests[r].stranded, case .started(let connectionID) = requests[r].phase,
            let c = connectionIndex(connectionID), connections[c].state == .active
        else { return [] }
        connections[c].state = .closed
        connections[c].closeReason = .error
        housekeepingDue = true
        var actions = [endRequest(at: r, error: error, now: now)]
        assignmentPass(now: now, into: &actions)
        return actions
    }

    /// The runner saw the peer close the connection (EOF). Only recorded: the next pass drops the connection if it
    /// is idle then, as httpcore's readability probe in `has_expired()` would.
    public mutating func peerClosed(_ id: ConnectionID) {
        guard let c = connectionIndex(id) else { return }
        connections[c].peerClosed = true
        housekeepingDue = true
    }

    /// A pool-timeout timer fired. If it is the current timer of a still-queued request, that request fails with
    /// `PoolTimeout` (empty message), leaves the queue, and a pass runs. Stale timers are ignored.
    public mutating func poolTimeoutFired(_ timer: PoolTimer, now: Double) -> [PoolAction] {
        var actions: [PoolAction] = []
        poolTimeoutFired(timer, now: now, into: &actions)
        return actions
    }

    /// ``poolTimeoutFired(_:now:)`` appending its actions to `actions`.
    ///
    /// The timer of a request that another request's pass has already served but whose task has not resumed yet
    /// (``RequestPhase/assigned(connection:)``) still counts: anyio's `fail_after` cancels the task before it leaves
    /// `wait_for_connection`, and it raises `PoolTimeout` holding a connection (`connection_pool.py:232`, `:248-252`).
    /// An idle connection it held stays idle; a fresh one under httpcore 1.0.9 stays CONNECTING with nobody to dial
    /// it (``ConnectionSnapshot/isOwnerless``) — how the pool's own timeout poisons it with no user cancellation.
    public mutating func poolTimeoutFired(_ timer: PoolTimer, now: Double, into actions: inout [PoolAction]) {
        guard let r = requestIndex(timer.requestID), requests[r].liveTimer == timer else { return }
        actions.append(endRequest(at: r, error: .poolTimeout, now: now))
        assignmentPass(now: now, into: &actions)
    }

    /// The caller cancelled the request (`connection_pool.py:248-256`). A request that was connecting or running
    /// takes its connection down with it (httpcore sets `connect_failed`, or closes the half-used HTTP/1.1
    /// connection); an assigned-but-unstarted request leaves its idle connection idle, and its fresh, never dialled
    /// connection CONNECTING: httpcore 1.0.9's `except` removes the request only (`connection_pool.py:248-252`), so
    /// nothing reclaims that slot (encode/httpcore#1093, #1099); httpcore2's next pass — the one this cancellation
    /// runs — drops it, because it is neither connected nor held (pydantic/httpx2#983).
    public mutating func requestCancelled(_ id: RequestID, now: Double) -> [PoolAction] {
        guard let r = requestIndex(id), !requests[r].stranded else { return [] }
        housekeepingDue = true
        var actions: [PoolAction] = []
        switch requests[r].phase {
        case .queued(let timer):
            if let timer { actions.append(.cancelTimer(timer)) }
        case .assigned:
            if let timer = requests[r].assignedTimer { actions.append(.cancelTimer(timer)) }
        case .started(let connectionID):
            if let c = connectionIndex(connectionID) {
                switch connections[c].state {
                case .connecting:
                    connections[c].state = .connectionFailed
                    connections[c].closeReason = .error
                case .active:
                    connections[c].state = .closed
                    connections[c].closeReason = .error
                case .new, .idle, .closed, .connectionFailed:
                    break
                }
            } else if let orphanActions = orphanEvent(connectionID, .cancelled, now: now) {
                return orphanActions
            }
        }
        actions.append(endRequest(at: r, error: .cancelled, now: now))
        return actions + assignmentPass(now: now)
    }

    /// `pool.aclose()`: every connection is closed and removed; every request still in the pool fails with
    /// `PoolError.poolClosed` (httpx refuses later sends with the same wording); later arrivals fail the same way.
    public mutating func close(now: Double) -> [PoolAction] {
        guard !isClosed else { return [] }
        isClosed = true
        var actions: [PoolAction] = []
        while !requests.isEmpty {
            if let timer = requests[0].liveTimer { actions.append(.cancelTimer(timer)) }
            actions.append(endRequest(at: 0, error: .poolClosed, now: now))
        }
        while !connections.isEmpty {
            actions.append(removeConnection(at: 0, reason: .poolClosed, now: now))
        }
        // Orphans of `acloseConnections` were counted when they left the list; only their sockets remain.
        actions += orphans.filter { $0.state != .closed }.map { .closeConnection($0.id, .poolClosed) }
        orphans.removeAll()
        log(now, .poolClosed)
        return actions
    }

    // MARK: Queries

    /// What `repr(pool)` and `pool.connections` show now.
    public var snapshot: PoolSnapshot {
        PoolSnapshot(
            activeRequests: requests.count - queuedCount,
            queuedRequests: queuedCount,
            connections: connections.map { connection in
                let unstarted = connection.state == .connecting && !connection.connectStarted
                return connection.snapshot(
                    held: unstarted && requests.contains { $0.phase == .assigned(connection: connection.id) },
                    stranded: strandedCount > 0 && connection.state == .active
                        && requests.contains { $0.stranded && $0.phase == .started(connection: connection.id) })
            },
            counters: counters
        )
    }

    /// Where the request is, or `nil` if it is not (or no longer) in the pool.
    public func phase(of id: RequestID) -> RequestPhase? {
        requestIndex(id).map { requests[$0].phase }
    }

    /// Requests waiting in the queue now (no copy of the lists: cheap enough to read after every event).
    public var queuedRequestCount: Int { queuedCount }

    /// Requests in the pool now, queued or not.
    public var requestCount: Int { requests.count }

    /// Connections in the pool's list now (any state).
    public var connectionCount: Int { connections.count }

    /// Listed connections nobody has started connecting yet: handed to a request whose task has not run, or left
    /// behind when that request ended first (``ConnectionSnapshot/isOwnerless``). The runner has no socket for them.
    public var undialledConnectionIDs: [ConnectionID] {
        connections.filter { $0.state == .connecting && !$0.connectStarted }.map(\.id)
    }

    /// The running totals (the same value as ``snapshot``'s `counters`, without building the snapshot).
    public var currentCounters: PoolCounters { counters }

    /// Request IDs in the pool, in arrival (FIFO) order.
    public var requestIDs: [RequestID] { requests.map(\.id) }

    // MARK: Helpers

    /// Runners number requests in arrival order and the list keeps that order, so a binary search finds the
    /// request; a linear scan keeps any other numbering correct (``requestIDsIncrease``).
    func requestIndex(_ id: RequestID) -> Int? {
        // The newest request is the one most events are about (it just arrived, or just re-queued).
        if let last = requests.indices.last, requests[last].id == id { return last }
        var low = 0
        var high = requests.count - 1
        while low <= high {
            let mid = (low + high) >> 1
            let value = requests[mid].id
            if value == id { return mid }
            if value < id { low = mid + 1 } else { high = mid - 1 }
        }
        return requestIDsIncrease ? nil : requests.firstIndex { $0.id == id }
    }
    /// Connections are listed in creation order, which is ID order.
    func connectionIndex(_ id: ConnectionID) -> Int? {
        var low = 0
        var high = connections.count - 1
        while low <= high {
            let mid = (low + high) >> 1
            let value = connections[mid].id
            if value == id { return mid }
            if value < id { low = mid + 1 } else { high = mid - 1 }
        }
        // The machine numbers connections 1, 2, 3, … as it appends them, so the list is always sorted.
        return nil
    }

    @inline(__always)
    mutating func log(_ time: Double, _ event: @autoclosure () -> PoolLogEntry.Event) {
        if eventLog.capacity == 0 {
            eventLog.countDropped()
        } else {
            eventLog.append(PoolLogEntry(time: time, event: event()))
        }
    }

    /// Removes a request that ends with an error and returns the action that reports it.
    mutating func endRequest(at index: Int, error: PoolError, now: Double) -> PoolAction {
        if requests[index].phase.isQueued { queuedCount -= 1 } else { housekeepingDue = true }
        if case .started = requests[index].phase { startedCount -= 1 }
        if requests[index].stranded { strandedCount -= 1 }
        let id = requests.remove(at: index).id
        if error == .poolTimeout { counters.poolTimeouts += 1 } else { counters.failed += 1 }
        log(now, .requestFailed(request: id, error: error))
        return .failRequest(id, error)
    }

    /// Starts the pool timer of a request that is queued without one (`wait_for_connection(timeout=pool)`).
    mutating func startWaiting(_ id: RequestID, now: Double, into actions: inout [PoolAction]) {
        guard queuedCount > 0, let r = requestIndex(id), case .queued(timer: nil) = requests[r].phase else { return }
        recordWait()
        guard let poolTimeout = requests[r].poolTimeout else { return }
        let timer = PoolTimer(id: nextTimerID, requestID: id, deadline: now + poolTimeout)
        nextTimerID += 1
        requests[r].phase = .queued(timer: timer)
        actions.append(.scheduleTimer(timer))
    }

    /// A request stays queued after a pass: one more wait, and perhaps a new queue peak.
    mutating func recordWait() {
        counters.waits += 1
        counters.peakQueued = max(counters.peakQueued, queuedCount)
    }

    /// A queued request was handed a connection (idle, or one opened for it).
    mutating func recordLeftQueue() {
        queuedCount -= 1
    }

    /// A request began on a connection. The active peak counts started requests, not ones merely assigned in a
    /// pass: httpcore 1.0.9 can assign one idle connection to every queued request at once, and all but one of
    /// them re-queue before anything is sent.
    mutating func recordStarted() {
        startedCount += 1
        counters.peakActive = max(counters.peakActive, startedCount)
    }

    /// Starts a span: the peaks restart from the pool's present levels (``SpanCounters``).
    public mutating func markSpan() {
        counters.peakQueued = queuedCount
        counters.peakActive = startedCount
    }

    /// Removes a connection from the list, counts it, and returns the close action.
    mutating func removeConnection(at index: Int, reason: CloseReason, now: Double) -> PoolAction {
        let id = connections.remove(at: index).id
        counters.recordClose(reason)
        log(now, .connectionClosed(connection: id, reason: reason))
        return .closeConnection(id, reason)
    }
}
