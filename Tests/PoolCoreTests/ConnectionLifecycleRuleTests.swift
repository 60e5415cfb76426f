import PoolCore
import Testing

/// Connect failures and retries, server closes, and `aclose()`, event by event for both algorithms
/// (httpcore `connection.py:69-165`, `http11.py:274-286`, `connection_pool.py:347-353`).
@Suite struct ConnectionLifecycleRuleTests {
    /// `ConnectTimeout` ends only the owning request; the pass drops the failed connection (no close I/O in
    /// Python) and the queued request dials in its place.
    @Test(arguments: PoolAlgorithm.allCases)
    func connectTimeoutFailsTheOwnerAndFreesTheSlot(_ algorithm: PoolAlgorithm) throws {
        var world = PoolWorld(max: 1, keepalive: 1, algorithm)
        try world.arrive(1, pool: 10)
        try world.arrive(2, pool: 10)
        world.now = 5
        let actions = world.machine.connectionFailed(1, error: .connectTimeout, now: world.now)
        try world.apply(actions)
        #expect(
            actions == [
                .failRequest(1, .connectTimeout), .closeConnection(1, .error), .attemptStart(2, on: 2),
            ])
        #expect(
            try world.attemptStart(2) == [
                .cancelTimer(PoolTimer(id: 1, requestID: 2, deadline: 10)), .createConnection(2, .test, request: 2),
            ])
        #expect(PoolError.connectTimeout.httpxName == "ConnectTimeout" && PoolError.connectTimeout.isTimeout)
        #expect(PoolError.connectError.message == "All connection attempts failed")
        #expect(world.machine.snapshot.connections.map { $0.repr(className: "AsyncHTTPConnection") }
            == ["<AsyncHTTPConnection [CONNECTING]>"])
        #expect(world.machine.eventLog.entries.suffix(3).map(\.event) == [
            .connectionClosed(connection: 1, reason: .error),
            .connectionCreated(connection: 2, origin: .test, request: 2), .requestAssigned(request: 2, connection: 2),
        ])
    }

    /// Retried connect failures only record: the connection stays CONNECTING, no pass runs, no action results.
    /// Reports are matched to the oldest connecting connection of the origin with `attempt - 1` failures.
    @Test(arguments: PoolAlgorithm.allCases)
    func connectAttemptFailuresAreAttributedAndLogged(_ algorithm: PoolAlgorithm) throws {
        var world = PoolWorld(max: 5, keepalive: 5, algorithm)
        try world.arrive(1)
        try world.arrive(2)
        try world.arrive(3, .other)
        func report(_ origin: Origin, _ attempt: Int, _ delay: Double?, at now: Double) -> Int? {
            world.machine.connectAttemptFailed(
                origin: origin, attempt: attempt, error: .connectError, retryDelay: delay, now: now)
        }
        #expect(report(.test, 1, 0, at: 0) == 1)
        #expect(report(.test, 1, 0, at: 0) == 2)
        #expect(report(.other, 1, 0, at: 0) == 3)
        #expect(report(.test, 2, 0.5, at: 0) == 1)
        #expect(report(.test, 2, 0.5, at: 0) == 2)
        #expect(report(.test, 3, nil, at: 0.5) == 1)
        #expect(report(.test, 7, nil, at: 0.5) == nil)
        let snapshot = world.machine.snapshot
        #expect(snapshot.connections.map(\.state) == [.connecting, .connecting, .connecting])
        #expect(snapshot.connections.map(\.failedConnectAttempts) == [3, 2, 1])
        #expect(snapshot.counters.connectRetries == 5)
        #expect(world.repr == "<AsyncConnectionPool [Requests: 3 active, 0 queued | Connections: 3 active, 0 idle]>")
        #expect(world.machine.eventLog.entries.last == PoolLogEntry(
            time: 0.5, event: .connectAttemptFailed(connection: nil, attempt: 7, error: .connectError, retryDelay: nil)))
        // The last failure then arrives as usual.
        world.now = 0.5
        let actions = world.machine.connectionFailed(1, error: .connectError, now: 0.5)
        #expect(actions == [.failRequest(1, .connectError), .closeConnection(1, .error)])
    }

    /// EOF seen while the connection was ACTIVE is acted on once it is IDLE: the release pass itself closes it
    /// (`has_expired()`: IDLE and readable).
    @Test(arguments: PoolAlgorithm.allCases)
    func peerCloseDuringARequestClosesItAtRelease(_ algorithm: PoolAlgorithm) throws {
        var world = PoolWorld(max: 2, keepalive: 2, algorithm)
        try world.arrive(1)
        try world.establish(1)
        world.now = 0.3
        world.machine.peerClosed(1)
        #expect(world.machine.snapshot.connections.first?.state == .active)
        #expect(try world.complete(1) == [.completeRequest(1), .closeConnection(1, .serverClosed)])
        #expect(world.machine.snapshot.counters.closed(.serverClosed) == 1)
        world.now = 0.4
        #expect(try world.arrive(2) == [.createConnection(2, .test, request: 2)])
    }

    /// A server close of an idle connection already handed to a request: httpcore 1.0.9 probes it at the next pass
    /// and closes it (the request re-queues); httpcore2 skips the probe for reserved connections, so the request
    /// starts on it (and would then meet the closed socket: RemoteProtocolError, §6d2).
    @Test(arguments: PoolAlgorithm.allCases)
    func peerCloseOfAnAssignedConnection(_ algorithm: PoolAlgorithm) throws {
        var world = PoolWorld(max: 3, keepalive: 3, algorithm)
        try world.arrive(1)
        try world.establish(1)
        try world.complete(1)
        world.now = 1
        #expect(try world.arrive(2) == [.attemptStart(2, on: 1)])
        world.machine.peerClosed(1)
        world.now = 1.1
        switch algorithm {
        case .httpcore1:
            #expect(try world.arrive(3) == [.closeConnection(1, .serverClosed), .createConnection(2, .test, request: 3)])
            #expect(try world.attemptStart(2) == [.createConnection(3, .test, request: 2)])
        case .httpcore2:
            #expect(try world.arrive(3) == [.createConnection(2, .test, request: 3)])
            #expect(try world.attemptStart(2) == [.execute(2, on: 1)])
            let error = PoolError.remoteProtocolError()
            #expect(error.message == "Server disconnected without sending a response.")
            let actions = world.machine.requestFailed(2, error: error, now: 1.2)
            #expect(actions == [.failRequest(2, error), .closeConnection(1, .error)])
        }
    }

    /// `aclose()` with a connection in every state: every request still in the pool fails with httpx's
    /// RuntimeError text, every connection is closed, late runner reports change nothing, later requests fail.
    @Test(arguments: PoolAlgorithm.allCases)
    func acloseWithEveryState(_ algorithm: PoolAlgorithm) throws {
        var world = PoolWorld(max: 3, keepalive: 3, algorithm)
        try world.arrive(1)
        try world.arrive(2)
        try world.arrive(3, .other)  // connection 3 stays connecting
        try world.establish(1)
        try world.establish(2)
        try world.arrive(4, pool: 9)  // timer 1
        try world.arrive(5, pool: 9)  // timer 2
        world.now = 1
        try world.complete(2)  // connection 2 idle: handed to 4 (and, in httpcore 1.0.9, to 5 as well)
        let timer5 = PoolTimer(id: 2, requestID: 5, deadline: 9)
        let requests = algorithm == .httpcore1 ? "4 active, 0 queued" : "3 active, 1 queued"
        #expect(world.repr == "<AsyncConnectionPool [Requests: \(requests) | Connections: 2 active, 1 idle]>")
        world.now = 2
        let actions = world.machine.close(now: 2)
        try world.apply(actions)
        let closes: [PoolAction] = [
            .closeConnection(1, .poolClosed), .closeConnection(2, .poolClosed), .closeConnection(3, .poolClosed),
        ]
        // Requests 4 (and under httpcore 1.0.9, 5) were handed connection 2 but their tasks had not resumed: their pool
        // timers still ran.
        let timer4 = PoolTimer(id: 1, requestID: 4, deadline: 9)
        #expect(
            actions == [
                .failRequest(1, .poolClosed), .failRequest(3, .poolClosed), .cancelTimer(timer4),
                .failRequest(4, .poolClosed), .cancelTimer(timer5), .failRequest(5, .poolClosed),
            ] + closes)
        #expect(PoolError.poolClosed.httpxName == "RuntimeError")
        #expect(PoolError.poolClosed.message == "Cannot send a request, as the client has been closed.")
        #expect(world.machine.connectionEstablished(3, localPort: 1, now: 2.1) == [])
        #expect(world.machine.startAttempted(4, now: 2.1) == [])
        #expect(world.machine.requestFailed(1, error: .readError(""), now: 2.1) == [])
        #expect(try world.arrive(6) == [.failRequest(6, .poolClosed)])
        #expect(world.machine.snapshot.counters.closed(.poolClosed) == 3)
        #expect(world.repr == "<AsyncConnectionPool [Requests: 0 active, 0 queued | Connections: 0 active, 0 idle]>")
    }
}
