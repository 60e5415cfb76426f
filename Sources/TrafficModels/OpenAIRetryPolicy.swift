/// The openai-python SDK's retry policy: after a failed attempt, whether to try again and after how long.
///
/// A port of openai-python's `_base_client.py` (the same in openai 2.54 and 3.57): the retry loop of
/// `SyncAPIClient.request` / `AsyncAPIClient.request`, `BaseClient._should_retry`,
/// `BaseClient._calculate_retry_timeout` and `_parse_retry_after_header`, with the constants of
/// `_constants.py` (`INITIAL_RETRY_DELAY = 0.5`, `MAX_RETRY_DELAY = 8.0`, `DEFAULT_MAX_RETRIES = 2`).
///
/// - Timeouts and connection errors are retried while retries remain, after the backoff.
/// - An HTTP answer of 400 or more is retried while retries remain when its status is 408, 409, 429 or
///   at least 500, or when it carries `x-should-retry: true`; never when it carries
///   `x-should-retry: false`. A `retry-after-ms` (milliseconds) or else `retry-after` (seconds) header
///   whose value `v` satisfies `0 < v ≤ 120` is the delay; `v > 120` means no retry at all; anything
///   else (absent, not a number, `≤ 0`) falls back to the backoff.
/// - The backoff after `n` retries is `min(0.5 · 2ⁿ, 8) · (1 − 0.25 · r)` seconds, `r` uniform in
///   `[0, 1)`: 0.375–0.5 s, then 0.75–1 s, 1.5–2 s, … up to 6–8 s.
///
/// The policy is a plain value: the random number behind the jitter is an argument (a closure or a
/// `RandomNumberGenerator`), drawn only when the backoff is used, so a simulator can seed it.
///
/// ```swift
/// let policy = OpenAIRetryPolicy(maxRetries: 2)
/// policy.decide(.status(429, headers: [("retry-after-ms", "1500")]), retriesTaken: 0)  // .retry(after: 1.5)
/// policy.decide(.timeout, retriesTaken: 2)  // .giveUp: the SDK raises APITimeoutError
/// ```
public struct OpenAIRetryPolicy: Sendable, Hashable {
    /// What went wrong with one attempt.
    public enum Failure: Sendable {
        /// The transport timed out (httpx's `TimeoutException`, `PoolTimeout` included); the SDK raises
        /// `APITimeoutError` once it gives up.
        case timeout
        /// Any other transport error (httpx's `TransportError`); the SDK raises `APIConnectionError`.
        case connectionError
        /// The server answered with this status and these headers (names in any case, repeats allowed).
        /// A status below 400 is not a failure and is never retried; at 400 and above the SDK raises the
        /// matching `APIStatusError` once it gives up.
        case status(Int, headers: [(name: String, value: String)])
    }

    /// What the SDK does after a failed attempt.
    public enum Decision: Sendable, Hashable {
        /// Sleep this many seconds, then send attempt `retriesTaken + 1`.
        case retry(after: Double)
        /// Raise the failure's exception.
        case giveUp
    }

    /// `INITIAL_RETRY_DELAY`: the backoff before the first retry, without jitter (seconds).
    public static let initialRetryDelay = 0.5
    /// `MAX_RETRY_DELAY`: the longest backoff, without jitter (seconds).
    public static let maxRetryDelay = 8.0
    /// The longest `retry-after-ms` / `retry-after` delay followed (seconds); a longer one means no retry.
    public static let maxServerDelay = 120.0
    /// `DEFAULT_MAX_RETRIES`: the `max_retries` of a client created without one.
    public static let defaultMaxRetries = 2
    /// Statuses below 500 that are retried: request timeout, conflict (lock timeout) and rate limit.
    public static let retriedStatuses: Set<Int> = [408, 409, 429]

    /// The client's `max_retries`: attempts after the first.
    public var maxRetries: Int

    /// A policy allowing `maxRetries` retries after the first attempt.
    public init(maxRetries: Int = OpenAIRetryPolicy.defaultMaxRetries) {
        self.maxRetries = maxRetries
    }

    /// Decides after attempt number `retriesTaken` (0 for the first attempt) failed with `failure`.
    ///
    /// - Parameter random: a number in `[0, 1)` for the backoff's jitter; called at most once, and only
    ///   when the delay is the backoff (not for a server-given delay, not when giving up).
    public func decide(_ failure: Failure, retriesTaken: Int, random: () -> Double) -> Decision {
        guard maxRetries - retriesTaken > 0 else { return .giveUp }
        switch failure {
        case .timeout, .connectionError:
            return .retry(after: Self.backoff(retriesTaken: retriesTaken, random: random()))
        case .status(let status, let headers):
            guard status >= 400,
                let delay = Self.retryDelay(status: status, headers: headers, retriesTaken: retriesTaken, random: random)
            else { return .giveUp }
            return .retry(after: delay)
        }
    }

    /// ``decide(_:retriesTaken:random:)`` with the jitter drawn from `generator` (one `Double` in `[0, 1)`).
    public func decide<Generator: RandomNumberGenerator>(
        _ failure: Failure, retriesTaken: Int, using generator: inout Generator
    ) -> Decision {
        decide(failure, retriesTaken: retriesTaken) { Double.random(in: 0..<1, using: &generator) }
    }

    /// ``decide(_:retriesTaken:random:)`` with the jitter drawn from the system generator, as the SDK's
    /// `random.random()` is.
    public func decide(_ failure: Failure, retriesTaken: Int) -> Decision {
        var generator = SystemRandomNumberGenerator()
        return decide(failure, retriesTaken: retriesTaken, using: &generator)
    }

    /// Whether an HTTP answer of 400 or more is retried and after how long, retries remaining aside
    /// (`_should_retry`, then `_calculate_retry_timeout`); `nil`: not retried.
    ///
    /// In order: a server delay (``serverDelay(in:)``) over ``maxServerDelay`` forbids the retry;
    /// `x-should-retry: false` forbids it; it is retried when `x-should-retry: true` or the status is in
    /// ``retriedStatuses`` or at least 500; the delay is the server's when in `(0, 120]`, else the backoff.
    public static func retryDelay(
        status: Int, headers: [(name: String, value: String)], retriesTaken: Int, random: () -> Double
    ) -> Double? {
        let serverDelay = serverDelay(in: headers)
        if let v = serverDelay, v > maxServerDelay { return nil }
        let forced = header("x-should-retry", in: headers)
        if forced == "false" { return nil }
        guard forced == "true" || retriedStatuses.contains(status) || status >= 500 else { return nil }
        if let v = serverDelay, v > 0, v <= maxServerDelay { return v }
        return backoff(retriesTaken: retriesTaken, random: random())
    }

    /// The delay the server asks for, in seconds (`_parse_retry_after_header`): `retry-after-ms` divided
    /// by 1000 when it is a number, else `retry-after` when it is a number (in seconds), else `nil`.
    /// Numbers are read as Swift's `Double(_:)` reads them; an HTTP-date `retry-after` is not read.
    public static func serverDelay(in headers: [(name: String, value: String)]) -> Double? {
        if let ms = header("retry-after-ms", in: headers), let v = Double(ms) { return v / 1000 }
        if let s = header("retry-after", in: headers), let v = Double(s) { return v }
        return nil
    }

    /// The jittered exponential backoff after `retriesTaken` retries, in seconds:
    /// `min(0.5 · 2ⁿ, 8) · (1 − 0.25 · random)` with `n = min(retriesTaken, 10)` and `random` in `[0, 1)`.
    public static func backoff(retriesTaken: Int, random: Double) -> Double {
        let base = min(initialRetryDelay * Double(1 << min(retriesTaken, 10)), maxRetryDelay)
        return base * (1 - 0.25 * random)
    }

    /// A header's value as httpx's `Headers.get` gives it: names compared ignoring case, several values
    /// joined with `", "`; `nil` when absent.
    public static func header(_ name: String, in headers: [(name: String, value: String)]) -> String? {
        let key = name.lowercased()
        let values = headers.filter { $0.name.lowercased() == key }.map(\.value)
        return values.isEmpty ? nil : values.joined(separator: ", ")
    }
}
