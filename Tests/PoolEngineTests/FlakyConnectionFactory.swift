import PoolCore
import PoolEngine
import Synchronization

/// A factory whose first `failures` attempts throw `error`; later attempts go to a ``MockConnectionFactory``.
/// It records the virtual time of every attempt, and announces every finished call (success or error) on
/// ``outcomes``, so a test can wait until a dial has really ended.
final class FlakyConnectionFactory: ConnectionFactory {
    enum Outcome: Sendable, Equatable {
        case connected
        case failed(PoolError)
    }

    private struct State {
        var failuresLeft: Int
        var attemptTimes: [Duration] = []
    }

    let clock: MockClock
    let error: PoolError
    let succeeding = MockConnectionFactory()
    private let state: Mutex<State>

    init(clock: MockClock, failures: Int = .max, error: PoolError = .connectError) {
        self.clock = clock
        self.error = error
        self.state = Mutex(State(failuresLeft: failures))
    }

    /// The virtual time of each attempt, in order.
    var attemptTimes: [Duration] { state.withLock { $0.attemptTimes } }

    func makeConnection(to origin: Origin, connectTimeout: Duration?) async throws -> any PoolConnection {
        let fail: Bool = state.withLock { state in
            state.attemptTimes.append(clock.now.offset)
            guard state.failuresLeft > 0 else { return false }
            state.failuresLeft -= 1
            return true
        }
        if fail { throw error }
        return try await succeeding.makeConnection(to: origin, connectTimeout: connectTimeout)
    }
}

/// Wraps a factory and reports how each `makeConnection` call ended.
final class ObservedFactory: ConnectionFactory {
    let base: any ConnectionFactory
    let outcomes: AsyncStream<FlakyConnectionFactory.Outcome>
    private let continuation: AsyncStream<FlakyConnectionFactory.Outcome>.Continuation

    init(_ base: any ConnectionFactory) {
        self.base = base
        (outcomes, continuation) = AsyncStream.makeStream(of: FlakyConnectionFactory.Outcome.self)
    }

    func makeConnection(to origin: Origin, connectTimeout: Duration?) async throws -> any PoolConnection {
        do {
            let connection = try await base.makeConnection(to: origin, connectTimeout: connectTimeout)
            continuation.yield(.connected)
            return connection
        } catch {
            continuation.yield(.failed(error as? PoolError ?? .readError("\(error)")))
            throw error
        }
    }
}

/// Collects a factory's failure reports.
final class FailureRecorder: Sendable {
    private let reports = Mutex<[RetryingConnectionFactory.FailedAttempt]>([])

    var all: [RetryingConnectionFactory.FailedAttempt] { reports.withLock { $0 } }

    func record(_ report: RetryingConnectionFactory.FailedAttempt) {
        reports.withLock { $0.append(report) }
    }
}
