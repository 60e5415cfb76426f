import PoolCore
import Testing

/// Pass (A)'s `max_keepalive_connections` trim, event by event for both algorithms: httpcore 1.0.9 compares the
/// *total* connection count (`connection_pool.py:291-295`, `len([connection.is_idle() for ...])`), httpcore2 counts
/// idle connections no request holds (`httpcore2/_async/connection_pool.py:296-310`).
@Suite struct KeepaliveTrimTests {
    /// `Limits(max_connections=3, max_keepalive_connections=1)`: three connections, the first goes idle while two are
    /// still active.
    @Test(arguments: PoolAlgorithm.allCases)
    func idleConnectionBesideActiveOnes(_ algorithm: PoolAlgorithm) throws {
        var world = PoolWorld(max: 3, keepalive: 1, algorithm)
        for r in 1...3 { try world.arrive(r) }
        try world.establishAll()
        world.now = 0.2
        switch algorithm {
        case .httpcore1:
            // len(connections) == 3 > 1: the idle one is closed at once.
            #expect(try world.complete(1) == [.completeRequest(1), .closeConnection(1, .keepAliveLimit)])
            #expect(try world.complete(2) == [.completeRequest(2), .closeConnection(2, .keepAliveLimit)])
            // Now len == 1: the last one stays.
            #expect(try world.complete(3) == [.completeRequest(3)])
            #expect(world.machine.snapshot.connections.map(\.id) == [3])
        case .httpcore2:
            // One idle connection is within the limit; the second idle one makes two: the oldest is closed.
            #expect(try world.complete(1) == [.completeRequest(1)])
            #expect(try world.complete(2) == [.completeRequest(2), .closeConnection(1, .keepAliveLimit)])
            #expect(try world.complete(3) == [.completeRequest(3), .closeConnection(2, .keepAliveLimit)])
            #expect(world.machine.snapshot.connections.map(\.id) == [3])
        }
        #expect(world.machine.snapshot.counters.closed(.keepAliveLimit) == 2)
        #expect(world.repr == "<AsyncConnectionPool [Requests: 0 active, 0 queued | Connections: 0 active, 1 idle]>")
    }

    /// encode/httpcore #1110: httpcore 1.0.9 trims an idle connection already handed to a request that has not
    /// started; the request re-queues and dials anew. httpcore2 never trims a reserved connection.
    @Test(arguments: PoolAlgorithm.allCases)
    func trimOfAnAssignedConnection(_ algorithm: PoolAlgorithm) throws {
        var world = PoolWorld(max: 2, keepalive: 1, algorithm)
        try world.arrive(1)
        try world.arrive(2)
        try world.establishAll()
        world.now = 0.1
        try world.complete(1)
        if algorithm == .httpcore1 {
            // Closed by the release pass itself (2 connections > 1), before any request could take it.
            #expect(world.machine.snapshot.connections.map(\.id) == [2])
            return
        }
        #expect(world.machine.snapshot.connections.map(\.state) == [.idle, .active])
        world.now = 0.2
        #expect(try world.arrive(3) == [.attemptStart(3, on: 1)])
        world.now = 0.3
        // Request 2 ends before 3 starts: both connections idle, one reserved. Only unreserved idles count.
        #expect(try world.complete(2) == [.completeRequest(2)])
        #expect(try world.attemptStart(3) == [.execute(3, on: 1)])
        world.now = 0.4
        #expect(try world.complete(3) == [.completeRequest(3), .closeConnection(1, .keepAliveLimit)])
    }

    /// httpcore 1.0.9 with `Limits(3, 2)`: the release pass leaves the idle connection alone (2 connections, not
    /// more than 2), a request is handed it, a third connection opens for another origin, and the next release pass
    /// trims the assigned connection (3 > 2) before its request starts: that request re-queues and takes the
    /// connection just released.
    @Test func httpcore1TrimsAnAssignedConnectionAtALaterPass() throws {
        var world = PoolWorld(max: 3, keepalive: 2, .httpcore1)
        try world.arrive(1)
        try world.arrive(2)
        try world.establishAll()
        world.now = 0.1
        #expect(try world.complete(1) == [.completeRequest(1)])
        world.now = 0.2
        #expect(try world.arrive(3, pool: 1) == [.attemptStart(3, on: 1)])
        #expect(try world.arrive(4, .other, pool: 1) == [.createConnection(3, .other, request: 4)])
        world.now = 0.3
        #expect(try world.complete(2) == [.completeRequest(2), .closeConnection(1, .keepAliveLimit)])
        world.now = 0.35
        #expect(try world.attemptStart(3) == [.attemptStart(3, on: 2)])
        #expect(try world.attemptStart(3) == [.execute(3, on: 2)])
        #expect(world.machine.snapshot.counters.requeues == 1)
        #expect(world.machine.eventLog.entries.contains(PoolLogEntry(time: 0.35, event: .requestRequeued(request: 3, connection: 1))))
    }

    /// `max_keepalive_connections` of 0 or below: no connection survives going idle, in both algorithms (§6f).
    @Test(arguments: PoolAlgorithm.allCases, [0, -1, -5])
    func nonPositiveKeepaliveClosesEveryIdleConnection(_ algorithm: PoolAlgorithm, _ keepalive: Int) throws {
        var world = PoolWorld(max: 5, keepalive: keepalive, algorithm)
        try world.arrive(1)
        try world.arrive(2)
        try world.establishAll()
        world.now = 0.5
        #expect(try world.complete(2) == [.completeRequest(2), .closeConnection(2, .keepAliveLimit)])
        world.now = 0.6
        #expect(try world.arrive(3) == [.createConnection(3, .test, request: 3)])
        #expect(world.machine.snapshot.counters.reused == 0)
    }

    /// `max_keepalive_connections=None` is clamped to `max_connections` (`connection_pool.py:98-104`): every
    /// connection may stay idle.
    @Test(arguments: PoolAlgorithm.allCases)
    func noneKeepaliveKeepsEveryConnection(_ algorithm: PoolAlgorithm) throws {
        var world = PoolWorld(max: 3, keepalive: nil, algorithm)
        #expect(world.machine.configuration.effectiveMaxKeepaliveConnections == 3)
        for r in 1...3 { try world.arrive(r) }
        try world.establishAll()
        for r in 1...3 { #expect(try world.complete(r) == [.completeRequest(r)]) }
        #expect(world.repr == "<AsyncConnectionPool [Requests: 0 active, 0 queued | Connections: 0 active, 3 idle]>")
    }

    /// A keep-alive limit above `max_connections` is clamped down to it (`Limits(2, 10)` keeps at most 2).
    @Test(arguments: PoolAlgorithm.allCases)
    func keepaliveAboveTheCapIsClamped(_ algorithm: PoolAlgorithm) throws {
        var world = PoolWorld(max: 2, keepalive: 10, algorithm)
        #expect(world.machine.configuration.effectiveMaxKeepaliveConnections == 2)
        try world.arrive(1)
        try world.arrive(2)
        try world.establishAll()
        try world.complete(1)
        try world.complete(2)
        #expect(try world.arrive(3, .other) == [.closeConnection(1, .evicted), .createConnection(3, .other, request: 3)])
    }
}
