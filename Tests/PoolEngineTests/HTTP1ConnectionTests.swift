import NIOCore
import PoolCore
import PoolTestSupport
import Testing

@testable import PoolEngine

/// `NIOConnectionFactory` + `HTTP1Connection` over real loopback sockets against `TestHTTPServer`.
@Suite struct HTTP1ConnectionTests {
    private let factory = NIOConnectionFactory()

    private func connect(_ server: TestHTTPServer) async throws -> any PoolConnection {
        try await factory.makeConnection(
            to: Origin(scheme: "http", host: "127.0.0.1", port: server.port),
            connectTimeout: .seconds(5)
        )
    }

    private func get(
        _ path: String,
        on server: TestHTTPServer,
        timeouts: RequestTimeouts = .httpxDefault
    )
        -> PoolRequest
    {
        PoolRequest(
            method: "GET",
            origin: Origin(scheme: "http", host: "127.0.0.1", port: server.port),
            target: path,
            timeouts: timeouts
        )
    }

    /// Polls `condition` every 10 ms, at most 500 times (5 s); returns its last value.
    private func eventually(_ condition: () -> Bool) async throws -> Bool {
        for _ in 0..<500 where !condition() {
            try await Task.sleep(for: .milliseconds(10))
        }
        return condition()
    }

    /// Runs `body`, expecting it to throw a `PoolError`, and returns that error.
    private func poolError(_ body: () async throws -> Void) async -> PoolError? {
        do {
            try await body()
            return nil
        } catch {
            return error as? PoolError
        }
    }

    @Test func sequentialRequestsReuseOneTCPConnection() async throws {
        let server = try await TestHTTPServer.start()
        let connection = try await connect(server)
        let first = try await connection.execute(get("/cl", on: server))
        let second = try await connection.execute(get("/chunked", on: server))
        #expect(first.body == Array("hello".utf8))
        #expect(first.keepAlive)
        #expect(second.body == Array("hello world".utf8))
        #expect(second.keepAlive)
        #expect(server.acceptedConnections == 1)
        #expect(connection.localPort != nil)
        connection.close()
        connection.close()  // idempotent
        try await server.stop()
    }

    @Test func requestCarriesHostFirstAndContentLength() async throws {
        let server = try await TestHTTPServer.start()
        let connection = try await connect(server)
        var request = get("/echo", on: server)
        request.method = "POST"
        request.headers = [("Accept", "application/json"), ("Authorization", "Bearer sk-test")]
        request.body = Array("abc".utf8)
        let response = try await connection.execute(request)
        let echoed = String(decoding: response.body, as: UTF8.self).split(separator: "\r\n").map(String.init)
        #expect(
            echoed == [
                "POST /echo HTTP/1.1", "Host: 127.0.0.1:\(server.port)", "Accept: application/json",
                "Authorization: Bearer sk-test", "Content-Length: 3", "abc",
            ]
        )
        connection.close()
        try await server.stop()
    }

    @Test func headerThatCannotBeWrittenFailsTheRequestNotTheProcess() async throws {
        let server = try await TestHTTPServer.start()
        let connection = try await connect(server)
        var request = get("/cl", on: server)
        request.headers = [("X-Bad", "a\r\nInjected: yes")]
        let error = await poolError { _ = try await connection.execute(request) }
        #expect(error?.httpxName == "WriteError")
        try await server.stop()
    }

    @Test func connectionCloseMeansNoKeepAlive() async throws {
        let server = try await TestHTTPServer.start()
        let connection = try await connect(server)
        let response = try await connection.execute(get("/close", on: server))
        #expect(response.body == Array("ok".utf8))
        #expect(!response.keepAlive)
        #expect(try await eventually { connection.hasPeerClosed })
        try await server.stop()
    }

    @Test func bodyReadUntilCloseIsCompleteButNotReusable() async throws {
        let server = try await TestHTTPServer.start()
        let connection = try await connect(server)
        let response = try await connection.execute(get("/until-close", on: server))
        #expect(response.body == Array("bye".utf8))
        #expect(!response.keepAlive)
        try await server.stop()
    }

    @Test func closeWithoutResponseIsRemoteProtocolError() async throws {
        let server = try await TestHTTPServer.start()
        let connection = try await connect(server)
        let error = await poolError { _ = try await connection.execute(get("/no-response", on: server)) }
        #expect(error == .remoteProtocolError())
        #expect(error?.description == "httpx.RemoteProtocolError: Server disconnected without sending a response.")
        try await server.stop()
    }

    @Test(arguments: [
        ("/cut-cl", "peer closed connection without sending complete message body (received 3 bytes, expected 10)"),
        ("/cut-chunked", "peer closed connection without sending complete message body (incomplete chunked read)"),
    ])
    func closeMidBodyIsRemoteProtocolError(path: String, message: String) async throws {
        let server = try await TestHTTPServer.start()
        let connection = try await connect(server)
        let error = await poolError { _ = try await connection.execute(get(path, on: server)) }
        #expect(error == .remoteProtocolError(message))
        try await server.stop()
    }

    @Test func silentServerGivesReadTimeout() async throws {
        let server = try await TestHTTPServer.start()
        let connection = try await connect(server)
        var timeouts = RequestTimeouts.httpxDefault
        timeouts.read = .milliseconds(100)
        let error = await poolError { _ = try await connection.execute(get("/slow", on: server, timeouts: timeouts)) }
        #expect(error == .readTimeout)
        #expect(try await eventually { connection.hasPeerClosed }, "a timed-out connection is closed")
        try await server.stop()
    }

    @Test func serverThatStopsReadingGivesWriteTimeout() async throws {
        let server = try await TestHTTPServer.start(readsRequests: false)
        let connection = try await connect(server)
        var request = get("/echo", on: server)
        request.method = "POST"
        request.body = [UInt8](repeating: 0x61, count: 32 << 20)  // far more than loopback socket buffers hold
        request.timeouts.write = .milliseconds(200)
        let error = await poolError { _ = try await connection.execute(request) }
        #expect(error == .writeTimeout)
        #expect(try await eventually { connection.hasPeerClosed }, "a timed-out connection is closed")
        try await server.stop()
    }

    @Test func connectFailuresMapToHttpxClasses() {
        #expect(
            NIOConnectionFactory.poolError(forConnectFailure: ChannelError.connectTimeout(.seconds(1)))
                == .connectTimeout
        )
        #expect(
            NIOConnectionFactory.poolError(forConnectFailure: IOError(errnoCode: 111, reason: "connect"))
                == .connectError
        )
    }

    @Test func refusedPortIsConnectError() async throws {
        let closed = try ClosedPort()
        let port = closed.port
        defer { withExtendedLifetime(closed) {} }
        let error = await poolError {
            _ = try await factory.makeConnection(
                to: Origin(scheme: "http", host: "127.0.0.1", port: port),
                connectTimeout: .seconds(5)
            )
        }
        #expect(error == .connectError)
    }

    @Test func peerCloseWhileIdleSetsHasPeerClosed() async throws {
        let server = try await TestHTTPServer.start()
        let connection = try await connect(server)
        let response = try await connection.execute(get("/then-close", on: server))
        #expect(response.keepAlive, "the response itself allowed reuse")
        #expect(try await eventually { connection.hasPeerClosed })
        let error = await poolError { _ = try await connection.execute(get("/cl", on: server)) }
        #expect(error == .remoteProtocolError())
        try await server.stop()
    }

    @Test func cancellingExecuteClosesTheConnectionAndThrows() async throws {
        let server = try await TestHTTPServer.start()
        let connection = try await connect(server)
        var timeouts = RequestTimeouts.httpxDefault
        timeouts.read = nil
        let request = get("/slow", on: server, timeouts: timeouts)
        let task = Task { try await connection.execute(request) }
        task.cancel()
        let error = await poolError { _ = try await task.value }
        #expect(error == .cancelled)
        #expect(try await eventually { connection.hasPeerClosed })
        try await server.stop()
    }
}
