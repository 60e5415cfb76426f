import PoolCore
import Synchronization

extension ConnectionPool {
    /// Creates a pool whose connections retry a failed TCP connect `connectRetries` times, as
    /// `httpx.AsyncHTTPTransport(retries=N)` does: `factory` is wrapped in a ``RetryingConnectionFactory`` that sleeps
    /// on `clock`, and every failed attempt goes into the pool's event log
    /// (``PoolStateMachine/connectAttemptFailed(origin:attempt:error:retryDelay:now:)``) while the connection stays
    /// CONNECTING.
    ///
    /// - Parameters:
    ///   - configuration: raw `httpx.Limits` values and the algorithm.
    ///   - factory: makes one connect attempt per call (NIO in the product, a mock in tests).
    ///   - connectRetries: the transport's `retries`; 0 (httpx's default) means one attempt.
    ///   - clock: drives pool timeouts, keep-alive expiry and connect backoff.
    public convenience init(
        configuration: PoolConfiguration,
        factory: any ConnectionFactory,
        connectRetries: Int,
        clock: any Clock<Duration> = ContinuousClock(),
        loop: any PoolEventLoop = ImmediateEventLoop()
    ) {
        let relay = FailedAttemptRelay()
        let retrying = RetryingConnectionFactory(wrapping: factory, retries: connectRetries, clock: clock) {
            relay.deliver($0)
        }
        self.init(configuration: configuration, factory: retrying, clock: clock, loop: loop)
        relay.attach(self)
    }

    /// Records a failed connect attempt in the machine (log, per-connection count, counters). No pass runs.
    func recordFailedConnectAttempt(_ failure: RetryingConnectionFactory.FailedAttempt) {
        modifyStateAndRunActions { state, now in
            state.machine.connectAttemptFailed(
                origin: failure.origin,
                attempt: failure.attempt,
                error: failure.error,
                retryDelay: failure.retryDelay.map(ConnectionPoolClock.seconds),
                now: now)
            return ([], ())
        }
    }
}

/// Carries a factory's failure reports to the pool that owns the factory. The pool holds the factory, so the relay
/// holds the pool weakly; reports after the pool is gone are dropped.
private final class FailedAttemptRelay: Sendable {
    private struct Target {
        weak var pool: ConnectionPool?
    }

    private let target = Mutex(Target())

    func attach(_ pool: ConnectionPool) {
        target.withLock { $0.pool = pool }
    }

    func deliver(_ failure: RetryingConnectionFactory.FailedAttempt) {
        guard let pool = target.withLock({ $0.pool }) else { return }
        pool.loop.post { pool.recordFailedConnectAttempt(failure) }
    }
}
