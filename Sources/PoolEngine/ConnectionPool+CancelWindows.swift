import PoolCore

/// A traced request (``RequestTrace``) on its way through the pool: it pauses at each of httpcore's trace points, and
/// a cancellation made in the callback lands where httpcore's request suspends next.
///
/// Where that is, after each point (checked against httpx 0.28.1 / httpcore 1.0.9 and httpx2 2.16.2 with a callback
/// that calls `asyncio.current_task().cancel()`, one fresh client per point, a small keep-alive response):
/// - `connect_tcp.started`: inside the connect, whose failure sets `connect_failed` (removed by the pass);
/// - `connect_tcp.complete`: httpcore 1.0.9's `_state_lock` (`http11.py:72`), leaving a NEW orphan
///   (``PoolStateMachine/requestCancelledAfterConnect(_:localPort:now:)``); under httpcore2 as below;
/// - from `send_request_headers.started` to `receive_response_headers.started`: anyio writes without suspending, so
///   the request goes out and the cancellation lands in the read of the response head, whose cleanup closes the
///   connection (``PoolStateMachine/requestCancelled(_:now:)``): the server sees the request;
/// - from `receive_response_headers.complete` to `response_closed.started`: the body is already buffered, so nothing
///   suspends before the response's close, where httpcore 1.0.9 strands the request
///   (``PoolStateMachine/requestCancelledWhileClosing(_:keepAlive:now:)``); httpcore2's keep-alive close does not
///   suspend, so the response completes first;
/// - `response_closed.complete`: after the pool released the connection: only the caller sees the cancellation.
///
/// A traced request's response is read whole and released at once, without the loop turns an untraced close waits
/// (``closeTurns(keepAlive:)``): its callback's awaits stand in for them.
extension ConnectionPool {
    /// A turn in which a cancellation reaching the request (``cancel(_:)``) leaves one of httpcore's leak states.
    enum CancelWindow {
        /// httpcore 1.0.9: the connect is done and the task takes `_state_lock` (`http11.py:72`), one turn; the
        /// connection is held here, not yet in ``State/connections``.
        case stateLock(connection: Int, any PoolConnection)
        /// The whole response is in and the task is closing it (`PoolByteStream.aclose()`): httpcore 1.0.9's
        /// `_state_lock` turn, or httpcore2's socket close when the response was not reusable.
        case closing(keepAlive: Bool)
    }

    /// Under httpcore 1.0.9, holds a connection that just connected for one turn (its task's `_state_lock`
    /// checkpoint, `http11.py:72`) before its request starts on it; a cancellation in that turn leaves it NEW
    /// (``cancelInWindow(_:in:now:)``). False under httpcore2 (fast-acquire lock) or when no request connects it.
    func enterStateLockTurn(_ id: Int, _ connection: any PoolConnection) -> Bool {
        guard configuration.algorithm == .httpcore1 else { return false }
        let request: Int? = state.withLock { state in
            guard !state.abandoned.contains(id), let request = state.machine.connectingOwner(of: id) else { return nil }
            state.dials[id] = nil
            if state.cancelsRequested.contains(request) {
                // Cancelled before the connect was done: it lands inside the connect (`connect_failed`), when the
                // queued cancellation runs; the pass that removes the connection closes its socket.
                state.connections[id] = connection
            } else {
                state.cancelWindows[request] = .stateLock(connection: id, connection)
            }
            return request
        }
        guard let request else { return false }
        loop.callSoon { [weak self] in self?.leaveStateLockTurn(request, connection: id) }
        return true
    }

    /// The task's step after its `_state_lock` checkpoint: a cancellation requested meanwhile lands there (NEW);
    /// otherwise the request starts on the connection.
    private func leaveStateLockTurn(_ request: Int, connection id: Int) {
        let held: (any PoolConnection)? = state.withLock { state in
            guard case .stateLock(id, let connection)? = state.cancelWindows[request],
                !state.cancelsRequested.contains(request)
            else { return nil }
            state.cancelWindows[request] = nil
            return connection
        }
        if let held {
            established(id, held)
        } else {
            modifyStateAndRunActions { state, now in (Self.cancelInWindow(request, in: &state, now: now) ?? [], ()) }
        }
    }

    /// Runs `work` (the response's close) after `turns` turns, like ``afterTurns(_:_:)``; from the turn after the task
    /// woke with the whole response until then, a cancellation lands in the close (``CancelWindow/closing(keepAlive:)``)
    /// and `work` does not run. A cancellation requested before the task woke lands in the read instead.
    func closeAfterTurns(_ id: Int, keepAlive: Bool, _ turns: Int, _ work: @escaping @Sendable () -> Void) {
        guard turns > 1 else { return afterTurns(turns, work) }
        afterTurns(1) {
            let open: Bool = self.state.withLock { state in
                guard state.machine.phase(of: id) != nil, !state.cancelsRequested.contains(id) else { return false }
                state.cancelWindows[id] = .closing(keepAlive: keepAlive)
                return true
            }
            guard open else { return self.afterTurns(turns - 1, work) }
            self.afterTurns(turns - 1) {
                // nil: a cancellation already landed; true: one is pending and lands here; false: the close completes.
                let cancelled: Bool? = self.state.withLock { state in
                    guard state.cancelWindows[id] != nil else { return nil }
                    if state.cancelsRequested.contains(id) { return true }
                    state.cancelWindows[id] = nil
                    return false
                }
                switch cancelled {
                case true?:
                    self.modifyStateAndRunActions { state, now in (Self.cancelInWindow(id, in: &state, now: now) ?? [], ()) }
                case false?: work()
                case nil: break
                }
            }
        }
    }

    /// A cancellation reaching a request inside a ``CancelWindow``: what it leaves, or nil when the request is in none.
    static func cancelInWindow(_ id: Int, in state: inout State, now: Double) -> [PoolAction]? {
        guard !state.cancelWindows.isEmpty, let window = state.cancelWindows.removeValue(forKey: id) else { return nil }
        switch window {
        case .stateLock(let connectionID, let connection):
            state.connections[connectionID] = connection
            let actions = state.machine.requestCancelledAfterConnect(id, localPort: connection.localPort, now: now)
            if actions.isEmpty {
                state.connections[connectionID] = nil
                state.unlocked.append(.close(connection))
            }
            return actions
        case .closing(let keepAlive):
            state.executions[id] = nil
            if let entry = state.requests[id] { state.unlocked.append(.finish(entry.pending, .failure(.cancelled))) }
            return state.machine.requestCancelledWhileClosing(id, keepAlive: keepAlive, now: now)
        }
    }

    /// Sends a traced request on its connection, pausing at each trace point from `send_request_headers.started`.
    func executeTraced(_ id: Int, _ request: PoolRequest, on connection: any PoolConnection, trace: RequestTrace) async {
        let beforeHead: [RequestTrace.Point] = [
            .sendRequestHeadersStarted, .sendRequestHeadersComplete, .sendRequestBodyStarted,
            .sendRequestBodyComplete, .receiveResponseHeadersStarted,
        ]
        sending: for point in beforeHead where !trace.isCancelled {
            switch await trace.pause(point, Self.info(point, request)) {
            case .proceed: continue
            case .raised where point == .sendRequestHeadersStarted:
                // Raised before h11 wrote anything: the cleanup closes the connection with nothing sent.
                return cancel(id)
            case .cancelled, .raised:
                trace.markCancelled()
                break sending
            case .stopped: return
            }
        }
        do {
            let (head, body) = try await connection.send(request)
            // The request went out before the cancellation landed: anyio writes first and suspends in the read.
            if trace.isCancelled { return cancel(id) }
            // Once a cancellation has landed in the close window, the rest runs without pausing, as in httpcore. A
            // callback that raises ends the request where it raised: before the body is read, its cleanup closes the
            // connection; after, the close completes; at the close's start, the close never runs.
            var landed = false
            var raised: RequestTrace.Point?
            func pass(_ point: RequestTrace.Point, _ info: [(key: String, value: RequestTrace.Value)]) async -> Bool {
                guard !landed && raised == nil else { return true }
                switch await trace.pause(point, info) {
                case .proceed: return true
                case .cancelled:
                    landed = true
                    return true
                case .raised where point == .receiveResponseHeadersComplete || point == .receiveResponseBodyStarted:
                    cancel(id)
                    return false
                case .raised:
                    raised = point
                    return true
                case .stopped: return false
                }
            }
            guard await pass(.receiveResponseHeadersComplete, [("return_value", .responseHead(head))]),
                await pass(.receiveResponseBodyStarted, Self.info(.receiveResponseBodyStarted, request))
            else { return }
            var bytes: [UInt8] = []
            var keepAlive = false
            reading: while true {
                switch try await body.read() {
                case .bytes(let chunk): bytes += chunk
                case .end(let reusable):
                    keepAlive = reusable
                    break reading
                }
            }
            guard await pass(.receiveResponseBodyComplete, [("return_value", .none)]),
                await pass(.responseClosedStarted, [])
            else { return }
            let response = PoolStreamedResponse(
                id: id, head: head, body: BufferedBody(bytes: bytes, keepAlive: keepAlive), pool: .detached)
            let pending: PendingRequest? = modifyStateAndRunActions { state, now in
                state.executions[id] = nil
                let pending = state.requests[id]?.pending
                let actions =
                    if landed {
                        state.machine.requestCancelledWhileClosing(id, keepAlive: keepAlive, now: now)
                    } else if raised == .responseClosedStarted {
                        state.machine.requestFailedBeforeClose(id, now: now)
                    } else {
                        state.machine.responseCompleted(id, keepAlive: keepAlive, now: now)
                    }
                return (actions, pending)
            }
            if !landed, raised == nil {
                switch await trace.pause(.responseClosedComplete, [("return_value", .none)]) {
                case .stopped: return
                case .raised: raised = .responseClosedComplete
                case .proceed, .cancelled: break
                }
            }
            // The caller raises what its callback raised, or CancelledError; the response is not delivered then.
            pending?.finish(landed || raised != nil ? .failure(.cancelled) : .success(response))
        } catch {
            let poolError = error as? PoolError ?? .readError(String(describing: error))
            modifyStateAndRunActions { state, now in
                (state.machine.requestFailed(id, error: poolError, now: now), ())
            }
        }
    }

    /// The trace of the request that dials a connection, if it has one.
    func dialTrace(forRequest request: Int, in state: borrowing State) -> DialTrace? {
        state.traces[request].map { DialTrace(request: request, trace: $0) }
    }

    /// `connection.connect_tcp.started`, before the dial. False when the request was cancelled there (the connect
    /// fails: the connection is CONNECTION FAILED and removed) or given up: then nothing is dialled.
    func traceConnectStarted(_ dial: DialTrace, connection id: Int, origin: Origin, timeout: Duration?) async -> Bool {
        let info: [(key: String, value: RequestTrace.Value)] = [
            ("host", .string(origin.host)), ("port", .int(origin.port)), ("local_address", .none),
            ("timeout", timeout.map { .double(ConnectionPoolClock.seconds($0)) } ?? .none), ("socket_options", .none),
        ]
        switch await dial.trace.pause(.connectTCPStarted, info) {
        case .proceed:
            return true
        case .cancelled, .raised:
            modifyStateAndRunActions { state, now in
                Self.forgetDial(id, in: &state)
                return (state.machine.requestCancelled(dial.request, now: now), ())
            }
            return false
        case .stopped:
            state.withLock { Self.forgetDial(id, in: &$0) }
            return false
        }
    }

    /// `connection.connect_tcp.complete`, once the socket is up. False when the request was cancelled there
    /// (``PoolStateMachine/requestCancelledAfterConnect(_:localPort:now:)``) or given up.
    func traceConnectComplete(_ dial: DialTrace, connection id: Int, _ connection: any PoolConnection) async -> Bool {
        switch await dial.trace.pause(.connectTCPComplete, [("return_value", .networkStream)]) {
        case .proceed:
            return true
        case .raised:
            // Raised inside `_connect`: `connect_failed` (`connection.py:100-103`); the pass removes the connection,
            // and its socket is closed with it.
            modifyStateAndRunActions { state, now in
                Self.forgetDial(id, in: &state)
                state.connections[id] = connection
                return (state.machine.requestCancelled(dial.request, now: now), ())
            }
            return false
        case .cancelled where configuration.algorithm == .httpcore2:
            // No lock suspends before the send: the request goes out, and the cancellation lands in the read.
            dial.trace.markCancelled()
            return true
        case .cancelled:
            modifyStateAndRunActions { state, now in
                let abandoned = state.abandoned.contains(id)
                Self.forgetDial(id, in: &state)
                state.connections[id] = connection
                let actions =
                    abandoned
                    ? [] : state.machine.requestCancelledAfterConnect(dial.request, localPort: connection.localPort, now: now)
                if actions.isEmpty {
                    // The pool dropped the connection while it was dialled: nothing holds it.
                    state.connections[id] = nil
                    state.unlocked.append(.close(connection))
                }
                return (actions, ())
            }
            return false
        case .stopped:
            state.withLock { Self.forgetDial(id, in: &$0) }
            connection.close()
            return false
        }
    }

    /// The dial of connection `id` ends here, without an outcome for its gate.
    private static func forgetDial(_ id: Int, in state: inout State) {
        state.dials[id] = nil
        state.connectGates[id] = nil
        state.abandoned.remove(id)
    }

    /// A dial made for a traced request.
    struct DialTrace: Sendable {
        let request: Int
        let trace: RequestTrace
    }

    /// The `info` of a point whose only key is the request (`{'request': <Request [b'GET']>}`), or `return_value`.
    static func info(_ point: RequestTrace.Point, _ request: PoolRequest) -> [(key: String, value: RequestTrace.Value)] {
        switch point {
        case .sendRequestHeadersStarted, .sendRequestBodyStarted, .receiveResponseHeadersStarted,
            .receiveResponseBodyStarted:
            [("request", .request(method: request.method))]
        default:
            [("return_value", .none)]
        }
    }
}
