import PoolCore
import Testing

/// httpcore's `pool.aclose()` (``PoolStateMachine/acloseConnections(now:)``), event by event for both algorithms.
/// Observed with real httpx 0.28.1 and httpx2 2.16.2: `max_connections=1`, one request in flight, two queued,
/// `await client.aclose()` at 0.1 s → right after it `[Requests: 1 active, 2 queued | Connections: 0 active, 0 idle]`,
/// then the in-flight one raises `ReadError('')`, the queued ones are served on a new connection, and the pool ends `[Requests: 0 active, 0 queued | Connections: 0 active, 1 idle]` with
/// `Request Count: 2`.
@Suite struct AcloseRuleTests {
    @Test(arguments: PoolAlgorithm.allCases)
    func inFlightFailsWithReadErrorAndQueuedRequestsAreServedOnANewConnection(_ algorithm: PoolAlgorithm) throws {
        var world = PoolWorld(max: 1, keepalive: 1, algorithm)
        try world.arrive(1, pool: 5)
        try world.establish(1)
        try world.arrive(2, pool: 5)  // timer 1
        try world.arrive(3, pool: 5)  // timer 2
        world.now = 0.1
        let actions = world.machine.acloseConnections(now: 0.1)
        try world.apply(actions)
        #expect(actions == [.closeConnection(1, .poolClosed)])
        #expect(world.repr == "<AsyncConnectionPool [Requests: 1 active, 2 queued | Connections: 0 active, 0 idle]>")
        #expect(world.machine.isClosed == false)
        // The read meets the closed socket: whatever the runner saw, httpx raises ReadError('').
        let failed = world.machine.requestFailed(1, error: .readError("connection reset"), now: 0.1)
        try world.apply(failed)
        #expect(
            failed == [
                .failRequest(1, .readError("")), .attemptStart(2, on: 2),
            ])
        #expect(
            try world.attemptStart(2) == [
                .cancelTimer(PoolTimer(id: 1, requestID: 2, deadline: 5)), .createConnection(2, .test, request: 2),
            ])
        #expect(PoolError.readError("").httpxName == "ReadError")
        #expect(world.repr == "<AsyncConnectionPool [Requests: 1 active, 1 queued | Connections: 1 active, 0 idle]>")
        world.now = 0.12
        try world.establish(2)
        world.now = 0.6
        #expect(
            try world.complete(2) == [
                .completeRequest(2), .attemptStart(3, on: 2),
            ])
        try world.deliverStarts()
        world.now = 1.1
        try world.complete(3)
        #expect(world.repr == "<AsyncConnectionPool [Requests: 0 active, 0 queued | Connections: 0 active, 1 idle]>")
        #expect(world.machine.snapshot.connections.map(\.requestCount) == [2])
        #expect(world.outcomes == [1: .failed(.readError("")), 2: .completed, 3: .completed])
        #expect(world.machine.snapshot.counters.closed(.poolClosed) == 1)
    }

    /// A connection still connecting has no socket to close: it leaves the list, its request is served on it
    /// outside the pool (still "active" in the repr), and a new connection may open beside it.
    @Test(arguments: PoolAlgorithm.allCases)
    func connectingConnectionServesItsRequestOutsideThePool(_ algorithm: PoolAlgorithm) throws {
        var world = PoolWorld(max: 2, keepalive: 2, algorithm)
        try world.arrive(1)  // connection 1, connecting
        try world.arrive(2)
        try world.establish(2)
        try world.arrive(3)  // queued: at the cap, nothing idle
        world.now = 0.1
        let actions = world.machine.acloseConnections(now: 0.1)
        try world.apply(actions)
        #expect(actions == [.closeConnection(2, .poolClosed)])
        #expect(world.repr == "<AsyncConnectionPool [Requests: 2 active, 1 queued | Connections: 0 active, 0 idle]>")
        let failed = world.machine.requestFailed(2, error: .readError("closed"), now: 0.1)
        try world.apply(failed)
        #expect(failed == [.failRequest(2, .readError("")), .attemptStart(3, on: 3)])
        #expect(try world.attemptStart(3) == [.createConnection(3, .test, request: 3)])
        #expect(world.repr == "<AsyncConnectionPool [Requests: 2 active, 0 queued | Connections: 1 active, 0 idle]>")
        #expect(world.machine.snapshot.connections.map(\.id) == [3])
        #expect(world.machine.orphanedConnectionIDs == [1])
        world.now = 0.2
        #expect(try world.establish(1) == [.execute(1, on: 1)])
        world.now = 0.5
        #expect(try world.complete(1) == [.completeRequest(1), .closeConnection(1, .poolClosed)])
        #expect(world.machine.snapshot.connections.map(\.id) == [3])
        #expect(world.machine.snapshot.counters.closed(.poolClosed) == 2)
        // PoolPlay's shutdown still ends everything.
        let shutdown = world.machine.close(now: 1)
        try world.apply(shutdown)
        #expect(shutdown == [.failRequest(3, .poolClosed), .closeConnection(3, .poolClosed)])
    }

    /// An IDLE connection handed to a request that has not started is closed; the start attempt meets
    /// `ConnectionNotAvailable`, the request re-queues and dials anew. Cancelling a request that runs on a dropped
    /// connecting connection closes that dial.
    @Test(arguments: PoolAlgorithm.allCases)
    func assignedRequestRequeuesAndOrphanCanBeCancelled(_ algorithm: PoolAlgorithm) throws {
        var world = PoolWorld(max: 3, keepalive: 3, algorithm)
        try world.arrive(1)
        try world.establish(1)
        try world.complete(1)
        world.now = 1
        #expect(try world.arrive(2) == [.attemptStart(2, on: 1)])
        #expect(try world.arrive(3, .other) == [.createConnection(2, .other, request: 3)])
        let actions = world.machine.acloseConnections(now: 1)
        try world.apply(actions)
        #expect(actions == [.closeConnection(1, .poolClosed)])
        #expect(try world.attemptStart(2) == [.createConnection(3, .test, request: 2)])
        #expect(world.machine.snapshot.counters.requeues == 1)
        #expect(try world.cancel(3) == [.failRequest(3, .cancelled), .closeConnection(2, .error)])
        #expect(world.machine.snapshot.connections.map(\.id) == [3])
    }
}
