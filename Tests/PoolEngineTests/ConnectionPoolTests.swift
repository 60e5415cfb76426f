import PoolCore
import PoolEngine
import Testing

@Suite struct ConnectionPoolTests {
    static let origin = Origin(scheme: "http", host: "127.0.0.1", port: 8000)

    static func request(pool: Duration? = .seconds(5), _ i: Int = 0) -> PoolRequest {
        PoolRequest(
            method: "GET",
            origin: origin,
            target: "/?i=\(i)",
            timeouts: RequestTimeouts(connect: .seconds(5), read: .seconds(5), write: .seconds(5), pool: pool)
        )
    }

    static func limits(
        _ max: Int?,
        _ keepalive: Int?,
        expiry: Double? = 5,
        _ algorithm: PoolAlgorithm
    )
        -> PoolConfiguration
    {
        PoolConfiguration(
            maxConnections: max,
            maxKeepaliveConnections: keepalive,
            keepaliveExpiry: expiry,
            algorithm: algorithm
        )
    }

    /// Sends `count` concurrent requests, answering each as it reaches a connection, and returns the pool.
    static func burst(
        _ configuration: PoolConfiguration,
        count: Int = 20
    ) async throws
        -> (ConnectionPool, MockConnectionFactory)
    {
        let factory = MockConnectionFactory()
        let pool = ConnectionPool(configuration: configuration, factory: factory, clock: MockClock())
        let pending = (0..<count).map { pool.submit(request($0)) }
        var executions = factory.executions.makeAsyncIterator()
        for _ in 0..<count {
            let execution = try #require(await executions.next())
            #expect(pool.snapshot.connections.count <= configuration.effectiveMaxConnections)
            execution.succeed()
        }
        for request in pending {
            #expect(try await request.response().status == 200)
        }
        return (pool, factory)
    }

    @Test func twentyRequestsOnFiveConnections() async throws {
        let factory = MockConnectionFactory()
        let pool = ConnectionPool(configuration: Self.limits(5, 5, .httpcore1), factory: factory, clock: MockClock())
        let pending = (0..<20).map { pool.submit(Self.request($0)) }
        // Registration is synchronous: the queue is already there.
        #expect(
            pool.snapshot.repr(className: "AsyncConnectionPool")
                == "<AsyncConnectionPool [Requests: 5 active, 15 queued | Connections: 5 active, 0 idle]>"
        )
        var executions = factory.executions.makeAsyncIterator()
        var inFlight: [MockConnectionFactory.Execution] = []
        for _ in 0..<5 { inFlight.append(try #require(await executions.next())) }
        #expect(Set(inFlight.map(\.request.target)) == Set((0..<5).map { "/?i=\($0)" }))
        #expect(
            pool.snapshot.repr(className: "AsyncConnectionPool")
                == "<AsyncConnectionPool [Requests: 5 active, 15 queued | Connections: 5 active, 0 idle]>"
        )
        var served: [String] = inFlight.map(\.request.target)
        for _ in 0..<15 {
            inFlight.removeFirst().succeed()
            let next = try #require(await executions.next())
            served.append(next.request.target)
            inFlight.append(next)
            #expect(pool.snapshot.connections.count <= 5)
        }
        for execution in inFlight { execution.succeed() }
        for request in pending { #expect(try await request.response().status == 200) }
        #expect(factory.dialCount == 5)
        #expect(Array(served.dropFirst(5)) == (5..<20).map { "/?i=\($0)" })  // FIFO
        #expect(
            pool.snapshot.repr(className: "AsyncConnectionPool")
                == "<AsyncConnectionPool [Requests: 0 active, 0 queued | Connections: 0 active, 5 idle]>"
        )
        #expect(pool.snapshot.counters.completed == 20)
        #expect(pool.snapshot.counters.requeues > 0)  // httpcore 1.0.9 churn
    }

    /// §6a through the runner: Limits(5, 2) dials 20 connections under httpcore 1.0.9 and 5 under httpcore2.
    @Test(arguments: [(PoolAlgorithm.httpcore1, 20, 1), (.httpcore2, 5, 4)])
    func limitsFiveTwo(_ algorithm: PoolAlgorithm, dials: Int, requestCount: Int) async throws {
        let (pool, factory) = try await Self.burst(Self.limits(5, 2, algorithm))
        #expect(factory.dialCount == dials)
        #expect(
            pool.snapshot.repr(className: "AsyncConnectionPool")
                == "<AsyncConnectionPool [Requests: 0 active, 0 queued | Connections: 0 active, 2 idle]>"
        )
        #expect(pool.snapshot.connections.map(\.requestCount) == [requestCount, requestCount])
        #expect(factory.connections.count { $0.isClosed } == dials - 2)
    }

    /// The DESIGN page's Limits(10, 5) with 20 requests.
    @Test(arguments: [(PoolAlgorithm.httpcore1, 20), (.httpcore2, 10)])
    func limitsTenFive(_ algorithm: PoolAlgorithm, dials: Int) async throws {
        let (pool, factory) = try await Self.burst(Self.limits(10, 5, algorithm))
        #expect(factory.dialCount == dials)
        #expect(
            pool.snapshot.repr(className: "AsyncConnectionPool")
                == "<AsyncConnectionPool [Requests: 0 active, 0 queued | Connections: 0 active, 5 idle]>"
        )
    }

    /// §6c on virtual time: max_connections=1, Timeout(pool=0.2), 3 requests.
    @Test(arguments: PoolAlgorithm.allCases)
    func poolTimeoutFiresAtTheVirtualDeadline(_ algorithm: PoolAlgorithm) async throws {
        let clock = MockClock()
        let factory = MockConnectionFactory()
        let pool = ConnectionPool(configuration: Self.limits(1, 1, algorithm), factory: factory, clock: clock)
        let pending = (0..<3).map { pool.submit(Self.request(pool: .milliseconds(200), $0)) }
        var executions = factory.executions.makeAsyncIterator()
        let first = try #require(await executions.next())
        await clock.waitForSleepers(count: 1)  // one sleeper serves both deadlines
        #expect(
            pool.snapshot.repr(className: "AsyncConnectionPool")
                == "<AsyncConnectionPool [Requests: 1 active, 2 queued | Connections: 1 active, 0 idle]>"
        )
        clock.advance(by: .milliseconds(200))
        for request in pending.dropFirst() {
            await #expect(throws: PoolError.poolTimeout) { try await request.response() }
        }
        let timeouts = pool.eventLog.filter { $0.event == .requestFailed(request: 2, error: .poolTimeout) }
        #expect(timeouts.map(\.time) == [0.2])
        first.succeed()
        #expect(try await pending[0].response().status == 200)
        #expect(
            pool.snapshot.repr(className: "AsyncConnectionPool")
                == "<AsyncConnectionPool [Requests: 0 active, 0 queued | Connections: 0 active, 1 idle]>"
        )
        #expect(pool.snapshot.counters.poolTimeouts == 2)
    }

    @Test func maxConnectionsZeroTimesOut() async throws {
        let clock = MockClock()
        let factory = MockConnectionFactory()
        let pool = ConnectionPool(configuration: Self.limits(0, nil, .httpcore1), factory: factory, clock: clock)
        let request = pool.submit(Self.request(pool: .milliseconds(200)))
        await clock.waitForSleepers(count: 1)
        clock.advance(by: .milliseconds(200))
        await #expect(throws: PoolError.poolTimeout) { try await request.response() }
        #expect(factory.dialCount == 0)
    }

    @Test func cancellingAQueuedRequest() async throws {
        let factory = MockConnectionFactory()
        let pool = ConnectionPool(configuration: Self.limits(1, 1, .httpcore1), factory: factory, clock: MockClock())
        let first = pool.submit(Self.request(0))
        let second = pool.submit(Self.request(1))
        second.cancel()
        await #expect(throws: PoolError.cancelled) { try await second.response() }
        #expect(
            pool.snapshot.repr(className: "AsyncConnectionPool")
                == "<AsyncConnectionPool [Requests: 1 active, 0 queued | Connections: 1 active, 0 idle]>"
        )
        var executions = factory.executions.makeAsyncIterator()
        try #require(await executions.next()).succeed()
        #expect(try await first.response().status == 200)
    }

    @Test func closeFailsRequestsAndClosesConnections() async throws {
        let factory = MockConnectionFactory()
        let pool = ConnectionPool(configuration: Self.limits(1, 1, .httpcore2), factory: factory, clock: MockClock())
        let running = pool.submit(Self.request(0))
        let queued = pool.submit(Self.request(1))
        var executions = factory.executions.makeAsyncIterator()
        _ = try #require(await executions.next())
        await pool.close()
        #expect(pool.isClosed)
        await #expect(throws: PoolError.poolClosed) { try await running.response() }
        await #expect(throws: PoolError.poolClosed) { try await queued.response() }
        #expect(factory.connections.allSatisfy { $0.isClosed })
        let late = pool.submit(Self.request(2))
        await #expect(throws: PoolError.poolClosed) { try await late.response() }
        #expect(
            pool.snapshot.repr(className: "AsyncConnectionPool")
                == "<AsyncConnectionPool [Requests: 0 active, 0 queued | Connections: 0 active, 0 idle]>"
        )
    }

    @Test func connectErrorFailsTheRequest() async throws {
        let factory = MockConnectionFactory()
        factory.failNextConnects(1)
        let pool = ConnectionPool(configuration: Self.limits(1, 1, .httpcore1), factory: factory, clock: MockClock())
        let failing = pool.submit(Self.request(0))
        await #expect(throws: PoolError.connectError) { try await failing.response() }
        #expect(pool.snapshot.connections.isEmpty)
        let next = pool.submit(Self.request(1))
        var executions = factory.executions.makeAsyncIterator()
        try #require(await executions.next()).succeed()
        #expect(try await next.response().status == 200)
        #expect(factory.dialCount == 2)
    }

    /// §6d: a server-closed idle connection is replaced at the next request, silently.
    @Test func peerClosedIdleConnectionIsReplaced() async throws {
        let factory = MockConnectionFactory()
        let pool = ConnectionPool(configuration: Self.limits(5, 5, .httpcore1), factory: factory, clock: MockClock())
        var executions = factory.executions.makeAsyncIterator()
        let first = pool.submit(Self.request(0))
        try #require(await executions.next()).succeed()
        _ = try await first.response()
        let old = try #require(factory.connections.first)
        old.closeFromPeer()
        #expect(pool.snapshot.connections.map(\.state) == [.idle])  // lazy
        let second = pool.submit(Self.request(1))
        let execution = try #require(await executions.next())
        #expect(execution.connection !== old)
        execution.succeed()
        _ = try await second.response()
        #expect(old.isClosed)
        #expect(pool.snapshot.counters.closed(.serverClosed) == 1)
    }

    /// §6b on virtual time: expiry is checked only when the next request arrives.
    @Test func keepaliveExpiryOnVirtualTime() async throws {
        let clock = MockClock()
        let factory = MockConnectionFactory()
        let pool = ConnectionPool(
            configuration: Self.limits(5, 5, expiry: 1, .httpcore2),
            factory: factory,
            clock: clock
        )
        var executions = factory.executions.makeAsyncIterator()
        let first = pool.submit(Self.request(0))
        try #require(await executions.next()).succeed()
        _ = try await first.response()
        clock.advance(by: .milliseconds(1500))
        #expect(
            pool.snapshot.connections.map { $0.repr(className: "AsyncHTTPConnection") }
                == ["<AsyncHTTPConnection ['http://127.0.0.1:8000', HTTP/1.1, IDLE, Request Count: 1]>"]
        )
        let second = pool.submit(Self.request(1))
        try #require(await executions.next()).succeed()
        _ = try await second.response()
        #expect(factory.dialCount == 2)
        #expect(pool.snapshot.counters.closed(.expired) == 1)
    }

    @Test func taskCancellationCancelsTheRequest() async throws {
        let factory = MockConnectionFactory()
        let pool = ConnectionPool(configuration: Self.limits(1, 1, .httpcore1), factory: factory, clock: MockClock())
        _ = pool.submit(Self.request(0))
        let queued = pool.submit(Self.request(1))
        let waiter = Task { try await queued.response() }
        waiter.cancel()
        await #expect(throws: PoolError.cancelled) { try await waiter.value }
        #expect(pool.snapshot.queuedRequests == 0)
    }
}

@Suite struct ConnectionPoolObserverTests {
    @Test func changesStreamFollowsEveryEventAndEndsOnClose() async throws {
        let factory = MockConnectionFactory()
        let pool = ConnectionPool(
            configuration: ConnectionPoolTests.limits(1, 1, .httpcore1),
            factory: factory,
            clock: MockClock()
        )
        let changes = pool.changes()
        let request = pool.submit(ConnectionPoolTests.request(0))
        var executions = factory.executions.makeAsyncIterator()
        try #require(await executions.next()).succeed()
        _ = try await request.response()
        await pool.close()
        var reprs: [String] = []
        for await snapshot in changes { reprs.append(snapshot.repr(className: "AsyncConnectionPool")) }
        #expect(
            reprs == [
                "<AsyncConnectionPool [Requests: 0 active, 0 queued | Connections: 0 active, 0 idle]>",  // subscribed
                "<AsyncConnectionPool [Requests: 1 active, 0 queued | Connections: 1 active, 0 idle]>",  // submitted
                "<AsyncConnectionPool [Requests: 1 active, 0 queued | Connections: 1 active, 0 idle]>",  // connected
                "<AsyncConnectionPool [Requests: 0 active, 0 queued | Connections: 0 active, 1 idle]>",  // completed
                "<AsyncConnectionPool [Requests: 0 active, 0 queued | Connections: 0 active, 0 idle]>",  // closed
            ]
        )
        var afterClose = 0
        for await _ in pool.changes() { afterClose += 1 }
        #expect(afterClose == 1)  // a closed pool yields its snapshot once, then ends
    }
}
