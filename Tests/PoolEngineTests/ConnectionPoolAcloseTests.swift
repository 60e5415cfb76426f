import PoolCore
import PoolEngine
import Testing

/// ``ConnectionPool/acloseConnections()`` against mock connections, as real httpx behaves on `client.aclose()`
/// (max_connections=1, one request in flight, two queued): ReadError('') for the in-flight one, the queued ones
/// served on a new connection that stays in the pool.
@Suite struct ConnectionPoolAcloseTests {
    @Test(arguments: PoolAlgorithm.allCases)
    func inFlightFailsQueuedAreServed(_ algorithm: PoolAlgorithm) async throws {
        let factory = MockConnectionFactory()
        let configuration = PoolConfiguration(
            maxConnections: 1, maxKeepaliveConnections: 1, keepaliveExpiry: 5, algorithm: algorithm)
        let pool = ConnectionPool(configuration: configuration, factory: factory, clock: MockClock())
        let pending = (0..<3).map { pool.submit(ConnectionPoolTests.request($0)) }
        var executions = factory.executions.makeAsyncIterator()
        let first = try #require(await executions.next())
        #expect(first.request.target == "/?i=0")

        pool.acloseConnections()
        await #expect(throws: PoolError.readError("")) { try await pending[0].response() }
        #expect(factory.connections.first?.isClosed == true)
        #expect(pool.isClosed == false)
        for i in 1...2 {
            let next = try #require(await executions.next())
            #expect(next.request.target == "/?i=\(i)")
            next.succeed()
            #expect(try await pending[i].response().status == 200)
        }
        #expect(factory.dialCount == 2)
        let snapshot = pool.snapshot
        #expect(snapshot.repr(className: "AsyncConnectionPool")
            == "<AsyncConnectionPool [Requests: 0 active, 0 queued | Connections: 0 active, 1 idle]>")
        #expect(snapshot.connections.map(\.requestCount) == [2])
        await pool.close()
        let allClosed = factory.connections.allSatisfy { $0.isClosed }
        #expect(allClosed)
    }
}
