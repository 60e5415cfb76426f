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
        var waiting: CheckedContinuation<(head: PoolResponseHead, body: any PoolResponseBody), any Error>?
        var body: MockBody?
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

    func send(_ request: PoolRequest) async throws -> (head: PoolResponseHead, body: any PoolResponseBody) {
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

    /// Answers with a whole response: its body in one part, then the end.
    func answer(_ result: Result<PoolResponse, PoolError>) {
        switch result {
        case .success(let response):
            let body = answerHead(status: response.status)
            if !response.body.isEmpty { body.push(.success(.bytes(response.body))) }
            body.push(.success(.end(keepAlive: response.keepAlive)))
        case .failure(let error):
            let waiting = state.withLock { state in
                defer { state.waiting = nil }
                return state.waiting
            }
            waiting?.resume(throwing: error)
        }
    }

    /// Answers with a head only; the test pushes the body parts into the returned body.
    @discardableResult
    func answerHead(status: Int = 200) -> MockBody {
        let body = MockBody()
        let waiting = state.withLock { state in
            defer { state.waiting = nil }
            state.body = body
            return state.waiting
        }
        waiting?.resume(returning: (PoolResponseHead(status: status, reason: "OK", headers: []), body))
        return body
    }

    func close() {
        let (waiting, body) = state.withLock { state in
            state.closed = true
            defer { state.waiting = nil }
            return (state.waiting, state.body)
        }
        waiting?.resume(throwing: PoolError.readError("connection closed"))
        body?.push(.failure(.readError("connection closed")))
    }
}

/// A response body the test feeds part by part; a read waits for the next part.
final class MockBody: PoolResponseBody {
    private struct State {
        var parts: [Result<PoolBodyPart, PoolError>] = []
        var waiter: CheckedContinuation<PoolBodyPart, any Error>?
        var reads = 0
    }

    private let state = Mutex(State())

    /// How many reads the consumer has started.
    var reads: Int { state.withLock { $0.reads } }

    func push(_ part: Result<PoolBodyPart, PoolError>) {
        let waiter: CheckedContinuation<PoolBodyPart, any Error>? = state.withLock { state in
            if let waiter = state.waiter {
                state.waiter = nil
                return waiter
            }
            state.parts.append(part)
            return nil
        }
        waiter?.resume(with: part.mapError { $0 as any Error })
    }

    func read() async throws -> PoolBodyPart {
        try await withCheckedThrowingContinuation { continuation in
            let ready: Result<PoolBodyPart, PoolError>? = state.withLock { state in
                state.reads += 1
                if !state.parts.isEmpty { return state.parts.removeFirst() }
                state.waiter = continuation
                return nil
            }
            if let ready { continuation.resume(with: ready.mapError { $0 as any Error }) }
        }
    }
}
