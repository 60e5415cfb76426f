/// The limits a server applies to each request as its body arrives, in order: the requests-per-second
/// window, the requests-per-minute and tokens-per-minute buckets, then the cap on requests in progress.
///
/// The rate limits decide together: a request turned away by any of them is counted in none. One
/// turned away by the concurrency cap was counted by the rate limits (it reached the server's
/// front door). A request admitted under a token limit holds a reservation until ``settle(_:used:at:)``
/// keeps what its usage reports and gives the rest back.
public struct RequestLimits: Sendable, Hashable {
    /// The `rps` window.
    public private(set) var rate: FixedWindowLimiter
    /// The `rpm` bucket; `nil`: no such limit.
    public private(set) var requestsPerMinute: TokenBucket?
    /// The `tpm` bucket; `nil`: no such limit.
    public private(set) var tokensPerMinute: TokenBucket?
    /// The `max_concurrent` cap.
    public private(set) var concurrency: ConcurrencyLimiter
    /// Tokens reserved by admitted requests not yet settled, by request id.
    public private(set) var reservations: [Int: Int] = [:]

    /// Limits with no request seen yet; `nil` means no limit.
    public init(
        requestsPerSecond: Int? = nil, maxConcurrent: Int? = nil, requestsPerMinute: Int? = nil,
        tokensPerMinute: Int? = nil
    ) {
        rate = FixedWindowLimiter(limit: requestsPerSecond)
        concurrency = ConcurrencyLimiter(limit: maxConcurrent)
        configure(
            requestsPerSecond: requestsPerSecond, maxConcurrent: maxConcurrent, requestsPerMinute: requestsPerMinute,
            tokensPerMinute: tokensPerMinute)
    }

    /// Follows a change of configuration: a different `requestsPerSecond` starts a fresh window, a
    /// different per-minute limit a full bucket; a different `maxConcurrent` applies to the next request
    /// (those in progress keep their slots).
    public mutating func configure(
        requestsPerSecond: Int?, maxConcurrent: Int?, requestsPerMinute: Int? = nil, tokensPerMinute: Int? = nil
    ) {
        rate.setLimit(requestsPerSecond)
        concurrency.limit = maxConcurrent
        Self.configure(&self.requestsPerMinute, requestsPerMinute)
        Self.configure(&self.tokensPerMinute, tokensPerMinute)
        if self.tokensPerMinute == nil { reservations = [:] }
    }

    private static func configure(_ bucket: inout TokenBucket?, _ limit: Int?) {
        guard let limit else { bucket = nil; return }
        if bucket == nil { bucket = TokenBucket(capacity: limit) } else { bucket?.setCapacity(limit) }
    }

    /// Decides on request `id` arriving at `now` (a `Duration` since the caller's fixed origin) that
    /// would use `tokens` (its reservation; ignored without a token limit; `0` for a route that does not
    /// count tokens). An admitted request holds a concurrency slot until ``finish(_:)``.
    public mutating func admit(_ id: Int, tokens: Int = 0, at now: Duration) -> RequestAdmission {
        var rate = self.rate
        var requestBucket = self.requestsPerMinute
        var tokenBucket = self.tokensPerMinute
        let window = rate.admit(at: now)
        let requests = requestBucket?.take(1, at: now)
        let tokenDecision = tokenBucket?.take(tokens, at: now)
        var admission = RequestAdmission(window: window, rejection: nil, requests: requests, tokens: tokenDecision)
        if let retryAfter = window.retryAfter, let limit = window.limit {
            admission.rejection = .init(reason: .requestsPerSecond, limit: limit, retryAfter: retryAfter)
        } else if let requests, let retryAfter = requests.retryAfter {
            admission.rejection = .init(
                reason: .requestsPerMinute, limit: requests.limit, retryAfter: retryAfter,
                used: requests.limit - requests.remaining, requested: 1)
        } else if let tokenDecision, let retryAfter = tokenDecision.retryAfter {
            admission.rejection = .init(
                reason: .tokensPerMinute, limit: tokenDecision.limit, retryAfter: retryAfter,
                used: tokenDecision.limit - tokenDecision.remaining, requested: tokens)
        }
        guard admission.rejection == nil else {
            // Not counted anywhere: the headers show the limits as they stand.
            admission.requests = self.requestsPerMinute.map { Self.peek($0, at: now) }
            admission.tokens = self.tokensPerMinute.map { Self.peek($0, at: now) }
            return admission
        }
        self.rate = rate
        self.requestsPerMinute = requestBucket
        self.tokensPerMinute = tokenBucket
        if tokenBucket != nil { reservations[id] = tokens }
        if !concurrency.admit(id), let limit = concurrency.limit {
            admission.rejection = .init(
                reason: .concurrentRequests, limit: limit, retryAfter: ConcurrencyLimiter.retryAfter)
        }
        return admission
    }

    private static func peek(_ bucket: TokenBucket, at now: Duration) -> TokenBucket.Decision {
        TokenBucket.Decision(
            admitted: false, limit: bucket.capacity, remaining: bucket.available(at: now), reset: bucket.reset(at: now),
            retryAfter: nil)
    }

    /// Settles request `id`'s token reservation: keeps `used` tokens (what its usage reports) and gives
    /// the rest back (or takes more, when it used more than it reserved). Returns the tokens kept, or
    /// `nil` when the request holds no reservation.
    @discardableResult
    public mutating func settle(_ id: Int, used: Int, at now: Duration) -> Int? {
        guard let reserved = reservations.removeValue(forKey: id) else { return nil }
        tokensPerMinute?.giveBack(reserved - used, at: now)
        return used
    }

    /// The token buckets' view at `now` without taking anything (for headers after settling).
    public func tokenView(at now: Duration) -> TokenBucket.Decision? {
        tokensPerMinute.map { Self.peek($0, at: now) }
    }

    /// Request `id` is finished: it frees its concurrency slot; an unsettled reservation is kept whole.
    public mutating func finish(_ id: Int) {
        concurrency.finish(id)
        reservations[id] = nil
    }
}

/// What ``RequestLimits/admit(_:tokens:at:)`` decided for one request.
public struct RequestAdmission: Sendable, Hashable {
    /// Why a request was turned away, and for how long.
    public struct Rejection: Sendable, Hashable {
        /// The limit that turned the request away.
        public enum Reason: Sendable, Hashable, CustomStringConvertible {
            case requestsPerSecond
            case requestsPerMinute
            case tokensPerMinute
            case concurrentRequests

            /// As api.openai.com's 429 messages name the limit: `requests per min (RPM)`, `tokens per min (TPM)`.
            public var description: String {
                switch self {
                case .requestsPerSecond: "requests per second"
                case .requestsPerMinute: "requests per min (RPM)"
                case .tokensPerMinute: "tokens per min (TPM)"
                case .concurrentRequests: "concurrent requests"
                }
            }
        }

        public var reason: Reason
        /// The value of the limit.
        public var limit: Int
        /// How long to wait before trying again (a 429's `retry-after`).
        public var retryAfter: Duration
        /// Per-minute limits: units in use when the request arrived; `nil` for the others.
        public var used: Int?
        /// Per-minute limits: units the request asked for; `nil` for the others.
        public var requested: Int?

        public init(reason: Reason, limit: Int, retryAfter: Duration, used: Int? = nil, requested: Int? = nil) {
            self.reason = reason
            self.limit = limit
            self.retryAfter = retryAfter
            self.used = used
            self.requested = requested
        }
    }

    /// The requests-per-second window as this request left it (for `x-ratelimit-*` headers).
    public var window: FixedWindowLimiter.Decision
    /// `nil` when admitted.
    public var rejection: Rejection?
    /// The `rpm` bucket after this request; `nil` without that limit.
    public var requests: TokenBucket.Decision?
    /// The `tpm` bucket after this request's reservation; `nil` without that limit.
    public var tokens: TokenBucket.Decision?

    public init(
        window: FixedWindowLimiter.Decision, rejection: Rejection?, requests: TokenBucket.Decision? = nil,
        tokens: TokenBucket.Decision? = nil
    ) {
        self.window = window
        self.rejection = rejection
        self.requests = requests
        self.tokens = tokens
    }
}
