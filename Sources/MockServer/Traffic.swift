import NIOCore
import Synchronization
import TrafficModels

/// The server-wide state of decisions that need memory across requests: the seeded generator, fault
/// schedules, the rate-limit window, requests holding a concurrency slot (all `TrafficModels` values),
/// and request-log subscribers.
///
/// Lives in ``MockServerState`` behind its own `Mutex`.
struct Traffic: Sendable {
    var random: SeededRandom
    var seed: UInt64
    /// The fault rules and the OpenAI requests counted for `every n-th` rules since they last changed.
    var faults = FaultSchedule()
    /// Fault schedules of routes whose scenario knobs set `fault`, by route name (counted apart).
    var routeFaults: [String: FaultSchedule] = [:]
    /// The `rps` window and the requests holding a `max_concurrent` slot.
    var limits = RequestLimits()
    var logs: [Int: AsyncStream<RequestRecord>.Continuation] = [:]
    var nextLogID = 0

    init(seed: UInt64) {
        self.seed = seed
        random = SeededRandom(seed: seed)
    }

    /// Follows a live change of seed, fault rules or limits (a new `rps` starts a fresh window).
    mutating func sync(with configuration: MockServerConfiguration, faults syncFaults: Bool = true) {
        if configuration.seed != seed {
            seed = configuration.seed
            random = SeededRandom(seed: seed)
        }
        if syncFaults { faults.setRules(configuration.faults) }
        limits.configure(
            requestsPerSecond: configuration.requestsPerSecond, maxConcurrent: configuration.maxConcurrentRequests,
            requestsPerMinute: configuration.requestsPerMinute, tokensPerMinute: configuration.tokensPerMinute)
    }
}

extension Traffic {
    /// Step 1 of ``MockServerState/decide(requestID:tokens:at:global:configuration:override:route:draw:)``.
    mutating func admit(requestID: Int, tokens: Int, at sinceStart: Duration, configuration: MockServerConfiguration)
        -> Admission
    {
        sync(with: configuration)
        let decision = limits.admit(requestID, tokens: tokens, at: sinceStart)
        var admission: Admission
        if let requests = decision.requests {
            admission = Admission(limit: requests.limit, remaining: requests.remaining, reset: requests.reset)
        } else {
            let limit = configuration.requestsPerSecond ?? 10_000
            admission = Admission(
                limit: limit, remaining: decision.window.remaining(displayedLimit: limit), reset: decision.window.reset)
        }
        admission.tokens = decision.tokens
        admission.rejection = decision.rejection.map { ($0.error, $0.retryAfter) }
        return admission
    }

    /// The fault for the next OpenAI request (step 2 of
    /// ``MockServerState/decide(requestID:tokens:at:global:configuration:override:route:draw:)``).
    mutating func nextFault(
        configuration: MockServerConfiguration, override: Fault?, route: (name: String, rules: [FaultRule])?
    ) -> Fault? {
        sync(with: configuration, faults: route == nil)
        guard let route else { return faults.next(override: override, random: &random) }
        var schedule = routeFaults[route.name] ?? FaultSchedule()
        schedule.setRules(route.rules)
        let fault = schedule.next(override: override, random: &random)
        routeFaults[route.name] = schedule
        return fault
    }

    /// A latency sample from the configured model (step 2 of
    /// ``MockServerState/decide(requestID:tokens:at:global:configuration:override:route:draw:)``).
    mutating func sampleLatency(configuration: MockServerConfiguration) -> Duration {
        sync(with: configuration, faults: false)  // route knobs may give this request other faults
        return configuration.latencyModel.sample(&random)
    }
}

/// The rate-limit view of one request: what the `x-ratelimit-*` headers say, and whether it got a 429.
struct Admission: Sendable {
    /// `nil` when admitted; otherwise the 429 error and how long to wait.
    var rejection: (error: OpenAIError, retryAfter: Duration)?
    /// The requests half of the headers: the `rpm` bucket when set, else the `rps` window.
    var limit: Int
    var remaining: Int
    var reset: Duration
    /// The `tpm` bucket as the request left it (after settling, once answered); `nil` without a limit.
    var tokens: TokenBucket.Decision?

    /// The six `x-ratelimit-*` headers of OpenAI's rate-limit guide (openai-wire §6), resets in the API's
    /// format (`20ms`, `1s`, `6m0s`). Without a `tpm` limit the token headers are cosmetic.
    func headers(tokens estimate: Int) -> HTTPHeadersList {
        let tokenLimit = tokens?.limit ?? 1_000_000
        return [
            ("x-ratelimit-limit-requests", String(limit)),
            ("x-ratelimit-remaining-requests", String(remaining)),
            ("x-ratelimit-reset-requests", DurationText.formatReset(reset)),
            ("x-ratelimit-limit-tokens", String(tokenLimit)),
            ("x-ratelimit-remaining-tokens", String(tokens?.remaining ?? max(0, tokenLimit - estimate))),
            ("x-ratelimit-reset-tokens", DurationText.formatReset(tokens?.reset ?? .zero)),
        ]
    }
}

typealias HTTPHeadersList = [(String, String)]

extension MockServerState {
    /// One request's traffic decisions in one lock acquisition (the order of the seeded draws is fixed):
    ///
    /// 1. Rate limits, with the server's `global` knobs, for an OpenAI request whose body just arrived:
    ///    the one-second window (`rps`), the per-minute buckets (`rpm`, and `tpm` reserving `tokens`), then
    ///    the in-progress cap (`max_concurrent`). An admitted request holds a slot until
    ///    ``finishRequest(id:status:served:at:metrics:)``. Setting a limit (to any new value) starts a fresh
    ///    window or a full bucket.
    /// 2. When admitted and `draw` holds, with the request's `configuration`: the fault (the header's
    ///    `override`, else the first rule that fires: of the route's own rules when a scenario gives its
    ///    route a `fault` (`route`), else of the server's), then a latency sample.
    ///
    /// Without the draws, `fault` is `nil` and `latency` zero.
    func decide(
        requestID: Int, tokens: Int, at now: NIODeadline, global: MockServerConfiguration,
        configuration: MockServerConfiguration, override: Fault?, route: (name: String, rules: [FaultRule])?,
        draw: Bool
    ) -> (admission: Admission, fault: Fault?, latency: Duration) {
        let sinceStart = Duration.nanoseconds((now - startTime).nanoseconds)
        return traffic.withLock { traffic in
            let admission = traffic.admit(requestID: requestID, tokens: tokens, at: sinceStart, configuration: global)
            guard draw, admission.rejection == nil else { return (admission, nil, .zero) }
            let fault = traffic.nextFault(configuration: configuration, override: override, route: route)
            return (admission, fault, traffic.sampleLatency(configuration: configuration))
        }
    }

    /// Settles request `id`'s token reservation with the tokens its answer's usage reports; returns the
    /// `tpm` bucket afterwards (for the headers), or `nil` without a token limit.
    func settleTokens(requestID: Int, used: Int, at now: NIODeadline) -> TokenBucket.Decision? {
        let sinceStart = Duration.nanoseconds((now - startTime).nanoseconds)
        return traffic.withLock { traffic in
            traffic.limits.settle(requestID, used: used, at: sinceStart)
            return traffic.limits.tokenView(at: sinceStart)
        }
    }



    /// Marks a request finished in the ledger, frees its concurrency slot, and logs it.
    func finishRequest(id: Int, status: Int, served: Bool = true, at time: Double, metrics: RequestMetrics? = nil) {
        // The record is copied out only when a log may want it (`serve --quiet` and tests have none).
        let wantsRecord = requestLogCount.load(ordering: .relaxed) > 0
        var record = record { book -> RequestRecord? in
            book.requestFinished(id: id, status: status, served: served, at: time, metrics: metrics)
            return wantsRecord ? book.request(id) : nil
        }
        let logs = traffic.withLock { traffic in
            traffic.limits.finish(id)
            return traffic.logs.isEmpty ? [] : Array(traffic.logs.values)
        }
        guard !logs.isEmpty else { return }
        if record == nil, !wantsRecord { record = self.record { $0.request(id) } }  // a log subscribed meanwhile
        if let record { for log in logs { log.yield(record) } }
    }

    /// A stream of every request as it finishes, until the caller stops iterating.
    func requestLog() -> AsyncStream<RequestRecord> {
        let (stream, continuation) = AsyncStream.makeStream(of: RequestRecord.self, bufferingPolicy: .bufferingNewest(1000))
        // Counted before it is registered, so no request that finishes after this call is missed.
        requestLogCount.add(1, ordering: .relaxed)
        let id = traffic.withLock { traffic in
            traffic.nextLogID += 1
            traffic.logs[traffic.nextLogID] = continuation
            return traffic.nextLogID
        }
        continuation.onTermination = { [weak self] _ in
            guard let self else { return }
            if self.traffic.withLock({ $0.logs.removeValue(forKey: id) }) != nil {
                self.requestLogCount.subtract(1, ordering: .relaxed)
            }
        }
        return stream
    }

    /// Ends every request log (server shutdown).
    func finishRequestLogs() {
        let logs = traffic.withLock { traffic in
            defer { traffic.logs = [:] }
            return Array(traffic.logs.values)
        }
        requestLogCount.subtract(logs.count, ordering: .relaxed)
        for log in logs { log.finish() }
    }
}

extension RequestAdmission.Rejection {
    /// The 429 that says which limit turned the request away.
    var error: OpenAIError {
        switch reason {
        case .requestsPerSecond, .concurrentRequests:
            return .rateLimited(reason.description, limit: limit)
        case .requestsPerMinute, .tokensPerMinute:
            return .rateLimitedPerMinute(
                reason.description, tokens: reason == .tokensPerMinute, limit: limit, used: used ?? 0,
                requested: requested ?? 0, retryAfter: retryAfter)
        }
    }
}
