/// The limits a server applies to each request as its body arrives, in order: the requests-per-second
/// window first, then the cap on requests in progress.
///
/// A request turned away by the window is not counted in it; one turned away by the concurrency cap
/// was counted. New limits (tokens per minute, say) are further limiters checked here in turn.
public struct RequestLimits: Sendable, Hashable {
    /// The `rps` window.
    public private(set) var rate: FixedWindowLimiter
    /// The `max_concurrent` cap.
    public private(set) var concurrency: ConcurrencyLimiter

    /// Limits with no request seen yet; `nil` means no limit.
    public init(requestsPerSecond: Int? = nil, maxConcurrent: Int? = nil) {
        rate = FixedWindowLimiter(limit: requestsPerSecond)
        concurrency = ConcurrencyLimiter(limit: maxConcurrent)
    }

    /// Follows a change of configuration: a different `requestsPerSecond` starts a fresh window; a
    /// different `maxConcurrent` applies to the next request (those in progress keep their slots).
    public mutating func configure(requestsPerSecond: Int?, maxConcurrent: Int?) {
        rate.setLimit(requestsPerSecond)
        concurrency.limit = maxConcurrent
    }

    /// Decides on request `id` arriving at `now` (a `Duration` since the caller's fixed origin). An
    /// admitted request holds a concurrency slot until ``finish(_:)``.
    public mutating func admit(_ id: Int, at now: Duration) -> RequestAdmission {
        let window = rate.admit(at: now)
        if let retryAfter = window.retryAfter, let limit = window.limit {
            return RequestAdmission(
                window: window, rejection: .init(reason: .requestsPerSecond, limit: limit, retryAfter: retryAfter))
        }
        if !concurrency.admit(id), let limit = concurrency.limit {
            return RequestAdmission(
                window: window,
                rejection: .init(reason: .concurrentRequests, limit: limit, retryAfter: ConcurrencyLimiter.retryAfter))
        }
        return RequestAdmission(window: window, rejection: nil)
    }

    /// Request `id` is finished: it frees its concurrency slot.
    public mutating func finish(_ id: Int) {
        concurrency.finish(id)
    }
}

/// What ``RequestLimits/admit(_:at:)`` decided for one request.
public struct RequestAdmission: Sendable, Hashable {
    /// Why a request was turned away, and for how long.
    public struct Rejection: Sendable, Hashable {
        /// The limit that turned the request away.
        public enum Reason: Sendable, Hashable, CustomStringConvertible {
            case requestsPerSecond
            case concurrentRequests

            /// `requests per second` or `concurrent requests`, as error messages name the limit.
            public var description: String {
                switch self {
                case .requestsPerSecond: "requests per second"
                case .concurrentRequests: "concurrent requests"
                }
            }
        }

        public var reason: Reason
        /// The value of the limit.
        public var limit: Int
        /// How long to wait before trying again (a 429's `retry-after`).
        public var retryAfter: Duration

        public init(reason: Reason, limit: Int, retryAfter: Duration) {
            self.reason = reason
            self.limit = limit
            self.retryAfter = retryAfter
        }
    }

    /// The requests-per-second window as this request left it (for `x-ratelimit-*` headers).
    public var window: FixedWindowLimiter.Decision
    /// `nil` when admitted.
    public var rejection: Rejection?

    public init(window: FixedWindowLimiter.Decision, rejection: Rejection?) {
        self.window = window
        self.rejection = rejection
    }
}
