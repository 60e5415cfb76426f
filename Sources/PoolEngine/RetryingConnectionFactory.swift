import PoolCore

/// httpcore's connect retries, as a decorator around any ``ConnectionFactory``:
/// `httpx.AsyncHTTPTransport(retries=N)` / `httpx.HTTPTransport(retries=N)` (and httpx2's).
///
/// It mirrors `AsyncHTTPConnection._connect` (`httpcore/_async/connection.py:105-165`; httpcore2 2.16.2's
/// `_connect` is the same loop — it differs only in the ALPN list it offers for TLS, which PoolPlay does not use):
///
/// ```python
/// retries_left = self._retries
/// delays = exponential_backoff(factor=RETRIES_BACKOFF_FACTOR)   # 0, 0.5, 1, 2, 4 … s
/// while True:
///     try: return await connect_tcp(...)                          # each attempt gets the whole connect timeout
///     except (ConnectError, ConnectTimeout):
///         if retries_left <= 0: raise                             # the last error goes to the request
///         retries_left -= 1
///         await sleep(next(delays))
/// ```
///
/// So `retries=2` against a refused port makes attempts at 0, 0 and 0.5 s and fails at 0.5 s; `retries=3` fails
/// at 1.5 s. Only ``PoolError/connectError`` and ``PoolError/connectTimeout`` are retried
/// (``PoolError/isRetriedConnectFailure``); any other error, and cancellation, ends the loop at once. The connection
/// stays CONNECTING throughout, because the loop runs inside the dial. Backoff sleeps run on the injected clock;
/// a cancelled sleep throws ``PoolError/cancelled``, so no further attempt is made.
public struct RetryingConnectionFactory: ConnectionFactory {
    /// httpcore's `RETRIES_BACKOFF_FACTOR` (`connection.py:19`).
    public static let backoffFactor = 0.5

    /// One failed connect attempt, reported before the backoff sleep.
    public struct FailedAttempt: Sendable, Hashable {
        public var origin: Origin
        /// 1 for the first attempt, 2 for the first retry, …
        public var attempt: Int
        /// `ConnectError` or `ConnectTimeout`.
        public var error: PoolError
        /// The backoff before the next attempt, or `nil` when no retries are left and the error is thrown.
        public var retryDelay: Duration?

        public init(origin: Origin, attempt: Int, error: PoolError, retryDelay: Duration?) {
            self.origin = origin
            self.attempt = attempt
            self.error = error
            self.retryDelay = retryDelay
        }
    }

    /// The factory that makes each single attempt.
    public let base: any ConnectionFactory
    /// `retries`: how many failed attempts are retried. Zero or negative means one attempt only.
    public let retries: Int
    private let sleep: @Sendable (Duration) async throws -> Void
    private let onFailedAttempt: @Sendable (FailedAttempt) -> Void

    /// - Parameters:
    ///   - base: makes one connect attempt per call.
    ///   - retries: the transport's `retries`.
    ///   - clock: where backoff sleeps run; tests inject a manual clock.
    ///   - onFailedAttempt: told about every retried failure, and the final one (for event logs and views).
    public init<C: Clock>(
        wrapping base: any ConnectionFactory,
        retries: Int,
        clock: C,
        onFailedAttempt: @escaping @Sendable (FailedAttempt) -> Void = { _ in }
    ) where C.Duration == Duration {
        self.base = base
        self.retries = retries
        self.sleep = { delay in try await clock.sleep(for: delay) }
        self.onFailedAttempt = onFailedAttempt
    }

    /// The backoff after the `n`-th failed attempt (1-based): `exponential_backoff(0.5)` = 0, 0.5, 1, 2, 4 … s
    /// (`connection.py:25-35`: `yield 0`, then `factor * 2**n` for n = 0, 1, 2, …).
    public static func backoff(afterFailedAttempt n: Int) -> Duration {
        guard n > 1 else { return .zero }
        // Capped at 2⁴⁰ halves of a second (17,000 years): Python would sleep longer; Duration must not overflow.
        return .seconds(backoffFactor * Double(1 << Swift.min(n - 2, 40)))
    }

    public func makeConnection(to origin: Origin, connectTimeout: Duration?) async throws -> any PoolConnection {
        var retriesLeft = retries
        var attempt = 1
        while true {
            do {
                return try await base.makeConnection(to: origin, connectTimeout: connectTimeout)
            } catch let error as PoolError where error.isRetriedConnectFailure {
                guard retriesLeft > 0 else {
                    onFailedAttempt(FailedAttempt(origin: origin, attempt: attempt, error: error, retryDelay: nil))
                    throw error
                }
                retriesLeft -= 1
                let delay = Self.backoff(afterFailedAttempt: attempt)
                onFailedAttempt(FailedAttempt(origin: origin, attempt: attempt, error: error, retryDelay: delay))
                do {
                    // `anyio.sleep(0)` is a checkpoint too: a cancelled task stops here even with no delay.
                    try Task.checkCancellation()
                    if delay > .zero { try await sleep(delay) }
                } catch {
                    throw PoolError.cancelled
                }
                attempt += 1
            }
        }
    }
}
