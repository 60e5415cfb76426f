import PoolCore
import PoolEngine
import Synchronization
import Testing

/// httpcore 1.0.9's leak windows for a request without a trace callback, turn by turn: a `task.cancel()` requested
/// after K turns of the loop meets the request where CPython's would (the probe `sweep_single.py`, reference §B):
/// in the connect (nothing left), at `_state_lock` right after it (a NEW connection), in flight (closed), or in the
/// close's lock turn (a stranded request on an ACTIVE connection).
@Suite struct CancelWindowTurnTests {
    /// asyncio's iteration by hand: posted I/O is applied at the start of a turn (the poll), then the callbacks that
    /// were ready when the turn began run.
    final class TurnLoop: PoolEventLoop {
        private let queues = Mutex<(inbox: [@Sendable () -> Void], ready: [@Sendable () -> Void])>(([], []))
        private let posts: AsyncStream<Void>
        private let postsContinuation: AsyncStream<Void>.Continuation

        init() {
            (posts, postsContinuation) = AsyncStream.makeStream(of: Void.self)
        }

        func post(_ work: @escaping @Sendable () -> Void) {
            queues.withLock { $0.inbox.append(work) }
            postsContinuation.yield()
        }

        func callSoon(_ work: @escaping @Sendable () -> Void) {
            queues.withLock { $0.ready.append(work) }
        }

        /// One iteration; returns how many callbacks and posts it ran.
        @discardableResult
        func runTurn() -> Int {
            let (inbox, ready) = queues.withLock { queues in
                defer { queues = ([], []) }
                return queues
            }
            for work in inbox + ready { work() }
            return inbox.count + ready.count
        }

        /// Waits until something is posted (a dial or a response reported by the mock, on its own task).
        func nextPost() async {
            var iterator = posts.makeAsyncIterator()
            _ = await iterator.next()
        }
    }

    enum Left: Equatable {
        case nothing, newConnection, strandedRequest, other(String)
    }

    /// One request on a fresh `max_connections=1` pool; its task is cancelled after `k` turns, counted from the moment
    /// the connect (or, with `answered`, the response) was reported; the first of them polls the report in.
    static func run(_ algorithm: PoolAlgorithm, k: Int, answered: Bool) async -> Left {
        let loop = TurnLoop()
        let factory = MockConnectionFactory()
        let configuration = PoolConfiguration(
            maxConnections: 1, maxKeepaliveConnections: nil, keepaliveExpiry: 5, algorithm: algorithm)
        let pool = ConnectionPool(configuration: configuration, factory: factory, loop: loop)
        let pending = pool.submit(ConnectionPoolTests.request(pool: nil))
        if algorithm == .httpcore1 { loop.runTurn() }  // `_request_lock`'s checkpoint, then the dial starts
        await loop.nextPost()
        if answered {
            for _ in 0..<12 { loop.runTurn() }
            for await execution in factory.executions {
                execution.succeed()
                break
            }
            await loop.nextPost()
        }
        for _ in 0..<k { loop.runTurn() }
        pending.cancel()
        for _ in 0..<20 where loop.runTurn() > 0 {}
        let snapshot = pool.snapshot
        let states = snapshot.connections.map(\.state)
        switch (snapshot.activeRequests, states) {
        case (0, []), (0, [.idle]): return .nothing
        case (0, [.new]): return .newConnection
        case (1, [.active]) where snapshot.connections[0].holdsStrandedRequest: return .strandedRequest
        default: return .other(snapshot.repr(className: "Pool") + " \(states)")
        }
    }

    @Test(arguments: PoolAlgorithm.allCases)
    func afterTheConnect(_ algorithm: PoolAlgorithm) async {
        var outcomes: [Left] = []
        for k in 0...10 { outcomes.append(await Self.run(algorithm, k: k, answered: false)) }
        switch algorithm {
        case .httpcore1:
            // Exactly one turn — the one right after the connect's turns — leaves the connection NEW.
            #expect(outcomes.filter { $0 == .newConnection }.count == 1, "\(outcomes)")
            #expect(outcomes.allSatisfy { $0 == .nothing || $0 == .newConnection }, "\(outcomes)")
            let window = outcomes.firstIndex(of: .newConnection) ?? -1
            // The connect's seven turns (`ConnectionPool.connectTurns`) end in turn 7, where the task reaches the
            // lock; a cancellation requested by then is thrown at its checkpoint.
            #expect(window == 7, "\(outcomes)")
        case .httpcore2:
            #expect(outcomes.allSatisfy { $0 == .nothing }, "\(outcomes)")
        }
    }

    @Test(arguments: PoolAlgorithm.allCases)
    func whileTheResponseCloses(_ algorithm: PoolAlgorithm) async {
        var outcomes: [Left] = []
        for k in 0...4 { outcomes.append(await Self.run(algorithm, k: k, answered: true)) }
        switch algorithm {
        case .httpcore1:
            // Turn 1 polls the response in; the task wakes in turn 2 with it and suspends at the close's
            // `_state_lock`; a cancellation requested by then is thrown there in turn 3. Earlier ones land in the
            // read (the connection closes); later ones after the close.
            #expect(outcomes == [.nothing, .nothing, .strandedRequest, .nothing, .nothing], "\(outcomes)")
        case .httpcore2:
            #expect(outcomes.allSatisfy { $0 == .nothing }, "\(outcomes)")
        }
    }
}
