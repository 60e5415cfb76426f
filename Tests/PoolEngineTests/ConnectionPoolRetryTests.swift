import PoolCore
import PoolEngine
import Testing

/// `AsyncHTTPTransport(retries=N)` through the pool: the connection stays CONNECTING while the dial retries, each
/// failed attempt is logged at its virtual time, and the request ends with the last error.
@Suite struct ConnectionPoolRetryTests {
    static let configuration = PoolConfiguration(
        maxConnections: 5, maxKeepaliveConnections: 5, keepaliveExpiry: 5, algorithm: .httpcore1)

    static func attemptLog(_ pool: ConnectionPool) -> [PoolLogEntry] {
        pool.eventLog.filter {
            if case .connectAttemptFailed = $0.event { true } else { false }
        }
    }

    @Test(arguments: PoolAlgorithm.allCases)
    func connectionStaysConnectingThenTheRequestGetsTheLastError(_ algorithm: PoolAlgorithm) async throws {
        let clock = MockClock()
        let flaky = FlakyConnectionFactory(clock: clock)
        var configuration = Self.configuration
        configuration.algorithm = algorithm
        let pool = ConnectionPool(configuration: configuration, factory: flaky, connectRetries: 2, clock: clock)
        let pending = pool.submit(ConnectionPoolTests.request())

        await clock.waitForSleepers(count: 1)  // attempts 1 and 2 failed at 0; the 0.5 s backoff sleeps
        let during = pool.snapshot
        #expect(during.repr(className: "AsyncConnectionPool")
            == "<AsyncConnectionPool [Requests: 1 active, 0 queued | Connections: 1 active, 0 idle]>")
        #expect(during.connections.map(\.state) == [.connecting])
        #expect(during.connections.first?.failedConnectAttempts == 2)
        #expect(during.counters.connectRetries == 2)
        #expect(flaky.attemptTimes == [.zero, .zero])

        clock.advance(by: .milliseconds(500))
        await #expect(throws: PoolError.connectError) { try await pending.response() }
        #expect(flaky.attemptTimes == [.zero, .zero, .milliseconds(500)])
        func failed(_ attempt: Int, _ delay: Double?) -> PoolLogEntry.Event {
            .connectAttemptFailed(connection: 1, attempt: attempt, error: .connectError, retryDelay: delay)
        }
        #expect(
            Self.attemptLog(pool) == [
                PoolLogEntry(time: 0, event: failed(1, 0)), PoolLogEntry(time: 0, event: failed(2, 0.5)),
                PoolLogEntry(time: 0.5, event: failed(3, nil)),
            ])
        let after = pool.snapshot
        #expect(after.connections.isEmpty)
        #expect(after.counters.opened == 1)
        #expect(after.counters.connectRetries == 2)
        #expect(after.counters.closed(.error) == 1)
        #expect(pool.eventLog.contains(PoolLogEntry(time: 0.5, event: .requestFailed(request: 1, error: .connectError))))
    }

    @Test func successOnAttemptThreeServesTheRequestOnThatConnection() async throws {
        let clock = MockClock()
        let flaky = FlakyConnectionFactory(clock: clock, failures: 2)
        let pool = ConnectionPool(configuration: Self.configuration, factory: flaky, connectRetries: 3, clock: clock)
        let pending = pool.submit(ConnectionPoolTests.request())
        await clock.waitForSleepers(count: 1)
        clock.advance(by: .milliseconds(500))
        var executions = flaky.succeeding.executions.makeAsyncIterator()
        let execution = try #require(await executions.next())
        execution.succeed()
        #expect(try await pending.response().status == 200)
        #expect(flaky.attemptTimes == [.zero, .zero, .milliseconds(500)])
        let connection = try #require(pool.snapshot.connections.first)
        #expect(connection.state == .idle)
        #expect(connection.requestCount == 1)
        #expect(connection.failedConnectAttempts == 2)
        #expect(Self.attemptLog(pool).map(\.time) == [0, 0])
        #expect(pool.eventLog.contains(PoolLogEntry(time: 0.5, event: .connectionEstablished(connection: 1))))
        await pool.close()
    }

    @Test func retriesZeroIsOneAttempt() async throws {
        let clock = MockClock()
        let flaky = FlakyConnectionFactory(clock: clock)
        let pool = ConnectionPool(configuration: Self.configuration, factory: flaky, connectRetries: 0, clock: clock)
        await #expect(throws: PoolError.connectError) { try await pool.submit(ConnectionPoolTests.request()).response() }
        #expect(flaky.attemptTimes == [.zero])
        #expect(pool.snapshot.counters.connectRetries == 0)
        #expect(Self.attemptLog(pool).map(\.event) == [
            .connectAttemptFailed(connection: 1, attempt: 1, error: .connectError, retryDelay: nil)
        ])
    }

    /// Cancelling the request while its connection sleeps between attempts ends the request with CancelledError,
    /// cancels the sleep, makes no further attempt and leaves no connection behind.
    @Test(arguments: PoolAlgorithm.allCases)
    func cancellationDuringBackoffEndsEverything(_ algorithm: PoolAlgorithm) async throws {
        let clock = MockClock()
        let flaky = FlakyConnectionFactory(clock: clock)
        let observed = ObservedFactory(RetryingConnectionFactory(wrapping: flaky, retries: 3, clock: clock))
        var configuration = Self.configuration
        configuration.algorithm = algorithm
        let pool = ConnectionPool(configuration: configuration, factory: observed, clock: clock)
        let pending = pool.submit(ConnectionPoolTests.request())
        await clock.waitForSleepers(count: 1)
        #expect(pool.snapshot.connections.map(\.state) == [.connecting])

        pending.cancel()
        await #expect(throws: PoolError.cancelled) { try await pending.response() }
        var outcomes = observed.outcomes.makeAsyncIterator()
        #expect(await outcomes.next() == .failed(.cancelled))
        #expect(clock.sleeperCount == 0)
        clock.advance(by: .seconds(10))
        #expect(flaky.attemptTimes == [.zero, .zero])
        let snapshot = pool.snapshot
        #expect(snapshot.connections.isEmpty)
        #expect(snapshot.activeRequests == 0 && snapshot.queuedRequests == 0)
        #expect(snapshot.counters.failed == 1)
        #expect(flaky.succeeding.dialCount == 0)
    }
}
