extension PoolStateMachine {
    /// The request's task was cancelled right after its connection's TCP connect, before anything was sent
    /// (a `Task.cancel()` landing at the first suspension after `connection.connect_tcp.complete`).
    ///
    /// - httpcore 1.0.9: `AsyncHTTP11Connection.handle_async_request` takes `_state_lock` (`http11.py:72`) before
    ///   its `try`, and that lock is a plain `anyio.Lock()` whose uncontended acquire still yields
    ///   (`_synchronization.py:68`). The cancellation lands there, so no cleanup runs: the connection stays
    ///   connected in state NEW with `Request Count: 0`. NEW is not idle, not available and never expires, so no
    ///   pass removes it and it holds a `max_connections` slot for good. The pool's `except` removes the request
    ///   only (`connection_pool.py:248-252`).
    /// - httpcore2: the lock is fast-acquire (`_synchronization.py:69`), so the cancellation lands at the first send,
    ///   whose cleanup closes the connection (`http11.py:142-150`); the pass removes it.
    ///
    /// Ignored unless the request is started on a connection that is still CONNECTING.
    public mutating func requestCancelledAfterConnect(_ id: RequestID, localPort: Int?, now: Double) -> [PoolAction] {
        guard let r = requestIndex(id), case .started(let connectionID) = requests[r].phase,
            let c = connectionIndex(connectionID), connections[c].state == .connecting
        else { return [] }
        connections[c].localPort = localPort
        log(now, .connectionEstablished(connection: connectionID))
        switch configuration.algorithm {
        case .httpcore1:
            connections[c].state = .new
            log(now, .connectionLeftNew(connection: connectionID, request: id))
        case .httpcore2:
            connections[c].state = .closed
            connections[c].closeReason = .error
            housekeepingDue = true
        }
        var actions = [endRequest(at: r, error: .cancelled, now: now)]
        assignmentPass(now: now, into: &actions)
        return actions
    }

    /// The request's task was cancelled while its response closed: anywhere from the response head to the end of
    /// `PoolByteStream.aclose()` when the body is small enough to be buffered already.
    ///
    /// `aclose()` sets `_closed = True` (`connection_pool.py:411`), then awaits the connection's cleanup, and only
    /// after that removes the request and runs a pass (`:416-420`). A cancellation landing in the cleanup skips both:
    /// the request stays in the pool's list ("active" in the repr) and the caller's retry finds the stream closed
    /// (encode/httpcore#1115). The anyio shield around the cleanup does not stop a native `Task.cancel()`.
    /// - httpcore 1.0.9: the cleanup's `_state_lock` yields (`http11.py:239`) before the state changes, so the
    ///   connection stays ACTIVE for good and its slot is lost.
    /// - httpcore2: the lock does not yield. With `keepAlive` nothing in the close suspends, so the close completes
    ///   and the cancellation lands later, outside the pool (the same as ``responseCompleted(_:keepAlive:now:)``).
    ///   Without it the cleanup sets CLOSED and then awaits the socket's close (`http11.py:331-334`): the request is
    ///   stranded, but the closed connection is removed at the next pass, so no slot is lost.
    ///
    /// Ignored unless the request is started on an ACTIVE connection and not already stranded.
    public mutating func requestCancelledWhileClosing(_ id: RequestID, keepAlive: Bool, now: Double) -> [PoolAction] {
        guard let r = requestIndex(id), !requests[r].stranded, case .started(let connectionID) = requests[r].phase,
            let c = connectionIndex(connectionID), connections[c].state == .active
        else { return [] }
        switch configuration.algorithm {
        case .httpcore1:
            break
        case .httpcore2 where keepAlive:
            return responseCompleted(id, keepAlive: true, now: now)
        case .httpcore2:
            connections[c].state = .closed
            connections[c].closeReason = .notReusable
            housekeepingDue = true
        }
        strand(requestAt: r, on: c, now: now)
        return []
    }

    /// An exception raised in the request's trace callback at `http11.response_closed.started`: it propagates from
    /// the `Trace` block around `_response_closed()` (`http11.py:342-345`) before the cleanup runs, and out of
    /// `PoolByteStream.aclose()` before the removal (`connection_pool.py:411-420`). In both libraries the request is
    /// stranded and its connection stays ACTIVE for good (with httpcore2 too: no lock is involved).
    public mutating func requestFailedBeforeClose(_ id: RequestID, now: Double) -> [PoolAction] {
        guard let r = requestIndex(id), !requests[r].stranded, case .started(let connectionID) = requests[r].phase,
            let c = connectionIndex(connectionID), connections[c].state == .active
        else { return [] }
        strand(requestAt: r, on: c, now: now)
        return []
    }

    /// The request at `r` stays in the list for good, on the connection at `c`.
    private mutating func strand(requestAt r: Int, on c: Int, now: Double) {
        requests[r].stranded = true
        strandedCount += 1
        counters.failed += 1
        let (request, connection, closed) = (requests[r].id, connections[c].id, connections[c].state == .closed)
        log(now, .requestStranded(request: request, connection: connection, connectionClosed: closed))
    }

    /// The request connecting the listed connection `id`, while it is CONNECTING: the one whose task takes its
    /// `_state_lock` once the connect is done.
    public func connectingOwner(of id: ConnectionID) -> RequestID? {
        guard let c = connectionIndex(id), connections[c].state == .connecting else { return nil }
        return requests.first { $0.phase == .started(connection: id) }?.id
    }

    /// Whether the request is stranded (``requestCancelledWhileClosing(_:keepAlive:now:)``).
    public func isStranded(_ id: RequestID) -> Bool {
        requestIndex(id).map { requests[$0].stranded } ?? false
    }

    /// Requests stranded in the list for good.
    public var strandedRequestCount: Int { strandedCount }
}
