import PoolCore
import Testing

/// Event-by-event rules shared by both algorithms (httpcore 1.0.9 and httpcore2 agree here).
@Suite struct PoolStateMachineTests {
    @Test(arguments: PoolAlgorithm.allCases)
    func lifecycleOfOneRequest(_ algorithm: PoolAlgorithm) throws {
        var world = PoolWorld(max: 10, keepalive: 5, expiry: 5, algorithm)
        #expect(try world.arrive(1, pool: 5) == [.createConnection(1, .test, request: 1)])
        #expect(world.repr == "<AsyncConnectionPool [Requests: 1 active, 0 queued | Connections: 1 active, 0 idle]>")
        #expect(
            world.machine.snapshot.connections.map { $0.repr(className: "AsyncHTTPConnection") }
                == ["<AsyncHTTPConnection [CONNECTING]>"]
        )

        world.now = 0.01
        #expect(try world.establish(1, port: 43677) == [.execute(1, on: 1)])
        let active = try #require(world.machine.snapshot.connections.first)
        #expect(
            active.repr(className: "AsyncHTTPConnection")
                == "<AsyncHTTPConnection ['http://127.0.0.1:8000', HTTP/1.1, ACTIVE, Request Count: 1]>"
        )
        #expect(active.localPort == 43677)

        world.now = 0.3
        #expect(try world.complete(1) == [.completeRequest(1)])
        #expect(world.repr == "<AsyncConnectionPool [Requests: 0 active, 0 queued | Connections: 0 active, 1 idle]>")
        let idle = try #require(world.machine.snapshot.connections.first)
        #expect(idle.state == .idle)
        #expect(idle.expireAt == 5.3)
        #expect(world.outcomes[1] == .completed)
        #expect(world.machine.snapshot.counters.opened == 1)
        #expect(world.machine.snapshot.counters.completed == 1)
    }

    @Test(arguments: PoolAlgorithm.allCases)
    func idleConnectionIsReused(_ algorithm: PoolAlgorithm) throws {
        var world = PoolWorld(max: 10, keepalive: 5, algorithm)
        try world.arrive(1)
        try world.establish(1)
        try world.complete(1)
        world.now = 1
        #expect(try world.arrive(2) == [.attemptStart(2, on: 1)])
        // Assigned but not started: the request is active, the connection is still IDLE.
        #expect(world.repr == "<AsyncConnectionPool [Requests: 1 active, 0 queued | Connections: 0 active, 1 idle]>")
        #expect(try world.attemptStart(2) == [.execute(2, on: 1)])
        let connection = try #require(world.machine.snapshot.connections.first)
        #expect(connection.requestCount == 2)
        #expect(connection.expireAt == nil)
        #expect(world.machine.snapshot.counters.reused == 1)
    }

    /// §6e: with max_connections=1, queued requests are served in arrival order.
    @Test(arguments: PoolAlgorithm.allCases)
    func queueIsFIFO(_ algorithm: PoolAlgorithm) throws {
        var world = PoolWorld(max: 1, keepalive: 1, algorithm)
        try world.arrive(1)
        #expect(try world.arrive(2) == [])
        #expect(try world.arrive(3) == [])
        #expect(try world.arrive(4) == [])
        try world.establish(1)
        #expect(world.repr == "<AsyncConnectionPool [Requests: 1 active, 3 queued | Connections: 1 active, 0 idle]>")
        var order: [Int] = []
        for r in 1...4 {
            let next = try world.complete(r)
            if case .attemptStart(let n, on: 1)? = next.first(where: {
                if case .attemptStart = $0 { true } else { false }
            }) {
                order.append(n)
            }
            try world.deliverStarts()
        }
        #expect(order == [2, 3, 4])
        #expect(world.runOrder == [1, 2, 3, 4])
        #expect(world.machine.snapshot.counters.opened == 1)
    }

    /// §6c: Timeout(pool=0.2), max_connections=1, 3 requests: two PoolTimeouts at 0.2 s.
    @Test(arguments: PoolAlgorithm.allCases)
    func poolTimeoutFiresForQueuedRequests(_ algorithm: PoolAlgorithm) throws {
        var world = PoolWorld(max: 1, keepalive: 1, algorithm)
        try world.arrive(1, pool: 0.2)
        #expect(try world.arrive(2, pool: 0.2) == [.scheduleTimer(PoolTimer(id: 1, requestID: 2, deadline: 0.2))])
        #expect(try world.arrive(3, pool: 0.2) == [.scheduleTimer(PoolTimer(id: 2, requestID: 3, deadline: 0.2))])
        try world.establish(1)
        world.now = 0.1
        #expect(world.repr == "<AsyncConnectionPool [Requests: 1 active, 2 queued | Connections: 1 active, 0 idle]>")
        #expect(try world.fire(timerFor: 2) == [.failRequest(2, .poolTimeout)])
        #expect(try world.fire(timerFor: 3) == [.failRequest(3, .poolTimeout)])
        #expect(world.now == 0.2)
        world.now = 1.0
        try world.complete(1)
        #expect(world.repr == "<AsyncConnectionPool [Requests: 0 active, 0 queued | Connections: 0 active, 1 idle]>")
        #expect(world.machine.snapshot.counters.poolTimeouts == 2)
        #expect(world.outcomes == [1: .completed, 2: .failed(.poolTimeout), 3: .failed(.poolTimeout)])
        #expect(PoolError.poolTimeout.message == "")
    }

    @Test(arguments: PoolAlgorithm.allCases)
    func assignmentCancelsTheTimerAndStaleTimersAreIgnored(_ algorithm: PoolAlgorithm) throws {
        var world = PoolWorld(max: 1, keepalive: 1, algorithm)
        try world.arrive(1, pool: 1)
        try world.arrive(2, pool: 1)
        try world.establish(1)
        world.now = 0.5
        let timer = PoolTimer(id: 1, requestID: 2, deadline: 1)
        // The timer runs until request 2's task resumes (its start attempt), and is cancelled there.
        #expect(try world.complete(1) == [.completeRequest(1), .attemptStart(2, on: 1)])
        #expect(try world.attemptStart(2) == [.cancelTimer(timer), .execute(2, on: 1)])
        #expect(world.machine.poolTimeoutFired(timer, now: 1) == [])
    }

    /// §6f: max_connections=0 (or negative) never opens a connection; every request times out.
    @Test(arguments: PoolAlgorithm.allCases, [0, -1])
    func maxConnectionsZeroOnlyTimesOut(_ algorithm: PoolAlgorithm, _ max: Int) throws {
        var world = PoolWorld(max: max, keepalive: nil, algorithm)
        for r in 1...3 {
            #expect(
                try world.arrive(r, pool: 0.2) == [
                    .scheduleTimer(PoolTimer(id: r, requestID: r, deadline: world.now + 0.2))
                ]
            )
            #expect(try world.fire(timerFor: r) == [.failRequest(r, .poolTimeout)])
        }
        #expect(world.machine.snapshot.counters.opened == 0)
        #expect(world.repr == "<AsyncConnectionPool [Requests: 0 active, 0 queued | Connections: 0 active, 0 idle]>")
    }

    /// §6f: max_keepalive_connections=0: each connection closes when it goes idle; 3 requests, 3 connections.
    @Test(arguments: PoolAlgorithm.allCases)
    func maxKeepaliveZeroNeverReuses(_ algorithm: PoolAlgorithm) throws {
        var world = PoolWorld(max: nil, keepalive: 0, algorithm)
        for r in 1...3 {
            #expect(try world.arrive(r) == [.createConnection(r, .test, request: r)])
            try world.establish(r)
            #expect(try world.complete(r) == [.completeRequest(r), .closeConnection(r, .keepAliveLimit)])
        }
        #expect(world.machine.snapshot.counters.opened == 3)
        #expect(world.repr == "<AsyncConnectionPool [Requests: 0 active, 0 queued | Connections: 0 active, 0 idle]>")
    }

    /// §6b: expiry is lazy and strict (`now > expire_at`): the expired connection stays listed as IDLE until a pass.
    @Test(arguments: PoolAlgorithm.allCases)
    func keepaliveExpiryIsLazy(_ algorithm: PoolAlgorithm) throws {
        var world = PoolWorld(max: 10, keepalive: 10, expiry: 1, algorithm)
        try world.arrive(1)
        try world.establish(1)
        try world.complete(1)  // t=0, expire_at=1
        world.now = 0.5
        try world.arrive(2)
        try world.deliverStarts()
        try world.complete(2)  // expire_at = 1.5
        world.now = 1.5  // exactly expire_at: not expired yet
        try world.arrive(3)
        try world.deliverStarts()
        #expect(world.machine.snapshot.connections.first?.requestCount == 3)
        try world.complete(3)  // expire_at = 2.5
        world.now = 4.0  // long past, but no pass has run
        #expect(
            world.machine.snapshot.connections.map { $0.repr(className: "AsyncHTTPConnection") }
                == ["<AsyncHTTPConnection ['http://127.0.0.1:8000', HTTP/1.1, IDLE, Request Count: 3]>"]
        )
        #expect(try world.arrive(4) == [.closeConnection(1, .expired), .createConnection(2, .test, request: 4)])
        #expect(world.machine.snapshot.counters.closed(.expired) == 1)
    }

    @Test(arguments: PoolAlgorithm.allCases, [0.0, -1.0])
    func nonPositiveExpiryExpiresAtItsOwnReleasePass(_ algorithm: PoolAlgorithm, _ expiry: Double) throws {
        var world = PoolWorld(max: 10, keepalive: 10, expiry: expiry, algorithm)
        try world.arrive(1)
        try world.establish(1)
        #expect(try world.complete(1) == [.completeRequest(1), .closeConnection(1, .expired)])
    }

    /// §6d: a server-closed idle connection is noticed only at the next pass and replaced silently.
    @Test(arguments: PoolAlgorithm.allCases)
    func peerCloseIsNoticedAtTheNextPass(_ algorithm: PoolAlgorithm) throws {
        var world = PoolWorld(max: 10, keepalive: 10, algorithm)
        try world.arrive(1)
        try world.establish(1)
        try world.complete(1)
        world.machine.peerClosed(1)
        #expect(world.machine.snapshot.connections.first?.state == .idle)
        world.now = 2
        #expect(try world.arrive(2) == [.closeConnection(1, .serverClosed), .createConnection(2, .test, request: 2)])
    }

    @Test(arguments: PoolAlgorithm.allCases)
    func evictsTheOldestIdleConnectionForAnotherOriginAtTheCap(_ algorithm: PoolAlgorithm) throws {
        var world = PoolWorld(max: 2, keepalive: 2, algorithm)
        try world.arrive(1)
        try world.arrive(2)
        try world.establishAll()
        try world.complete(1)
        try world.complete(2)
        #expect(
            try world.arrive(3, .other) == [.closeConnection(1, .evicted), .createConnection(3, .other, request: 3)]
        )
        #expect(world.machine.snapshot.connections.map(\.id) == [2, 3])
    }

    @Test(arguments: PoolAlgorithm.allCases)
    func sameOriginWaitsInsteadOfEvicting(_ algorithm: PoolAlgorithm) throws {
        var world = PoolWorld(max: 1, keepalive: 1, algorithm)
        try world.arrive(1)
        try world.establish(1)
        #expect(try world.arrive(2, .other) == [])
        #expect(world.machine.phase(of: 2) == .queued(timer: nil))
    }

    @Test(arguments: PoolAlgorithm.allCases)
    func connectFailureFailsTheRequestAndFreesTheSlot(_ algorithm: PoolAlgorithm) throws {
        var world = PoolWorld(max: 1, keepalive: 1, algorithm)
        try world.arrive(1)
        try world.arrive(2)
        let actions = world.machine.connectionFailed(1, error: .connectError, now: 0.1)
        try world.apply(actions)
        #expect(
            actions == [
                .failRequest(1, .connectError), .closeConnection(1, .error), .attemptStart(2, on: 2),
            ]
        )
        #expect(try world.attemptStart(2) == [.createConnection(2, .test, request: 2)])
        #expect(world.machine.snapshot.counters.failed == 1)
    }

    @Test(arguments: PoolAlgorithm.allCases)
    func responseErrorsAndConnectionCloseDropTheConnection(_ algorithm: PoolAlgorithm) throws {
        var world = PoolWorld(max: 5, keepalive: 5, algorithm)
        try world.arrive(1)
        try world.arrive(2)
        try world.establishAll()
        #expect(try world.complete(1, keepAlive: false) == [.completeRequest(1), .closeConnection(1, .notReusable)])
        let error = PoolError.remoteProtocolError()
        let actions = world.machine.requestFailed(2, error: error, now: 0)
        try world.apply(actions)
        #expect(actions == [.failRequest(2, error), .closeConnection(2, .error)])
        #expect(world.machine.snapshot.connections.isEmpty)
    }

    @Test(arguments: PoolAlgorithm.allCases)
    func cancellationInEachPhase(_ algorithm: PoolAlgorithm) throws {
        var world = PoolWorld(max: 2, keepalive: 2, algorithm)
        try world.arrive(1)  // connecting
        try world.arrive(2)
        try world.establish(2)  // running
        try world.arrive(3, pool: 5)  // queued
        #expect(
            try world.cancel(3) == [
                .cancelTimer(PoolTimer(id: 1, requestID: 3, deadline: 5)), .failRequest(3, .cancelled),
            ]
        )
        #expect(try world.cancel(1) == [.failRequest(1, .cancelled), .closeConnection(1, .error)])
        #expect(try world.cancel(2) == [.failRequest(2, .cancelled), .closeConnection(2, .error)])
        // Assigned but not started: the idle connection stays.
        try world.arrive(4)
        try world.establish(3)
        try world.complete(4)
        #expect(try world.arrive(5) == [.attemptStart(5, on: 3)])
        #expect(try world.cancel(5) == [.failRequest(5, .cancelled)])
        #expect(world.machine.snapshot.connections.map(\.state) == [.idle])
        #expect(world.machine.startAttempted(5, now: 0) == [])
    }

    @Test(arguments: PoolAlgorithm.allCases)
    func closeFailsEverythingAndLaterRequests(_ algorithm: PoolAlgorithm) throws {
        var world = PoolWorld(max: 1, keepalive: 1, algorithm)
        try world.arrive(1)
        try world.establish(1)
        try world.arrive(2, pool: 3)
        let actions = world.machine.close(now: 1)
        try world.apply(actions)
        #expect(
            actions == [
                .failRequest(1, .poolClosed), .cancelTimer(PoolTimer(id: 1, requestID: 2, deadline: 3)),
                .failRequest(2, .poolClosed), .closeConnection(1, .poolClosed),
            ]
        )
        #expect(try world.arrive(3) == [.failRequest(3, .poolClosed)])
        #expect(world.machine.close(now: 2) == [])
        #expect(world.repr == "<AsyncConnectionPool [Requests: 0 active, 0 queued | Connections: 0 active, 0 idle]>")
        // A late report from the runner changes nothing.
        #expect(world.machine.responseCompleted(1, keepAlive: true, now: 2) == [])
    }

    @Test(arguments: PoolAlgorithm.allCases)
    func noExpiryKeepsIdleConnectionsForever(_ algorithm: PoolAlgorithm) throws {
        var world = PoolWorld(max: 10, keepalive: 10, expiry: nil, algorithm)
        try world.arrive(1)
        try world.establish(1)
        try world.complete(1)
        #expect(world.machine.snapshot.connections.first?.expireAt == nil)
        world.now = 1_000_000
        #expect(try world.arrive(2) == [.attemptStart(2, on: 1)])
    }

    @Test(arguments: PoolAlgorithm.allCases)
    func eventLogTellsTheStory(_ algorithm: PoolAlgorithm) throws {
        var world = PoolWorld(max: 1, keepalive: 1, algorithm)
        try world.arrive(1)
        world.now = 0.25
        try world.establish(1)
        world.now = 0.5
        try world.arrive(2, pool: 0.25)
        try world.fire(timerFor: 2)  // at 0.75
        world.now = 1
        try world.complete(1)
        #expect(
            world.machine.eventLog.entries == [
                PoolLogEntry(time: 0, event: .requestArrived(request: 1, origin: .test)),
                PoolLogEntry(time: 0, event: .connectionCreated(connection: 1, origin: .test, request: 1)),
                PoolLogEntry(time: 0.25, event: .connectionEstablished(connection: 1)),
                PoolLogEntry(time: 0.25, event: .requestStarted(request: 1, connection: 1)),
                PoolLogEntry(time: 0.5, event: .requestArrived(request: 2, origin: .test)),
                PoolLogEntry(time: 0.75, event: .requestFailed(request: 2, error: .poolTimeout)),
                PoolLogEntry(time: 1, event: .responseCompleted(request: 1, connection: 1, keepAlive: true)),
            ]
        )
    }
}
