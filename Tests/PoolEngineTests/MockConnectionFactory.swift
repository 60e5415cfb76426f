import PoolCore
import PoolEngine
import Synchronization

/// A connection factory for runner tests. Dials succeed at once (or fail, when told); each request sent on a mock
/// connection waits until the test answers it through the ``executions`` stream.
final class MockConnectionFactory: ConnectionFactory {
    /// One request waiting on a mock connection for the test's answer.
    struct Execution: Sendable {
        let request: PoolRequest
        let connection: MockConnection

        /// Answers with a 200 and the given keep-alive.
        func succeed(keepAlive: Bool = true) {
            connection.answer(
                .success(
                    PoolResponse(status: 200, reason: "OK", headers: [], body: Array("ok".utf8), keepAlive: keepAlive)
                )
            )
        }

        func fail(_ error: PoolError) {
            connection.answer(.failure(error))
        }
    }

    private struct State {
        var dials: [Origin] = []
        var failuresToInject = 0
        var connections: [MockConnection] = []
    }

    private let state = Mutex(State())
    /// Every request as it reaches a mock connection.
    let executions: AsyncStream<Execution>
    private let continuation: AsyncStream<Execution>.Continuation

    init() {
        (executions, continuation) = AsyncStream.makeStream(of: Execution.self)
    }

    /// How many connections were dialled.
    var dialCount: Int { state.withLock { $0.dials.count } }
    /// Every connection made, in order.
    var connections: [MockConnection] { state.withLock { $0.connections } }

    /// The next `count` dials throw `PoolError.connectError`.
    func failNextConnects(_ count: Int) {
        state.withLock { $0.failuresToInject = count }
    }

    func makeConnection(to origin: Origin, connectTimeout: Duration?) async throws -> any PoolConnection {
        let connection: MockConnection? = state.withLock { state in
            state.dials.append(origin)
            if state.failuresToInject > 0 {
                state.failuresToInject -= 1
                return nil
            }
            let connection = MockConnection(localPort: 50_000 + state.dials.count, sink: continuation)
            state.connections.append(connection)
            return connection
        }
        guard let connection else { throw PoolError.connectError }
        return connection
    }
}

/// A connection whose requests complete when the test says so.
final class MockConnection: PoolConnection {
    private struct State {
        var waiting: CheckedContinuation<PoolResponse, any Error>?
        var closed = false
        var peerClosed = false
        var requests = 0
    }

    let localPort: Int?
    private let sink: AsyncStream<MockConnectionFactory.Execution>.Continuation
    private let state = Mutex(State())

    init(localPort: Int, sink: AsyncStream<MockConnectionFactory.Execution>.Continuation) {
        self.localPort = localPort
        self.sink = sink
    }

    var hasPeerClosed: Bool { state.withLock { $0.peerClosed } }
    var isClosed: Bool { state.withLock { $0.closed } }
    var requestCount: Int { state.withLock { $0.requests } }

    /// Simulates the server closing the idle connection.
    func closeFromPeer() { state.withLock { $0.peerClosed = true } }

    func execute(_ request: PoolRequest) async throws -> PoolResponse {
        try await withCheckedThrowingContinuation { continuation in
            let rejected: Bool = state.withLock { state in
                guard !state.closed, state.waiting == nil else { return true }
                state.waiting = continuation
                state.requests += 1
                return false
            }
            if rejected {
                continuation.resume(throwing: PoolError.remoteProtocolError())
            } else {
                sink.yield(MockConnectionFactory.Execution(request: request, connection: self))
            }
        }
    }

    func answer(_ result: Result<PoolResponse, PoolError>) {
        let waiting = state.withLock { state in
            defer { state.waiting = nil }
            return state.waiting
        }
        waiting?.resume(with: result.mapError { $0 as any Error })
    }

    func close() {
        let waiting = state.withLock { state in
            state.closed = true
            defer { state.waiting = nil }
            return state.waiting
        }
        waiting?.resume(throwing: PoolError.readError("connection closed"))
    }
}
