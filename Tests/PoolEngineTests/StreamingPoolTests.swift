import PoolCore
import PoolEngine
import Testing

/// Streamed responses (`client.stream(...)`): the request stays active, and its connection ACTIVE, until the
/// caller closes the body; closing after the end returns the connection to IDLE, closing before closes it.
@Suite struct StreamingPoolTests {
    static let configuration = PoolConfiguration(
        maxConnections: 1, maxKeepaliveConnections: 1, keepaliveExpiry: 5, algorithm: .httpcore1)

    static func repr(_ pool: ConnectionPool) -> String { pool.snapshot.repr(className: "AsyncConnectionPool") }

    @Test func activeUntilClosedThenIdleAndReused() async throws {
        let factory = MockConnectionFactory()
        let pool = ConnectionPool(configuration: Self.configuration, factory: factory, clock: MockClock())
        let pending = pool.submit(ConnectionPoolTests.request(0), stream: true)
        var executions = factory.executions.makeAsyncIterator()
        let body = try #require(await executions.next()).connection.answerHead()
        let streamed = try await pending.streamedResponse()
        body.push(.success(.bytes(Array("data: 1\n\n".utf8))))
        #expect(try await streamed.read() == Array("data: 1\n\n".utf8))
        #expect(pool.snapshot.connections.map(\.state) == [.active])
        body.push(.success(.end(keepAlive: true)))
        #expect(try await streamed.read() == nil)
        // Read to the end but not closed: still active (httpcore releases at `aclose()`).
        #expect(Self.repr(pool) == "<AsyncConnectionPool [Requests: 1 active, 0 queued | Connections: 1 active, 0 idle]>")
        streamed.close()
        #expect(Self.repr(pool) == "<AsyncConnectionPool [Requests: 0 active, 0 queued | Connections: 0 active, 1 idle]>")
        let next = pool.submit(ConnectionPoolTests.request(1))
        try #require(await executions.next()).succeed()
        #expect(try await next.response().body == Array("ok".utf8))
        #expect(factory.dialCount == 1)
    }

    @Test func closedBeforeTheEndClosesTheConnection() async throws {
        let factory = MockConnectionFactory()
        let pool = ConnectionPool(configuration: Self.configuration, factory: factory, clock: MockClock())
        let pending = pool.submit(ConnectionPoolTests.request(0), stream: true)
        var executions = factory.executions.makeAsyncIterator()
        let first = try #require(await executions.next()).connection
        let body = first.answerHead()
        let streamed = try await pending.streamedResponse()
        body.push(.success(.bytes([1, 2, 3])))
        #expect(try await streamed.read() == [1, 2, 3])
        streamed.close()
        #expect(first.isClosed)
        #expect(Self.repr(pool) == "<AsyncConnectionPool [Requests: 0 active, 0 queued | Connections: 0 active, 0 idle]>")
        let next = pool.submit(ConnectionPoolTests.request(1))
        try #require(await executions.next()).succeed()
        #expect(try await next.response().status == 200)
        #expect(factory.dialCount == 2)
    }

    @Test func readErrorMidBodyEndsTheRequestAndTheConnection() async throws {
        let factory = MockConnectionFactory()
        let pool = ConnectionPool(configuration: Self.configuration, factory: factory, clock: MockClock())
        let pending = pool.submit(ConnectionPoolTests.request(0), stream: true)
        var executions = factory.executions.makeAsyncIterator()
        let body = try #require(await executions.next()).connection.answerHead()
        let streamed = try await pending.streamedResponse()
        body.push(.failure(.readTimeout))
        await #expect(throws: PoolError.readTimeout) { try await streamed.read() }
        #expect(Self.repr(pool) == "<AsyncConnectionPool [Requests: 0 active, 0 queued | Connections: 0 active, 0 idle]>")
        streamed.close()  // no effect now
        #expect(pool.snapshot.counters.completed == 0)
    }

    @Test func cancellingAReadReleasesTheSlot() async throws {
        let factory = MockConnectionFactory()
        let pool = ConnectionPool(configuration: Self.configuration, factory: factory, clock: MockClock())
        let pending = pool.submit(ConnectionPoolTests.request(0), stream: true)
        var executions = factory.executions.makeAsyncIterator()
        let connection = try #require(await executions.next()).connection
        let body = connection.answerHead()
        let streamed = try await pending.streamedResponse()
        let reader = Task { try await streamed.read() }
        for _ in 0..<10_000 where body.reads == 0 { await Task.yield() }
        #expect(body.reads == 1)
        reader.cancel()
        await #expect(throws: PoolError.cancelled) { try await reader.value }
        #expect(connection.isClosed)
        #expect(Self.repr(pool) == "<AsyncConnectionPool [Requests: 0 active, 0 queued | Connections: 0 active, 0 idle]>")
    }

    /// Over loopback: both framings stream, and a fully read body returns its connection for reuse.
    @Test(arguments: ["/cl", "/chunked"])
    func loopbackBodiesStreamAndReuse(_ path: String) async throws {
        let server = try await TestHTTPServer.start()
        let pool = ConnectionPool(configuration: Self.configuration, factory: NIOConnectionFactory())
        let streamed = try await pool.submit(ConnectionPoolLoopbackTests.request(server.port, path), stream: true)
            .streamedResponse()
        #expect(pool.snapshot.connections.map(\.state) == [.active])
        let body = try await streamed.readAll()
        #expect(String(decoding: body, as: UTF8.self) == (path == "/cl" ? "hello" : "hello world"))
        streamed.close()
        #expect(pool.snapshot.connections.map(\.state) == [.idle])
        #expect(try await pool.submit(ConnectionPoolLoopbackTests.request(server.port, "/cl")).response().status == 200)
        #expect(pool.snapshot.counters.opened == 1)
        await pool.close()
        try await server.stop()
    }

    /// httpcore applies the read timeout to each read: the body stalls, the next read times out, and the
    /// connection is closed and leaves the pool.
    @Test func readTimeoutMidBody() async throws {
        let server = try await TestHTTPServer.start()
        let pool = ConnectionPool(configuration: Self.configuration, factory: NIOConnectionFactory())
        var request = ConnectionPoolLoopbackTests.request(server.port, "/stall-body")
        request.timeouts.read = .milliseconds(100)
        let streamed = try await pool.submit(request, stream: true).streamedResponse()
        #expect(try await streamed.read() == Array("abc".utf8))
        await #expect(throws: PoolError.readTimeout) { try await streamed.read() }
        #expect(Self.repr(pool) == "<AsyncConnectionPool [Requests: 0 active, 0 queued | Connections: 0 active, 0 idle]>")
        await pool.close()
        try await server.stop()
    }
}
