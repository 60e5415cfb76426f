import PoolCore
import Testing

/// Where httpcore 1.0.9 and httpcore2 decide differently (reference §3.3 vs §3.9).
@Suite struct PoolStateMachineAlgorithmTests {
    /// Line 294: an idle connection is closed while the *total* count exceeds max_keepalive, even with a queue
    /// waiting; httpcore2 counts idle connections only and reuses it.
    @Test func keepaliveTrimCountsAllConnectionsInHttpcore1() throws {
        var one = PoolWorld(max: 2, keepalive: 1, .httpcore1)
        var two = PoolWorld(max: 2, keepalive: 1, .httpcore2)
        try one.arrive(1)
        try one.arrive(2)
        try one.arrive(3)
        try one.establishAll()
        try two.arrive(1)
        try two.arrive(2)
        try two.arrive(3)
        try two.establishAll()
        #expect(
            try one.complete(1) == [
                .completeRequest(1), .closeConnection(1, .keepAliveLimit), .attemptStart(3, on: 3),
            ]
        )
        // The new connection is dialled when request 3's task runs (it connects lazily).
        #expect(try one.attemptStart(3) == [.createConnection(3, .test, request: 3)])
        #expect(try two.complete(1) == [.completeRequest(1), .attemptStart(3, on: 1)])
    }

    /// When load drains, httpcore 1.0.9 closes idle connections until the total is at most max_keepalive;
    /// httpcore2 closes the oldest idle ones beyond max_keepalive idle.
    @Test func drainingDownToTheKeepaliveLimit() throws {
        var one = PoolWorld(max: 5, keepalive: 2, .httpcore1)
        var two = PoolWorld(max: 5, keepalive: 2, .httpcore2)
        for r in 1...3 {
            try one.arrive(r)
            try two.arrive(r)
        }
        try one.establishAll()
        try two.establishAll()
        #expect(try one.complete(1) == [.completeRequest(1), .closeConnection(1, .keepAliveLimit)])
        #expect(try one.complete(2) == [.completeRequest(2)])
        #expect(try one.complete(3) == [.completeRequest(3)])
        #expect(one.machine.snapshot.connections.map(\.id) == [2, 3])
        #expect(try two.complete(1) == [.completeRequest(1)])
        #expect(try two.complete(2) == [.completeRequest(2)])
        #expect(try two.complete(3) == [.completeRequest(3), .closeConnection(1, .keepAliveLimit)])
        #expect(two.machine.snapshot.connections.map(\.id) == [2, 3])
    }

    /// httpcore 1.0.9 hands one idle connection to every queued request in one pass. The first start wins; each
    /// loser re-queues in its old place with a fresh pool deadline. httpcore2 reserves the connection.
    @Test func doubleAssignmentAndRequeueWithFreshDeadline() throws {
        var world = PoolWorld(max: 1, keepalive: 1, .httpcore1)
        try world.arrive(1)
        try world.establish(1)
        try world.arrive(2, pool: 0.2)  // timer 1
        try world.arrive(3, pool: 0.2)  // timer 2
        world.now = 0.1
        #expect(
            try world.complete(1) == [
                .completeRequest(1), .attemptStart(2, on: 1), .attemptStart(3, on: 1),
            ]
        )
        #expect(world.repr == "<AsyncConnectionPool [Requests: 2 active, 0 queued | Connections: 0 active, 1 idle]>")
        // Each timer runs until its task leaves wait_for_connection.
        #expect(
            try world.attemptStart(2) == [.cancelTimer(PoolTimer(id: 1, requestID: 2, deadline: 0.2)), .execute(2, on: 1)])
        world.now = 0.15
        #expect(
            try world.attemptStart(3) == [
                .cancelTimer(PoolTimer(id: 2, requestID: 3, deadline: 0.2)),
                .scheduleTimer(PoolTimer(id: 3, requestID: 3, deadline: 0.35)),
            ])
        #expect(world.repr == "<AsyncConnectionPool [Requests: 1 active, 1 queued | Connections: 1 active, 0 idle]>")
        #expect(world.machine.snapshot.counters.requeues == 1)
        let log = world.machine.eventLog.entries.map(\.event)
        #expect(log.contains(.requestRequeued(request: 3, connection: 1)))
    }

    @Test func httpcore2ReservesTheIdleConnection() throws {
        var world = PoolWorld(max: 1, keepalive: 1, .httpcore2)
        try world.arrive(1)
        try world.establish(1)
        try world.arrive(2, pool: 0.2)
        try world.arrive(3, pool: 0.2)
        world.now = 0.1
        #expect(
            try world.complete(1) == [
                .completeRequest(1), .attemptStart(2, on: 1),
            ]
        )
        #expect(world.repr == "<AsyncConnectionPool [Requests: 1 active, 1 queued | Connections: 0 active, 1 idle]>")
        #expect(
            try world.attemptStart(2) == [.cancelTimer(PoolTimer(id: 1, requestID: 2, deadline: 0.2)), .execute(2, on: 1)])
        // Request 3 keeps its original deadline.
        #expect(world.machine.phase(of: 3) == .queued(timer: PoolTimer(id: 2, requestID: 3, deadline: 0.2)))
        #expect(world.machine.snapshot.counters.requeues == 0)
    }

    /// A loser keeps its place: it is served before requests that arrived after it.
    @Test func loserKeepsItsPlaceInTheQueue() throws {
        var world = PoolWorld(max: 1, keepalive: 1, .httpcore1)
        try world.arrive(1)
        try world.establish(1)
        try world.arrive(2)
        try world.arrive(3)
        try world.complete(1)  // 2 and 3 both assigned to connection 1
        try world.arrive(4)  // also assigned to the still-idle connection 1
        #expect(world.startQueue == [2, 3, 4])
        try world.deliverStarts()  // 2 wins, 3 and 4 re-queue
        #expect(world.machine.requestIDs == [2, 3, 4])
        #expect(try world.complete(2) == [.completeRequest(2), .attemptStart(3, on: 1), .attemptStart(4, on: 1)])
    }

    /// httpcore 1.0.9 expires or trims an idle connection even when it was already handed to a request that has
    /// not started (encode/httpcore #1110); the request then re-queues. httpcore2 never closes a reserved one.
    @Test(arguments: PoolAlgorithm.allCases)
    func expiryOfAnAssignedConnection(_ algorithm: PoolAlgorithm) throws {
        var world = PoolWorld(max: 3, keepalive: 3, expiry: 1, algorithm)
        try world.arrive(1)
        try world.establish(1)
        try world.complete(1)  // expire_at = 1
        world.now = 0.5
        #expect(try world.arrive(2) == [.attemptStart(2, on: 1)])
        world.now = 2  // connection 1 expired; request 2 has not started yet
        let actions = try world.arrive(3)
        switch algorithm {
        case .httpcore1:
            #expect(actions == [.closeConnection(1, .expired), .createConnection(2, .test, request: 3)])
            #expect(try world.attemptStart(2) == [.createConnection(3, .test, request: 2)])
            #expect(world.machine.snapshot.counters.requeues == 1)
        case .httpcore2:
            #expect(actions == [.createConnection(2, .test, request: 3)])
            #expect(try world.attemptStart(2) == [.execute(2, on: 1)])
        }
    }

    /// Eviction in httpcore 1.0.9 may pick an idle connection that this same pass already handed to a request.
    @Test func httpcore1CanEvictAConnectionAssignedInTheSamePass() throws {
        var world = PoolWorld(max: 1, keepalive: 1, .httpcore1)
        try world.arrive(1)
        try world.establish(1)
        try world.arrive(2)
        try world.arrive(3, .other)
        #expect(
            try world.complete(1) == [
                .completeRequest(1), .attemptStart(2, on: 1), .closeConnection(1, .evicted),
                .attemptStart(3, on: 2),
            ]
        )
        #expect(try world.attemptStart(3) == [.createConnection(2, .other, request: 3)])
        #expect(try world.attemptStart(2) == [])
        #expect(world.machine.phase(of: 2) == .queued(timer: nil))
    }
}
