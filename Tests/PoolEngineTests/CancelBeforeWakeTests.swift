import PoolCore
import PoolEngine
import Synchronization
import Testing

/// The runner's side of a fresh connection handed to a request whose task has not run yet: nothing is dialled until
/// the task wakes, and a cancellation that reaches the pool first leaves httpcore 1.0.9's CONNECTING orphan
/// (encode/httpcore#1093) or httpcore2's empty pool (pydantic/httpx2#983).
@Suite struct CancelBeforeWakeTests {
    /// A loop whose turns the test runs by hand: `callSoon` work waits for ``runTurn()``; `post`ed network reports
    /// are kept and never applied (the tests here need none).
    final class ManualLoop: PoolEventLoop {
        private let ready = Mutex<[@Sendable () -> Void]>([])

        func post(_ work: @escaping @Sendable () -> Void) {}

        func callSoon(_ work: @escaping @Sendable () -> Void) {
            ready.withLock { $0.append(work) }
        }

        /// Runs what was ready when the turn began; returns how many callbacks ran.
        @discardableResult
        func runTurn() -> Int {
            let turn = ready.withLock { ready in
                defer { ready.removeAll() }
                return ready
            }
            for work in turn { work() }
            return turn.count
        }
    }

    @Test(arguments: PoolAlgorithm.allCases)
    func twoTasksCancelledInOneTurn(_ algorithm: PoolAlgorithm) {
        let loop = ManualLoop()
        let configuration = PoolConfiguration(
            maxConnections: 1, maxKeepaliveConnections: nil, keepaliveExpiry: 5, algorithm: algorithm)
        let pool = ConnectionPool(configuration: configuration, factory: MockConnectionFactory(), loop: loop)
        let first = pool.submit(ConnectionPoolTests.request(pool: nil, 1))
        let second = pool.submit(ConnectionPoolTests.request(pool: nil, 2))
        #expect(pool.snapshot.repr(className: "AsyncConnectionPool")
            == "<AsyncConnectionPool [Requests: 1 active, 1 queued | Connections: 1 active, 0 idle]>")
        // `task.cancel()` on both: each reaches the pool at its task's next step, in order.
        first.cancel()
        second.cancel()
        #expect(!first.isFinished && !second.isFinished)
        loop.runTurn()
        #expect(first.result?.failure == .cancelled && second.result?.failure == .cancelled)
        let connections = pool.snapshot.connections
        switch algorithm {
        case .httpcore1:
            #expect(connections.map { $0.repr(className: "AsyncHTTPConnection") } == ["<AsyncHTTPConnection [CONNECTING]>"])
            #expect(connections.map(\.isOwnerless) == [true])
        case .httpcore2:
            #expect(connections.isEmpty)
        }
        // Request 2's wake-up comes after its cancellation and changes nothing (the rest are a dial's turns).
        var turns = 0
        while loop.runTurn() > 0 && turns < 20 { turns += 1 }
        #expect(turns < 20)
        #expect(pool.snapshot.connections.map(\.id) == (algorithm == .httpcore1 ? [2] : []))
    }
}

extension Result {
    fileprivate var failure: Failure? {
        if case .failure(let error) = self { error } else { nil }
    }
}
