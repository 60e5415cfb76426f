import PoolCore
import PoolEngine
import PoolTestSupport
import Testing

/// The runner over real sockets on 127.0.0.1: ``NIOConnectionFactory`` against the scripted test server.
@Suite struct ConnectionPoolLoopbackTests {
    static func request(_ port: Int, _ path: String) -> PoolRequest {
        PoolRequest(method: "GET", origin: Origin(scheme: "http", host: "127.0.0.1", port: port), target: path)
    }

    /// §6a2: 20 concurrent requests on Limits(5, 5) use exactly 5 TCP connections.
    @Test(arguments: PoolAlgorithm.allCases)
    func twentyRequestsFiveTCPConnections(_ algorithm: PoolAlgorithm) async throws {
        let server = try await TestHTTPServer.start()
        let pool = ConnectionPool(
            configuration: PoolConfiguration(
                maxConnections: 5,
                maxKeepaliveConnections: 5,
                keepaliveExpiry: 5,
                algorithm: algorithm
            ),
            factory: NIOConnectionFactory()
        )
        let pending = (0..<20).map { _ in pool.submit(Self.request(server.port, "/cl")) }
        #expect(
            pool.snapshot.repr(className: "AsyncConnectionPool")
                == "<AsyncConnectionPool [Requests: 5 active, 15 queued | Connections: 5 active, 0 idle]>"
        )
        for request in pending {
            let response = try await request.response()
            #expect(response.status == 200)
            #expect(response.body == Array("hello".utf8))
        }
        #expect(server.acceptedConnections == 5)
        #expect(
            pool.snapshot.repr(className: "AsyncConnectionPool")
                == "<AsyncConnectionPool [Requests: 0 active, 0 queued | Connections: 0 active, 5 idle]>"
        )
        #expect(pool.snapshot.connections.allSatisfy { $0.localPort != nil })
        await pool.close()
        try await server.stop()
    }

    /// `Connection: close` responses are not reused: three sequential requests, three TCP connections.
    @Test func connectionCloseIsNotReused() async throws {
        let server = try await TestHTTPServer.start()
        let pool = ConnectionPool(
            configuration: .httpxDefault(algorithm: .httpcore1),
            factory: NIOConnectionFactory()
        )
        for _ in 0..<3 {
            #expect(try await pool.submit(Self.request(server.port, "/close")).response().status == 200)
        }
        #expect(server.acceptedConnections == 3)
        #expect(pool.snapshot.counters.closed(.notReusable) == 3)
        #expect(pool.snapshot.connections.isEmpty)
        await pool.close()
        try await server.stop()
    }

    /// A closed port fails with httpx's `ConnectError` wording and leaves nothing behind.
    @Test func refusedConnectIsAConnectError() async throws {
        let closed = try ClosedPort()
        let port = closed.port
        defer { withExtendedLifetime(closed) {} }
        let pool = ConnectionPool(
            configuration: .httpxDefault(algorithm: .httpcore2),
            factory: NIOConnectionFactory()
        )
        await #expect(throws: PoolError.connectError) {
            try await pool.submit(Self.request(port, "/cl")).response()
        }
        #expect(pool.snapshot.connections.isEmpty)
        await pool.close()
    }
}
