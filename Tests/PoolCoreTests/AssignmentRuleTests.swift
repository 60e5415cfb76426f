import PoolCore
import Testing

/// Pass (B) of `_assign_requests_to_connections`, event by event, for both algorithms
/// (httpcore `connection_pool.py:301-337`; httpcore2 `:330-366`): origin matching, reuse of the oldest available
/// connection, connecting connections counting toward `max_connections`, eviction of the oldest idle connection of
/// any origin.
@Suite struct AssignmentRuleTests {
    static let https = Origin(scheme: "https", host: "127.0.0.1", port: 8000)
    static let localhost = Origin(scheme: "http", host: "localhost", port: 8000)
    static let third = Origin(scheme: "http", host: "127.0.0.1", port: 7000)

    /// One idle connection to http://127.0.0.1:8000; each triple that differs in scheme, host or port gets a new
    /// connection (`can_handle_request` is `origin == self._origin`, `connection.py:167-168`).
    @Test(arguments: PoolAlgorithm.allCases)
    func originIsSchemeHostAndPort(_ algorithm: PoolAlgorithm) throws {
        var world = PoolWorld(max: 10, keepalive: 10, algorithm)
        try world.arrive(1)
        try world.establish(1)
        world.now = 0.1
        try world.complete(1)
        world.now = 0.2
        #expect(try world.arrive(2, Self.https) == [.createConnection(2, Self.https, request: 2)])
        #expect(try world.arrive(3, Self.localhost) == [.createConnection(3, Self.localhost, request: 3)])
        #expect(try world.arrive(4, .other) == [.createConnection(4, .other, request: 4)])
        #expect(try world.arrive(5, .test) == [.attemptStart(5, on: 1)])
        #expect(world.repr == "<AsyncConnectionPool [Requests: 4 active, 0 queued | Connections: 3 active, 1 idle]>")
        #expect(
            world.machine.snapshot.connections.map { $0.repr(className: "AsyncHTTPConnection") } == [
                "<AsyncHTTPConnection ['http://127.0.0.1:8000', HTTP/1.1, IDLE, Request Count: 1]>",
                "<AsyncHTTPConnection [CONNECTING]>", "<AsyncHTTPConnection [CONNECTING]>",
                "<AsyncHTTPConnection [CONNECTING]>",
            ])
    }

    /// `available_connections[0]`: the oldest in creation order, not the one idle the longest.
    @Test(arguments: PoolAlgorithm.allCases)
    func reuseTakesTheOldestAvailableConnection(_ algorithm: PoolAlgorithm) throws {
        var world = PoolWorld(max: 3, keepalive: 3, algorithm)
        for r in 1...3 { try world.arrive(r) }
        try world.establishAll()
        world.now = 0.1
        try world.complete(3)
        world.now = 0.2
        try world.complete(2)
        world.now = 0.3
        #expect(try world.arrive(4) == [.attemptStart(4, on: 2)])
        #expect(try world.attemptStart(4) == [.execute(4, on: 2)])
        world.now = 0.4
        try world.complete(1)
        #expect(try world.arrive(5) == [.attemptStart(5, on: 1)])
        #expect(try world.attemptStart(5) == [.execute(5, on: 1)])
        #expect(world.machine.snapshot.connections.map(\.requestCount) == [2, 2, 1])
    }

    /// `len(self._connections) < self._max_connections` counts CONNECTING connections: the third request waits
    /// although nothing has connected yet, and a request for another origin finds nothing idle to evict.
    @Test(arguments: PoolAlgorithm.allCases)
    func connectingConnectionsCountTowardTheCap(_ algorithm: PoolAlgorithm) throws {
        var world = PoolWorld(max: 2, keepalive: 2, algorithm)
        #expect(try world.arrive(1, pool: 1) == [.createConnection(1, .test, request: 1)])
        #expect(try world.arrive(2, pool: 1) == [.createConnection(2, .test, request: 2)])
        #expect(try world.arrive(3, pool: 1) == [.scheduleTimer(PoolTimer(id: 1, requestID: 3, deadline: 1))])
        #expect(try world.arrive(4, .other, pool: 1) == [.scheduleTimer(PoolTimer(id: 2, requestID: 4, deadline: 1))])
        #expect(world.repr == "<AsyncConnectionPool [Requests: 2 active, 2 queued | Connections: 2 active, 0 idle]>")
        world.now = 0.5
        #expect(try world.establish(1) == [.execute(1, on: 1)])
        #expect(world.machine.snapshot.connections.map(\.state) == [.active, .connecting])
        world.now = 0.6
        // Request 1 done: connection 1 goes idle and request 3 (same origin) is handed it.
        let timer3 = PoolTimer(id: 1, requestID: 3, deadline: 1)
        let timer4 = PoolTimer(id: 2, requestID: 4, deadline: 1)
        switch algorithm {
        case .httpcore1:
            // Still IDLE, so request 4 (other origin) evicts it in the same pass; 3 re-queues with a new deadline.
            #expect(
                try world.complete(1) == [
                    .completeRequest(1), .attemptStart(3, on: 1), .closeConnection(1, .evicted),
                    .attemptStart(4, on: 3),
                ])
            #expect(
                try world.attemptStart(3) == [.cancelTimer(timer3), .scheduleTimer(PoolTimer(id: 3, requestID: 3, deadline: 1.6))])
            #expect(try world.attemptStart(4) == [.cancelTimer(timer4), .createConnection(3, .other, request: 4)])
            #expect(world.machine.snapshot.connections.map(\.state) == [.connecting, .connecting])
        case .httpcore2:
            // Reserved for 3; nothing else is available and the budget is spent, so 4 keeps waiting.
            #expect(try world.complete(1) == [.completeRequest(1), .attemptStart(3, on: 1)])
            #expect(try world.attemptStart(3) == [.cancelTimer(timer3), .execute(3, on: 1)])
            #expect(world.machine.phase(of: 4) == .queued(timer: timer4))
        }
        #expect(world.repr == "<AsyncConnectionPool [Requests: 2 active, 1 queued | Connections: 2 active, 0 idle]>")
    }

    /// At the cap, the *oldest idle* connection of any origin is evicted: active and connecting ones are skipped,
    /// and the victim's origin need not be the request's.
    @Test(arguments: PoolAlgorithm.allCases)
    func evictionSkipsBusyConnectionsAndIgnoresOrigin(_ algorithm: PoolAlgorithm) throws {
        var world = PoolWorld(max: 3, keepalive: 3, algorithm)
        try world.arrive(1, .test)
        try world.arrive(2, .other)
        try world.arrive(3, .test)
        try world.establishAll()
        world.now = 0.1
        try world.complete(3)  // connection 3 (.test) idle
        world.now = 0.2
        try world.complete(2)  // connection 2 (.other) idle; connection 1 still active
        world.now = 0.3
        #expect(
            try world.arrive(4, Self.third) == [
                .closeConnection(2, .evicted), .createConnection(4, Self.third, request: 4),
            ])
        #expect(world.machine.snapshot.connections.map(\.id) == [1, 3, 4])
        world.now = 0.4
        #expect(
            try world.arrive(5, Self.https) == [
                .closeConnection(3, .evicted), .createConnection(5, Self.https, request: 5),
            ])
        #expect(world.machine.snapshot.counters.closed(.evicted) == 2)
        // Nothing idle is left: the next request for yet another origin waits.
        #expect(try world.arrive(6, Self.localhost) == [])
        #expect(world.repr == "<AsyncConnectionPool [Requests: 3 active, 1 queued | Connections: 3 active, 0 idle]>")
    }

    /// `max_connections=None` is `sys.maxsize`: every concurrent request gets its own connection.
    @Test(arguments: PoolAlgorithm.allCases)
    func noneMaxConnectionsNeverQueues(_ algorithm: PoolAlgorithm) throws {
        var world = PoolWorld(max: nil, keepalive: nil, algorithm)
        for r in 1...200 { #expect(try world.arrive(r) == [.createConnection(r, .test, request: r)]) }
        try world.establishAll()
        for r in 1...200 { #expect(try world.complete(r) == [.completeRequest(r)]) }
        #expect(world.repr == "<AsyncConnectionPool [Requests: 0 active, 0 queued | Connections: 0 active, 200 idle]>")
    }
}
