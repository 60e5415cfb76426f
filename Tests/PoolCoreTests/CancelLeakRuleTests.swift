import PoolCore
import Testing

/// Where cancellation and the pool timeout land between "a pass handed the request a connection" and "the request
/// started on it" (httpcore `connection_pool.py:228-252`), for both algorithms, with explicit times.
///
/// A pass run by another request's task only wakes a queued request (an anyio event); a fresh connection is dialled
/// when that request's task runs (``PoolAction/attemptStart(_:on:)`` → ``PoolAction/createConnection(_:_:request:)``).
/// If the request ends first, httpcore 1.0.9 keeps the never-dialled connection CONNECTING for good
/// (encode/httpcore#1093); httpcore2 drops it at its next pass (pydantic/httpx2#983).
@Suite struct CancelLeakRuleTests {
    /// `max_connections=1`, two requests, one turn, both cancelled (the two-task reproduction). Request 1 is
    /// connecting; cancelling it fails its connection, and its pass hands a fresh connection to request 2, whose
    /// own cancellation arrives before its task runs.
    @Test(arguments: PoolAlgorithm.allCases)
    func theTwoTaskCase(_ algorithm: PoolAlgorithm) throws {
        var world = PoolWorld(max: 1, keepalive: nil, algorithm)
        #expect(try world.arrive(1, pool: 0.5) == [.createConnection(1, .test, request: 1)])
        let timer = PoolTimer(id: 1, requestID: 2, deadline: 0.5)
        #expect(try world.arrive(2, pool: 0.5) == [.scheduleTimer(timer)])
        world.now = 0.001
        let first = world.machine.requestCancelled(1, now: world.now)
        try world.apply(first)
        #expect(first == [.failRequest(1, .cancelled), .closeConnection(1, .error), .attemptStart(2, on: 2)])
        // Handed connection 2, not yet dialled: the pool timer still runs, the connection has no owner task yet.
        #expect(world.machine.phase(of: 2) == .assigned(connection: 2))
        #expect(world.machine.undialledConnectionIDs == [2])
        let second = world.machine.requestCancelled(2, now: world.now)
        try world.apply(second)
        let connections = world.machine.snapshot.connections
        switch algorithm {
        case .httpcore1:
            #expect(second == [.cancelTimer(timer), .failRequest(2, .cancelled)])
            #expect(world.repr == "<AsyncConnectionPool [Requests: 0 active, 0 queued | Connections: 1 active, 0 idle]>")
            #expect(connections.map { $0.repr(className: "AsyncHTTPConnection") } == ["<AsyncHTTPConnection [CONNECTING]>"])
            #expect(connections.map(\.isOwnerless) == [true])
            // The next request finds the only slot taken and waits until its PoolTimeout.
            world.now = 0.01
            try world.arrive(3, pool: 0.3)
            world.now = 0.31
            try world.fire(timerFor: 3)
            #expect(world.outcomes[3] == .failed(.poolTimeout))
            #expect(world.machine.snapshot.connections.map(\.isOwnerless) == [true])
        case .httpcore2:
            // Neither connected nor held: dropped by the pass the cancellation runs (no socket to close).
            #expect(second == [.cancelTimer(timer), .failRequest(2, .cancelled), .closeConnection(2, .error)])
            #expect(world.repr == "<AsyncConnectionPool [Requests: 0 active, 0 queued | Connections: 0 active, 0 idle]>")
            world.now = 0.01
            #expect(try world.arrive(3, pool: 0.3) == [.createConnection(3, .test, request: 3)])
        }
        // Nothing was ever dialled for connection 2.
        #expect(!world.everDialled.contains(2))
    }

    /// The pool's own timeout does the same with no user cancellation: request 2's timer fires after a pass handed
    /// it a fresh connection but before its task ran (anyio's `fail_after` covers all of `wait_for_connection`).
    @Test(arguments: PoolAlgorithm.allCases)
    func poolTimeoutAfterAFreshConnectionWasHandedOver(_ algorithm: PoolAlgorithm) throws {
        var world = PoolWorld(max: 1, keepalive: 1, algorithm)
        try world.arrive(1)
        try world.establish(1)
        try world.arrive(2, pool: 0.05)
        world.now = 0.04
        // The server closed the connection with its response: the freed slot becomes a new connection for 2.
        #expect(try world.complete(1, keepAlive: false) == [
            .completeRequest(1), .closeConnection(1, .notReusable), .attemptStart(2, on: 2),
        ])
        world.now = 0.05
        #expect(try world.fire(timerFor: 2) == [.failRequest(2, .poolTimeout)] + (algorithm == .httpcore1 ? [] : [
            .closeConnection(2, .error)
        ]))
        #expect(world.machine.snapshot.counters.poolTimeouts == 1)
        switch algorithm {
        case .httpcore1:
            #expect(world.machine.snapshot.connections.map(\.isOwnerless) == [true])
            // A late start attempt (the task's step after the timeout) changes nothing.
            #expect(world.machine.startAttempted(2, now: 0.06) == [])
        case .httpcore2:
            #expect(world.machine.snapshot.connections.isEmpty)
        }
    }

    /// The same timer is cancelled once the task does run: the request starts connecting, and a later firing of
    /// the stale timer is ignored.
    @Test(arguments: PoolAlgorithm.allCases)
    func theStartAttemptCancelsTheTimerAndDialsTheFreshConnection(_ algorithm: PoolAlgorithm) throws {
        var world = PoolWorld(max: 1, keepalive: 1, algorithm)
        try world.arrive(1)
        try world.establish(1)
        try world.arrive(2, pool: 0.05)
        world.now = 0.04
        try world.complete(1, keepAlive: false)
        let timer = PoolTimer(id: 1, requestID: 2, deadline: 0.05)
        world.now = 0.041
        #expect(try world.attemptStart(2) == [.cancelTimer(timer), .createConnection(2, .test, request: 2)])
        #expect(world.machine.phase(of: 2) == .started(connection: 2))
        #expect(world.machine.undialledConnectionIDs.isEmpty)
        #expect(world.machine.poolTimeoutFired(timer, now: 0.05) == [])
        // Cancelled while actually connecting: connect_failed, reaped at the pass — no leak in either library.
        world.now = 0.045
        let cancelled = world.machine.requestCancelled(2, now: world.now)
        try world.apply(cancelled)
        #expect(cancelled == [.failRequest(2, .cancelled), .closeConnection(2, .error)])
        #expect(world.machine.snapshot.connections.isEmpty)
    }

    /// The request whose own task runs the pass (a new arrival) connects at once: `wait_for_connection` does not
    /// suspend when the connection is already set, so there is no window and no timer is left running.
    @Test(arguments: PoolAlgorithm.allCases)
    func anArrivalDialsItsOwnConnectionAtOnce(_ algorithm: PoolAlgorithm) throws {
        var world = PoolWorld(max: 1, keepalive: 1, algorithm)
        #expect(try world.arrive(1, pool: 0.5) == [.createConnection(1, .test, request: 1)])
        #expect(world.machine.phase(of: 1) == .started(connection: 1))
        #expect(world.timers.isEmpty)
    }

    /// A re-queued loser (httpcore 1.0.9) runs its own pass too: a fresh connection it gets there is dialled at once.
    @Test func aRequeuedLoserDialsItsOwnFreshConnection() throws {
        var world = PoolWorld(max: 2, keepalive: 2, .httpcore1)
        try world.arrive(1)
        try world.arrive(2)
        try world.establishAll()
        try world.arrive(3)
        try world.arrive(4)
        world.now = 0.1
        // Connection 1 idle: handed to both queued requests; request 2's connection then fails, freeing a slot.
        #expect(try world.complete(1) == [.completeRequest(1), .attemptStart(3, on: 1), .attemptStart(4, on: 1)])
        let failed = world.machine.requestFailed(2, error: .remoteProtocolError(), now: 0.1)
        try world.apply(failed)
        #expect(failed == [.failRequest(2, .remoteProtocolError()), .closeConnection(2, .error)])
        #expect(try world.attemptStart(3) == [.execute(3, on: 1)])
        #expect(try world.attemptStart(4) == [.createConnection(3, .test, request: 4)])
        #expect(world.machine.snapshot.counters.requeues == 1)
    }

    /// A cancelled request that was handed an *idle* connection leaves it idle and reusable (both libraries).
    @Test(arguments: PoolAlgorithm.allCases)
    func cancellingBeforeStartingOnAnIdleConnectionLeavesItIdle(_ algorithm: PoolAlgorithm) throws {
        var world = PoolWorld(max: 1, keepalive: 1, algorithm)
        try world.arrive(1)
        try world.establish(1)
        try world.arrive(2, pool: 1)
        world.now = 0.2
        #expect(try world.complete(1) == [.completeRequest(1), .attemptStart(2, on: 1)])
        let cancelled = world.machine.requestCancelled(2, now: 0.2)
        try world.apply(cancelled)
        #expect(cancelled == [.cancelTimer(PoolTimer(id: 1, requestID: 2, deadline: 1)), .failRequest(2, .cancelled)])
        #expect(world.repr == "<AsyncConnectionPool [Requests: 0 active, 0 queued | Connections: 0 active, 1 idle]>")
        #expect(world.machine.snapshot.connections.map(\.isOwnerless) == [false])
    }

    /// `aclose()` before the handed-over request wakes: the fresh connection leaves the list, and the request
    /// connects it anyway when its task runs, outside the pool (httpcore's `aclose()` closes only `_connection`).
    @Test(arguments: PoolAlgorithm.allCases)
    func acloseBeforeTheHandedOverRequestWakes(_ algorithm: PoolAlgorithm) throws {
        var world = PoolWorld(max: 1, keepalive: 1, algorithm)
        try world.arrive(1)
        try world.establish(1)
        try world.arrive(2)
        world.now = 0.1
        try world.complete(1, keepAlive: false)
        #expect(world.machine.undialledConnectionIDs == [2])
        try world.apply(world.machine.acloseConnections(now: 0.2))
        #expect(world.machine.snapshot.connections.isEmpty)
        #expect(world.machine.orphanedConnectionIDs == [2])
        #expect(try world.attemptStart(2) == [.createConnection(2, .test, request: 2)])
        #expect(try world.establish(2) == [.execute(2, on: 2)])
    }
}
