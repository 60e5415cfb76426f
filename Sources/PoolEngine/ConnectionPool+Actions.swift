import PoolCore
import Synchronization

extension ConnectionPool {
    /// The one door into the state: lock, apply one event, perform the resulting actions' bookkeeping, unlock,
    /// then do the I/O.
    ///
    /// Before the event, every connection whose peer has closed is reported to the machine
    /// (``PoolStateMachine/peerClosed(_:)``); the machine acts on it only at a pass, as httpcore's readability probe.
    @discardableResult
    func modifyStateAndRunActions<Result>(
        _ event: (inout State, Double) -> (actions: [PoolAction], result: Result)
    ) -> Result {
        let now = clock.now()
        let (result, unlocked): (Result, [Unlocked]) = state.withLock { state in
            for (id, connection) in state.connections where connection.hasPeerClosed {
                state.machine.peerClosed(id)
            }
            let (actions, result) = event(&state, now)
            perform(actions, in: &state, now: now)
            if !state.observers.isEmpty {
                // Yielding never blocks, and doing it under the lock keeps snapshots in event order.
                let snapshot = state.machine.snapshot
                for observer in state.observers.values { observer.yield(snapshot) }
            }
            let unlocked = state.unlocked
            state.unlocked.removeAll()
            return (result, unlocked)
        }
        for work in unlocked {
            switch work {
            case .close(let connection): connection.close()
            case .finish(let pending, let result): pending.finish(result)
            case .cancel(let task): task.cancel()
            case .cancelExecution(let execution): execution.cancel()
            case .sendBuffered(let id, let request, let connection, let cancellation):
                sendBuffered(id, request, on: connection, cancellation)
            case .attemptStart(let id): loop.callSoon { [weak self] in self?.requestWoke(id) }
            case .dialAfterCheckpoint(let id, let origin, let request):
                loop.callSoon { [weak self] in
                    guard let self else { return }
                    if state.withLock({ startDial(id, origin: origin, request: request, in: &$0) }) {
                        countConnectTurns(id)
                    }
                }
            case .countConnectTurns(let id):
                countConnectTurns(id)
            case .lockStep(.requestLockHeld, let id, let connection):
                loop.callSoon { [weak self] in self?.requestLockHeld(id, on: connection) }
            case .lockStep(.stateLockHeld, let id, let connection):
                loop.callSoon { [weak self] in self?.stateLockHeld(id, on: connection) }
            }
        }
        return result
    }

    /// Applies actions under the lock. Start attempts of requests another task's pass served wait for their task
    /// to wake: they are handed to the loop after unlocking (``requestWoke(_:)``).
    /// A start attempt the request's own pass made goes on in the same step (``ConnectionPool/wake(_:in:now:_:)``);
    /// the actions it produces join the end of the list.
    private func perform(_ initial: [PoolAction], in state: inout State, now: Double) {
        var actions = initial
        var index = 0
        while index < actions.count {
            defer { index += 1 }
            switch actions[index] {
            case .createConnection(let id, let origin, let requestID):
                if configuration.algorithm == .httpcore1 {
                    state.unlocked.append(.dialAfterCheckpoint(id, origin, requestID))
                } else if startDial(id, origin: origin, request: requestID, in: &state) {
                    state.unlocked.append(.countConnectTurns(id))
                }
            case .attemptStart(let requestID, _):
                if state.machine.isAssignedByItsOwnPass(requestID) {
                    actions += Self.wake(requestID, in: &state, now: now, configuration)
                } else {
                    state.unlocked.append(.attemptStart(requestID))
                }
            case .execute(let requestID, let connectionID):
                guard let connection = state.connections[connectionID], let entry = state.requests[requestID] else {
                    preconditionFailure("execute(\(requestID), on: \(connectionID)) without connection or request")
                }
                let trace = state.traces.isEmpty ? nil : state.traces[requestID]
                if trace == nil, !entry.pending.streaming, let http1 = connection as? HTTP1Connection {
                    let cancellation = ChannelCancellation(http1)
                    state.executions[requestID] = .channel(cancellation)
                    state.unlocked.append(.sendBuffered(requestID, entry.request, http1, cancellation))
                    continue
                }
                state.executions[requestID] = .task(Task {
                    if let trace {
                        await self.executeTraced(requestID, entry.request, on: connection, trace: trace)
                    } else {
                        await self.execute(requestID, entry.request, on: connection)
                    }
                })
            case .closeConnection(let id, _):
                if let connection = state.connections.removeValue(forKey: id) {
                    state.unlocked.append(.close(connection))
                } else if let dial = state.dials.removeValue(forKey: id) {
                    state.abandoned.insert(id)
                    state.unlocked.append(.cancel(dial))
                }
            case .completeRequest(let id):
                // The caller closed its streamed response; it has had the response since the head arrived.
                state.requests[id] = nil
                state.executions[id] = nil
            case .failRequest(let id, let error):
                guard let entry = state.requests.removeValue(forKey: id) else { continue }
                if let execution = state.executions.removeValue(forKey: id) {
                    state.unlocked.append(.cancelExecution(execution))
                }
                state.unlocked.append(.finish(entry.pending, .failure(error)))
            case .scheduleTimer(let timer):
                armTimer(timer, in: &state)
            case .cancelTimer(let timer):
                // The sleeper finds nothing due for it; with no timer left it stops.
                state.timers[timer.id] = nil
                if state.timers.isEmpty, let sleeper = state.timerSleeper {
                    state.timerSleeper = nil
                    state.unlocked.append(.cancel(sleeper.task))
                }
            }
        }
    }

    /// Starts the dial of a connection the machine still wants (a cancellation may have come first).
    ///
    /// Under httpcore 1.0.9 the request takes the connection's `_request_lock` before it connects
    /// (`connection.py:73`), a plain `anyio.Lock()` whose acquire yields one turn; a cancellation landing there sets
    /// `_connect_failed` before any socket exists. So its dial starts one turn later (``Unlocked/dialAfterCheckpoint``).
    /// httpcore2's lock is fast-acquire: it dials at once.
    /// - Returns: whether the dial started; the caller then counts its turns (``countConnectTurns(_:)``) outside the
    ///   lock.
    func startDial(_ id: Int, origin: Origin, request requestID: Int, in state: inout State) -> Bool {
        guard state.machine.isConnecting(id), state.dials[id] == nil, state.connections[id] == nil else { return false }
        let connectTimeout = state.requests[requestID]?.request.timeouts.connect
        state.connectGates[id] = ConnectGate()
        let trace = state.traces.isEmpty ? nil : dialTrace(forRequest: requestID, in: state)
        state.dials[id] = Task { await self.dial(id, origin: origin, connectTimeout: connectTimeout, trace: trace) }
        return true
    }

    /// Starts counting a dial's turns; call it outside the pool's lock (``ImmediateEventLoop`` runs it at once).
    func countConnectTurns(_ id: Int) {
        loop.callSoon { [weak self] in self?.connectTurnsPassed(id, turnsLeft: Self.connectTurns - 1) }
    }

    /// Loop turns anyio's `connect_tcp` takes on loopback before the socket is usable: measured 7 with httpcore
    /// 1.0.9 and httpcore2 (turns 3→10 and 2→9 of a lone request). NIO connects on its own threads, often within
    /// one turn; its result waits for these turns, so a cancellation in them meets a request still connecting.
    static let connectTurns = 7

    /// Counts down the connect's turns, then applies its outcome if it has arrived (``ConnectGate``).
    private func connectTurnsPassed(_ id: Int, turnsLeft: Int) {
        guard turnsLeft <= 0 else {
            loop.callSoon { [weak self] in self?.connectTurnsPassed(id, turnsLeft: turnsLeft - 1) }
            return
        }
        let outcome: Result<any PoolConnection, PoolError>?? = state.withLock { state in
            guard var gate = state.connectGates[id] else { return nil }
            gate.turnsPassed = true
            state.connectGates[id] = gate.outcome == nil ? gate : nil
            return gate.outcome
        }
        if case .some(.some(let outcome)) = outcome { dialEnded(id, outcome) }
    }

    /// Dials, then reports the outcome through the pool's loop (``PoolEventLoop``). A traced request's dial pauses at
    /// `connect_tcp.started` and `.complete` (``traceConnectStarted(_:connection:origin:timeout:)``).
    private func dial(_ id: Int, origin: Origin, connectTimeout: Duration?, trace: DialTrace?) async {
        if let trace, await !traceConnectStarted(trace, connection: id, origin: origin, timeout: connectTimeout) { return }
        let outcome: Result<any PoolConnection, PoolError>
        do {
            outcome = .success(try await factory.makeConnection(to: origin, connectTimeout: connectTimeout))
        } catch {
            outcome = .failure(error as? PoolError ?? .connectError)
        }
        if let trace, case .success(let connection) = outcome,
            await !traceConnectComplete(trace, connection: id, connection)
        {
            return
        }
        loop.post { self.dialReported(id, outcome) }
    }

    /// The dial's outcome, held until the connect's turns have passed.
    private func dialReported(_ id: Int, _ outcome: Result<any PoolConnection, PoolError>) {
        let now: Bool = state.withLock { state in
            guard var gate = state.connectGates[id] else { return true }
            if gate.turnsPassed {
                state.connectGates[id] = nil
                return true
            }
            gate.outcome = outcome
            state.connectGates[id] = gate
            return false
        }
        if now { dialEnded(id, outcome) }
    }

    private func dialEnded(_ id: Int, _ outcome: Result<any PoolConnection, PoolError>) {
        switch outcome {
        case .success(let connection):
            if enterStateLockTurn(id, connection) { return }
            established(id, connection)
        case .failure(let poolError):
            modifyStateAndRunActions { state, now in
                state.dials[id] = nil
                state.abandoned.remove(id)
                return (state.machine.connectionFailed(id, error: poolError, now: now), ())
            }
        }
    }

    /// The connection is up and its request starts on it.
    func established(_ id: Int, _ connection: any PoolConnection) {
        modifyStateAndRunActions { state, now in
            state.dials[id] = nil
            if state.abandoned.remove(id) != nil {
                state.unlocked.append(.close(connection))
                return ([], ())
            }
            state.connections[id] = connection
            let actions = state.machine.connectionEstablished(id, localPort: connection.localPort, now: now)
            if actions.isEmpty {
                state.connections[id] = nil
                state.unlocked.append(.close(connection))
            }
            return (actions, ())
        }
    }

    /// Sends the request and hands the caller a streamed response as soon as the head is in. The request stays
    /// started in the machine until the caller closes the response (``responseClosed(_:keepAlive:)``). What the
    /// network answers reaches the pool and the caller through the pool's loop.
    private func execute(_ id: Int, _ request: PoolRequest, on connection: any PoolConnection) async {
        do {
            let (head, body) = try await connection.send(request)
            let callbacks = PoolStreamedResponse.Pool(
                closed: { [weak self] id, keepAlive in self?.responseClosed(id, keepAlive: keepAlive) },
                failed: { [weak self] id, error in
                    guard let pool = self else { return }
                    pool.loop.post { pool.responseFailed(id, error: error) }
                },
                cancelled: { [weak self] id in
                    guard let pool = self else { return }
                    pool.loop.post { pool.cancel(id) }
                }
            )
            let streamed = PoolStreamedResponse(id: id, head: head, body: body, pool: callbacks)
            guard let pending = state.withLock({ $0.requests[id]?.pending }) else { return }
            guard !pending.streaming else {
                // The machine does not change: the request stays started until the caller closes the response.
                loop.post { pending.finish(.success(streamed)) }
                return
            }
            // httpx's `send(stream=False)`: read the body here, then deliver and close in one event.
            guard let bytes = try? await streamed.readAll() else { return }  // the failure was reported
            deliverBuffered(id, BufferedExchange(head: head, bytes: bytes, keepAlive: streamed.keepAliveAtEnd))
        } catch {
            requestFailedOnTheWire(id, error as? PoolError ?? .readError(String(describing: error)))
        }
    }

    /// ``execute(_:_:on:)`` for a buffered, untraced request on an HTTP/1.1 channel: the channel's event loop sends it
    /// and reads the body, and the outcome goes to the pool's loop from there, with no task in between.
    func sendBuffered(
        _ id: Int, _ request: PoolRequest, on connection: HTTP1Connection, _ cancellation: ChannelCancellation
    ) {
        connection.sendBuffered(request, cancellation: cancellation) { [self] outcome in
            switch outcome {
            case .success(let exchange):
                deliverBuffered(id, exchange)
            case .failure(.beforeHead(let error)):
                requestFailedOnTheWire(id, error)
            case .failure(.inBody(let error)):
                // As a streamed body's reader reports them (``PoolStreamedResponse/read()``).
                if error == .cancelled { loop.post { self.cancel(id) } }
                loop.post { self.responseFailed(id, error: error) }
            }
        }
    }

    /// A whole response is in: after the turns its close takes, the caller gets it and the connection is released,
    /// in one event.
    private func deliverBuffered(_ id: Int, _ exchange: BufferedExchange) {
        let keepAlive = exchange.keepAlive
        let buffered = PoolStreamedResponse(
            id: id, head: exchange.head, body: BufferedBody(bytes: exchange.bytes, keepAlive: keepAlive),
            pool: .detached)
        let turns = closeTurns(keepAlive: keepAlive)
        loop.post {
            self.closeAfterTurns(id, keepAlive: keepAlive, turns) {
                self.modifyStateAndRunActions { state, now in
                    state.executions[id] = nil
                    if let entry = state.requests[id] {
                        state.unlocked.append(.finish(entry.pending, .success(buffered)))
                    }
                    return (state.machine.responseCompleted(id, keepAlive: keepAlive, now: now), ())
                }
            }
        }
    }

    /// Sending failed before the head arrived.
    private func requestFailedOnTheWire(_ id: Int, _ error: PoolError) {
        loop.post {
            self.modifyStateAndRunActions { state, now in
                (state.machine.requestFailed(id, error: error, now: now), ())
            }
        }
    }

    /// How many turns of the loop pass between a whole response arriving and the pass its close runs: the task
    /// wakes in the turn after the poll, then `PoolByteStream.aclose()` suspends wherever a lock or the socket's
    /// close yields. httpcore 1.0.9's `_state_lock` is a plain `anyio.Lock()` (`http11.py:239`), one more turn;
    /// httpcore2's is fast-acquire. Closing the socket (`Connection: close`) checkpoints once more in anyio's
    /// `aclose()`. Measured on loopback: 1.0.9 keep-alive 2, close 3; httpcore2 1 and 2.
    func closeTurns(keepAlive: Bool) -> Int {
        let lock = configuration.algorithm == .httpcore1 ? 1 : 0
        return 1 + lock + (keepAlive ? 0 : 1)
    }

    /// Runs `work` after `turns` turns of the pool's loop (``PoolEventLoop/callSoon(_:)`` nested `turns` deep).
    func afterTurns(_ turns: Int, _ work: @escaping @Sendable () -> Void) {
        guard turns > 0 else { return work() }
        loop.callSoon { self.afterTurns(turns - 1, work) }
    }

    /// The caller closed a streamed response (`PoolByteStream.aclose()`).
    func responseClosed(_ id: Int, keepAlive: Bool) {
        modifyStateAndRunActions { state, now in
            (state.machine.responseCompleted(id, keepAlive: keepAlive, now: now), ())
        }
    }

    /// Reading a streamed body failed: the connection is done for.
    func responseFailed(_ id: Int, error: PoolError) {
        modifyStateAndRunActions { state, now in
            (state.machine.requestFailed(id, error: error, now: now), ())
        }
    }

    /// Arms a pool-timeout timer. One task sleeps until the earliest armed deadline, not one task per timer: a
    /// queued request's timer is armed and disarmed on every burst, and a sleeping task per request cost more
    /// than the request. Pool timeouts count from each request's arrival, so a later timer rarely moves the
    /// sleeper.
    private func armTimer(_ timer: PoolTimer, in state: inout State) {
        state.timers[timer.id] = timer
        if let sleeper = state.timerSleeper {
            guard timer.deadline < sleeper.deadline else { return }
            state.unlocked.append(.cancel(sleeper.task))
        }
        startTimerSleeper(until: timer.deadline, in: &state)
    }

    private func startTimerSleeper(until deadline: Double, in state: inout State) {
        let task = Task { [weak self] in
            guard let clock = self?.clock, (try? await clock.sleepUntil(deadline)) != nil else { return }
            self?.timerSleeperWoke(deadline)
        }
        state.timerSleeper = (deadline, task)
    }

    /// Fires every timer due by now, earliest first, and sleeps again until the next one.
    ///
    /// A deadline's callback runs in the ready queue after the poll (asyncio's timer handle: anyio's `fail_after`
    /// scope cancels the waiting task); the task meets the cancellation at its next step, one turn later. Passes
    /// that run in between may still hand the request a connection.
    private func timerSleeperWoke(_ deadline: Double) {
        let now = max(clock.now(), deadline)
        let due: [PoolTimer] = state.withLock { state in
            guard state.timerSleeper?.deadline == deadline else { return [] }  // replaced by an earlier one
            state.timerSleeper = nil
            let due = state.timers.values.filter { $0.deadline <= now }.sorted { ($0.deadline, $0.id) < ($1.deadline, $1.id) }
            for timer in due { state.timers[timer.id] = nil }
            if let next = state.timers.values.map(\.deadline).min() { startTimerSleeper(until: next, in: &state) }
            return due
        }
        for timer in due {
            loop.post {
                self.afterTurns(2) {
                    self.modifyStateAndRunActions { state, now in
                        (state.machine.poolTimeoutFired(timer, now: max(now, timer.deadline)), ())
                    }
                }
            }
        }
    }
}
