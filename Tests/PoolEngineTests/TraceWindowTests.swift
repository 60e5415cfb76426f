import PoolCore
import PoolEngine
import Testing

/// The runner's side of a traced request (``RequestTrace``): it waits at each trace point until told to go on, and
/// a cancellation made at a point lands where httpcore's request suspends next.
@Suite struct TraceWindowTests {
    static func pool(_ algorithm: PoolAlgorithm) -> (ConnectionPool, MockConnectionFactory) {
        let factory = MockConnectionFactory()
        let configuration = PoolConfiguration(
            maxConnections: 1, maxKeepaliveConnections: nil, keepaliveExpiry: 5, algorithm: algorithm)
        return (ConnectionPool(configuration: configuration, factory: factory), factory)
    }

    /// Waits until the request pauses, and returns where.
    static func paused(_ trace: RequestTrace) async -> RequestTrace.Point? {
        await withCheckedContinuation { continuation in trace.whenPaused { continuation.resume() } }
        return trace.pausedEvent?.point
    }

    /// Goes on from each point up to (not including) `stop`, answering the request on the mock connection when
    /// it is sent; returns the point it stopped at.
    static func advance(_ trace: RequestTrace, to stop: RequestTrace.Point, _ factory: MockConnectionFactory) async
        -> RequestTrace.Point?
    {
        var point = await paused(trace)
        while let current = point, current != stop {
            trace.resume()
            if current == .receiveResponseHeadersStarted {
                for await execution in factory.executions {
                    execution.succeed()
                    break
                }
            }
            point = await paused(trace)
        }
        return point
    }

    static func repr(_ pool: ConnectionPool) -> String {
        pool.snapshot.repr(className: "AsyncConnectionPool") + " "
            + pool.snapshot.connectionsRepr(className: "AsyncHTTPConnection")
    }

    @Test func nothingIsDialledBeforeConnectStartedReturns() async {
        let (pool, factory) = Self.pool(.httpcore1)
        let trace = RequestTrace()
        let pending = pool.submit(ConnectionPoolTests.request(), trace: trace)
        #expect(await Self.paused(trace) == .connectTCPStarted)
        let info = trace.pausedEvent?.info.map(\.key)
        #expect(info == ["host", "port", "local_address", "timeout", "socket_options"])
        #expect(factory.dialCount == 0)
        trace.cancel()
        await #expect(throws: PoolError.cancelled) { try await pending.response() }
        #expect(factory.dialCount == 0)
        #expect(Self.repr(pool) == "<AsyncConnectionPool [Requests: 0 active, 0 queued | Connections: 0 active, 0 idle]> []")
    }

    /// httpcore 1.0.9 keeps the connected connection NEW with nobody on it.
    @Test func cancelledAfterTheConnectLeavesANewConnection() async {
        let (pool, factory) = Self.pool(.httpcore1)
        let trace = RequestTrace()
        let pending = pool.submit(ConnectionPoolTests.request(), trace: trace)
        #expect(await Self.advance(trace, to: .connectTCPComplete, factory) == .connectTCPComplete)
        trace.cancel()
        await #expect(throws: PoolError.cancelled) { try await pending.response() }
        #expect(Self.repr(pool) == "<AsyncConnectionPool [Requests: 0 active, 0 queued | Connections: 1 active, 0 idle]> "
            + "[<AsyncHTTPConnection ['http://127.0.0.1:8000', HTTP/1.1, NEW, Request Count: 0]>]")
        #expect(factory.connections.map(\.isClosed) == [false])
        await pool.close()
        #expect(factory.connections.map(\.isClosed) == [true])
    }

    /// httpcore2 sends the request, then the cancellation closes the connection.
    @Test func httpcore2SendsThenCloses() async {
        let (pool, factory) = Self.pool(.httpcore2)
        let trace = RequestTrace()
        let pending = pool.submit(ConnectionPoolTests.request(), trace: trace)
        #expect(await Self.advance(trace, to: .connectTCPComplete, factory) == .connectTCPComplete)
        trace.cancel()
        for await execution in factory.executions {
            execution.succeed()
            break
        }
        await #expect(throws: PoolError.cancelled) { try await pending.response() }
        #expect(Self.repr(pool) == "<AsyncConnectionPool [Requests: 0 active, 0 queued | Connections: 0 active, 0 idle]> []")
        #expect(factory.connections.map(\.isClosed) == [true])
    }

    /// Cancelled with the response head in: httpcore 1.0.9 strands the request on an ACTIVE connection; httpcore2's
    /// close completes first and the connection is idle.
    @Test(arguments: PoolAlgorithm.allCases)
    func cancelledWithTheHeadIn(_ algorithm: PoolAlgorithm) async {
        let (pool, factory) = Self.pool(algorithm)
        let trace = RequestTrace()
        let pending = pool.submit(ConnectionPoolTests.request(), trace: trace)
        #expect(await Self.advance(trace, to: .receiveResponseHeadersComplete, factory) == .receiveResponseHeadersComplete)
        trace.cancel()
        await #expect(throws: PoolError.cancelled) { try await pending.response() }
        // No further pause after the cancellation landed.
        #expect(trace.pausedEvent?.point == nil)
        switch algorithm {
        case .httpcore1:
            #expect(Self.repr(pool) == "<AsyncConnectionPool [Requests: 1 active, 0 queued | Connections: 1 active, 0 idle]> "
                + "[<AsyncHTTPConnection ['http://127.0.0.1:8000', HTTP/1.1, ACTIVE, Request Count: 1]>]")
            #expect(pool.snapshot.connections.map(\.holdsStrandedRequest) == [true])
        case .httpcore2:
            #expect(Self.repr(pool) == "<AsyncConnectionPool [Requests: 0 active, 0 queued | Connections: 0 active, 1 idle]> "
                + "[<AsyncHTTPConnection ['http://127.0.0.1:8000', HTTP/1.1, IDLE, Request Count: 1]>]")
        }
    }

    /// A request that goes on at every point completes, after `response_closed.complete`.
    @Test func everyPointInOrder() async throws {
        let (pool, factory) = Self.pool(.httpcore1)
        let trace = RequestTrace()
        let pending = pool.submit(ConnectionPoolTests.request(), trace: trace)
        #expect(await Self.advance(trace, to: .responseClosedComplete, factory) == .responseClosedComplete)
        #expect(!pending.isFinished)
        trace.resume()
        let response = try await pending.response()
        #expect(response.status == 200)
        #expect(Self.repr(pool).hasPrefix("<AsyncConnectionPool [Requests: 0 active, 0 queued | Connections: 0 active, 1 idle]>"))
    }
}
