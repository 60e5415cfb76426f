import NIOCore
import NIOHTTP1
import NIOPosix
import TrafficModels

/// A mock OpenAI endpoint: a real HTTP/1.1 server on loopback that records every TCP connection and
/// request in a ``Ledger``.
///
/// ```swift
/// let server = try await MockServer.start(configuration: .init(latency: .milliseconds(50)))
/// // point the SDK (or PoolEngine) at server.baseURL, e.g. "http://127.0.0.1:54321/v1"
/// let ledger = server.ledger()   // connections, requests per connection, peaks
/// try await server.shutdown()
/// ```
///
/// Routes: `GET /v1/models`, `GET /v1/models/{id}`, `POST /v1/chat/completions` (non-streaming), plus
/// the admin routes `GET /_poolplay/ledger` and `POST /_poolplay/reset`. Admin routes are answered at
/// once (no latency), need no API key, and are **not** recorded as requests (their TCP connection is
/// recorded, as every accepted connection is).
///
/// Connections are accepted by ``LoadPlacingAcceptor`` on a thread of its own and placed on the mock's event
/// loops by load (``ConnectionPlacement``: the first loop takes the first 16, as nginx's awake worker does), not
/// round-robin. Each connection's protocol work lives in ``MockHTTPHandler``, on the connection's event loop. The
/// listen backlog is 1024: a stdlib Python server's backlog of 5 caused 1 s SYN-retry stalls under 32 concurrent
/// connects in the SDK probes, which would teach false lessons.
public final class MockServer: Sendable {
    /// The host the server listens on.
    public let host: String
    /// The bound port (the real one when started with port 0).
    public let port: Int
    let state: MockServerState
    private let acceptor: LoadPlacingAcceptor

    /// The mock's own event loops, one per core, shared by every mock in the process. Not the client's
    /// (`MultiThreadedEventLoopGroup.singleton`): in `play` both sides run in one process, and the mock's
    /// placement filling its first loop must not crowd the loop the client's pool runs on.
    static let eventLoops = MultiThreadedEventLoopGroup(numberOfThreads: System.coreCount)

    /// The base URL to give the SDK: `http://HOST:PORT/v1`.
    public var baseURL: String {
        let bracketed = host.contains(":") ? "[\(host)]" : host
        return "http://\(bracketed):\(port)/v1"
    }

    /// The live configuration.
    public var configuration: MockServerConfiguration { state.configuration }

    private init(host: String, port: Int, state: MockServerState, acceptor: LoadPlacingAcceptor) {
        self.host = host
        self.port = port
        self.state = state
        self.acceptor = acceptor
        acceptor.start()
    }

    /// Binds and starts serving.
    ///
    /// - Parameters:
    ///   - host: the address to bind; keep the default loopback address.
    ///   - port: the port; 0 picks a free one (read it back from ``port``).
    ///   - configuration: the initial configuration; change it later with ``updateConfiguration(_:)``.
    /// - Returns: the running server. Call ``shutdown()`` when done.
    public static func start(
        host: String = "127.0.0.1",
        port: Int = 0,
        configuration: MockServerConfiguration = .init()
    ) async throws -> MockServer {
        let state = MockServerState(configuration: configuration, startTime: .now())
        let address = try SocketAddress.makeAddressResolvingHost(host, port: port)
        let acceptor = try LoadPlacingAcceptor(
            address: address,
            backlog: 1024,
            loops: Array(eventLoops.makeIterator()),
            configure: { channel in try configureConnection(channel, state: state) }
        )
        return MockServer(host: host, port: acceptor.localAddress.port ?? port, state: state, acceptor: acceptor)
    }

    /// Sets up an accepted connection's pipeline, from the socket inwards: ``ByteCountingHandler``,
    /// ``HeaderReadTimeoutHandler``, ``MockResponseEncoder`` (outbound), NIO's request decoder and
    /// `HTTPServerPipelineHandler`, then ``MockHTTPHandler``.
    ///
    /// This is NIO's `configureHTTPServerPipeline(withPipeliningAssistance: true, withErrorHandling: false,
    /// withOutboundHeaderValidation: false)` with the mock's encoder in place of NIO's. No outbound header
    /// validation: every response header is one the mock wrote itself (names are constants, values numbers
    /// or fixed words; nothing echoes the request), and checking them again costs several percent of a
    /// keep-alive request.
    static func configureConnection(_ channel: any Channel, state: MockServerState) throws {
        try channel.pipeline.syncOperations.addHandlers([
            ByteCountingHandler(),
            HeaderReadTimeoutHandler(server: state),
            MockResponseEncoder(),
            ByteToMessageHandler(HTTPRequestDecoder(leftOverBytesStrategy: .dropBytes)),
            HTTPServerPipelineHandler(),
            MockHTTPHandler(server: state),
        ])
    }

    /// Changes the configuration while the server runs; each setting takes effect at its next use.
    public func updateConfiguration(_ body: @Sendable (inout MockServerConfiguration) -> Void) {
        state.updateConfiguration(body)
    }

    /// Loads a scenario (``Scenario/load(_:)`` or ``Scenario/parse(_:file:)``): its phases count from now,
    /// replacing any scenario loaded before; the configuration in force now is what its phases change.
    public func loadScenario(_ scenario: Scenario) {
        state.loadScenario(scenario, at: .now())
    }

    /// Drops the loaded scenario, if any: its phases no longer change the configuration.
    public func unloadScenario() {
        state.unloadScenario()
    }

    /// Applies the loaded scenario's phase in force now, if it changed, and returns the phase changes
    /// (and the load) not reported before, one line each, for a log. Requests also advance the phase.
    public func advanceScenario() -> [String] {
        state.advanceScenario(at: .now())
        return state.takeScenarioLog()
    }

    /// The loaded scenario's name and the phase in force (`nil` before its first phase); `nil` without one.
    public var scenario: (name: String, phase: String?)? { state.scenarioStatus }

    /// A snapshot of the ledger.
    public func ledger() -> Ledger {
        state.ledger
    }

    /// Forgets closed connections and finished requests (open connections stay; see ``Ledger``).
    public func resetLedger() {
        state.record { $0.reset() }
    }

    /// Waits until the ledger satisfies `predicate`, without polling: every ledger change re-checks it.
    ///
    /// Use it where a test must see an event the client cannot observe first, such as the server
    /// recording a client's close.
    ///
    /// - Parameters:
    ///   - timeout: how long to wait; default 5 s.
    ///   - predicate: the condition; checked at once and after every change.
    /// - Returns: the first ledger snapshot that satisfied `predicate`.
    /// - Throws: ``MockServerError/ledgerWaitTimedOut``.
    @discardableResult
    public func waitForLedger(
        timeout: Duration = .seconds(5),
        until predicate: @escaping @Sendable (Ledger) -> Bool
    ) async throws -> Ledger {
        try await withThrowingTaskGroup(of: Ledger?.self) { group in
            group.addTask { try await self.state.waitForLedger(until: predicate) }
            group.addTask {
                try? await Task.sleep(for: timeout)
                return nil
            }
            defer { group.cancelAll() }
            guard let first = try await group.next(), let ledger = first else {
                throw MockServerError.ledgerWaitTimedOut
            }
            return ledger
        }
    }

    /// Every OpenAI request as it finishes (status 0: no response was sent), for a one-line-per-request
    /// log such as `poolplay serve` prints. Each call gives an independent stream; it ends at
    /// ``shutdown()`` or when the caller stops iterating. Admin routes are not included.
    public func requestLog() -> AsyncStream<RequestRecord> {
        state.requestLog()
    }

    /// Stops accepting, closes every open connection, and waits until they are closed. Idempotent.
    ///
    /// Connections closed this way are recorded as `closedBy: "server"`, `closeReason: "server shutdown"`.
    public func shutdown() async throws {
        defer { state.finishRequestLogs() }
        await acceptor.stop()
        // A connection accepted but not yet active finds the server shutting down and closes itself.
        for channel in state.beginShutdown() {
            channel.close(promise: nil)
        }
        await acceptor.waitUntilAllClosed()
    }
}
