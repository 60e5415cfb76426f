import PoolCore
import PoolEngine
import Testing

/// Pool timeouts are armed per queued request but slept on by one task per pool: the earliest deadline's.
@Suite struct PoolTimerSleeperTests {
    @Test(arguments: PoolAlgorithm.allCases)
    func queuedRequestsShareOneSleeperAndTimeOutInDeadlineOrder(_ algorithm: PoolAlgorithm) async throws {
        let clock = MockClock()
        let factory = MockConnectionFactory()
        let pool = ConnectionPool(
            configuration: ConnectionPoolTests.limits(1, 1, algorithm), factory: factory, clock: clock)
        let first = pool.submit(ConnectionPoolTests.request(0))
        var executions = factory.executions.makeAsyncIterator()
        let served = try #require(await executions.next())
        // Two waiters, the later one with the earlier deadline: it re-arms the one sleeper.
        let late = pool.submit(ConnectionPoolTests.request(pool: .milliseconds(300), 1))
        let early = pool.submit(ConnectionPoolTests.request(pool: .milliseconds(100), 2))
        await clock.waitForSleepers(count: 1)
        #expect(clock.sleeperCount == 1)

        clock.advance(by: .milliseconds(100))
        await #expect(throws: PoolError.poolTimeout) { try await early.response() }
        #expect(!late.isFinished)
        await clock.waitForSleepers(count: 1)  // asleep again, now until the 300 ms deadline
        // (A deadline converted back to the clock's Duration may round up by an attosecond: go a little past it.)
        clock.advance(by: .milliseconds(250))
        await #expect(throws: PoolError.poolTimeout) { try await late.response() }

        let timeouts = pool.eventLog.compactMap { entry -> Double? in
            if case .requestFailed(_, .poolTimeout) = entry.event { return entry.time }
            return nil
        }
        #expect(timeouts.count == 2 && timeouts[0] == 0.1 && timeouts[1] > 0.3)
        served.succeed()
        #expect(try await first.response().status == 200)
    }

    @Test func servingTheLastWaiterStopsTheSleeper() async throws {
        let clock = MockClock()
        let factory = MockConnectionFactory()
        let pool = ConnectionPool(
            configuration: ConnectionPoolTests.limits(1, 1, .httpcore2), factory: factory, clock: clock)
        let first = pool.submit(ConnectionPoolTests.request(0))
        var executions = factory.executions.makeAsyncIterator()
        let served = try #require(await executions.next())
        let waiter = pool.submit(ConnectionPoolTests.request(pool: .seconds(1), 1))
        await clock.waitForSleepers(count: 1)
        served.succeed()
        _ = try await first.response()
        let next = try #require(await executions.next())
        next.succeed()
        #expect(try await waiter.response().status == 200)
        #expect(clock.sleeperCount == 0)
        #expect(pool.snapshot.counters.poolTimeouts == 0)
    }
}

