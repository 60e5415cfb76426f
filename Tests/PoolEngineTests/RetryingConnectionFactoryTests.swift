import PoolCore
import PoolEngine
import Testing

/// httpcore's connect retries (`connection.py:105-165`): attempts, backoff 0, 0.5, 1, 2 … s on the injected clock,
/// only ConnectError / ConnectTimeout retried, the last error thrown.
@Suite struct RetryingConnectionFactoryTests {
    static let origin = Origin(scheme: "http", host: "127.0.0.1", port: 8000)

    @Test func backoffIsExponentialFromZero() {
        let delays = (1...6).map(RetryingConnectionFactory.backoff(afterFailedAttempt:))
        #expect(delays == [.zero, .milliseconds(500), .seconds(1), .seconds(2), .seconds(4), .seconds(8)])
    }

    /// Drives the clock through each positive backoff, checking the attempt times before every advance.
    private static func run(
        retries: Int, failures: Int, error: PoolError = .connectError, expectedTimes: [Double]
    ) async throws -> (Result<Int?, PoolError>, FlakyConnectionFactory, FailureRecorder) {
        let clock = MockClock()
        let flaky = FlakyConnectionFactory(clock: clock, failures: failures, error: error)
        let recorder = FailureRecorder()
        let retrying = RetryingConnectionFactory(wrapping: flaky, retries: retries, clock: clock) {
            recorder.record($0)
        }
        let dial = Task { () -> Result<Int?, PoolError> in
            do {
                return .success(try await retrying.makeConnection(to: origin, connectTimeout: .seconds(5)).localPort)
            } catch {
                return .failure(error as? PoolError ?? .readError("\(error)"))
            }
        }
        // Each distinct later attempt time is reached by one sleep of exactly the gap.
        var previous = 0.0
        for time in expectedTimes where time > previous {
            await clock.waitForSleepers(count: 1)
            #expect(flaky.attemptTimes.count == expectedTimes.count { $0 <= previous })
            clock.advance(by: .seconds(time - previous))
            previous = time
        }
        let result = await dial.value
        #expect(flaky.attemptTimes == expectedTimes.map { Duration.seconds($0) })
        #expect(clock.sleeperCount == 0)
        return (result, flaky, recorder)
    }

    @Test func refusedEveryTimeFailsWithTheLastErrorAfterRetriesPlusOneAttempts() async throws {
        let (result, _, recorder) = try await Self.run(
            retries: 4, failures: .max, expectedTimes: [0, 0, 0.5, 1.5, 3.5])
        #expect(result == .failure(.connectError))
        #expect(recorder.all.map(\.attempt) == [1, 2, 3, 4, 5])
        #expect(
            recorder.all.map(\.retryDelay)
                == [.zero, .milliseconds(500), .seconds(1), .seconds(2), nil])
        #expect(recorder.all.allSatisfy { $0.error == .connectError && $0.origin == Self.origin })
    }

    /// The observed §6g timings: retries 0/1/2/3 fail at 0/0/0.5/1.5 s.
    @Test(arguments: [(0, [0.0]), (1, [0, 0]), (2, [0, 0, 0.5]), (3, [0, 0, 0.5, 1.5])])
    func timeToFailure(retries: Int, times: [Double]) async throws {
        let (result, _, recorder) = try await Self.run(retries: retries, failures: .max, expectedTimes: times)
        #expect(result == .failure(.connectError))
        #expect(recorder.all.count == retries + 1)
        #expect(recorder.all.last?.retryDelay == nil)
    }

    @Test func successOnTheThirdAttempt() async throws {
        let (result, flaky, recorder) = try await Self.run(retries: 5, failures: 2, expectedTimes: [0, 0, 0.5])
        #expect(result == .success(50_001))
        #expect(flaky.succeeding.dialCount == 1)
        #expect(recorder.all.map(\.retryDelay) == [.zero, .milliseconds(500)])
    }

    @Test func connectTimeoutIsRetriedAndThrownLast() async throws {
        let (result, _, recorder) = try await Self.run(
            retries: 2, failures: .max, error: .connectTimeout, expectedTimes: [0, 0, 0.5])
        #expect(result == .failure(.connectTimeout))
        #expect(recorder.all.map(\.error) == [.connectTimeout, .connectTimeout, .connectTimeout])
    }

    @Test func otherErrorsAreNotRetried() async throws {
        let (result, _, recorder) = try await Self.run(
            retries: 3, failures: .max, error: .readError("reset"), expectedTimes: [0])
        #expect(result == .failure(.readError("reset")))
        #expect(recorder.all.isEmpty)
    }

    @Test func negativeRetriesMeanOneAttempt() async throws {
        let (result, _, recorder) = try await Self.run(retries: -3, failures: .max, expectedTimes: [0])
        #expect(result == .failure(.connectError))
        #expect(recorder.all.map(\.attempt) == [1])
    }
}
