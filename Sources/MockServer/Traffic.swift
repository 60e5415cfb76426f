import NIOCore
import Synchronization
import TrafficModels

/// The server-wide decisions that need memory across requests: the seeded generator, fault schedules,
/// the rate-limit window, requests holding a concurrency slot, and request-log subscribers.
///
/// Lives in ``MockServerState`` behind its own `Mutex`.
struct Traffic: Sendable {
    var random: SeededRandom
    var seed: UInt64
    /// OpenAI requests counted for `every n-th` fault rules since ``faultRules`` last changed.
    var faultCount = 0
    var faultRules: [FaultRule] = []
    /// Start and count of the current one-second rate-limit window.
    var windowStart: NIODeadline?
    var windowCount = 0
    /// The `rps` the window was counted for; a change starts a fresh window.
    var windowLimit: Int?
    /// Requests admitted and not finished: the in-progress count `max_concurrent` limits.
    var admitted: Set<Int> = []
    var logs: [Int: AsyncStream<RequestRecord>.Continuation] = [:]
    var nextLogID = 0

    init(seed: UInt64) {
        self.seed = seed
        random = SeededRandom(seed: seed)
    }

    /// Follows a live change of seed or fault rules.
    mutating func sync(with configuration: MockServerConfiguration) {
        if configuration.seed != seed {
            seed = configuration.seed
            random = SeededRandom(seed: seed)
        }
        if configuration.faults != faultRules {
            faultRules = configuration.faults
            faultCount = 0
        }
        if configuration.requestsPerSecond != windowLimit {
            windowLimit = configuration.requestsPerSecond
            windowStart = nil
            windowCount = 0
        }
    }
}

/// The rate-limit view of one request: what the `x-ratelimit-*` headers say, and whether it got a 429.
struct Admission: Sendable {
    /// `nil` when admitted; otherwise the 429 error and how long to wait.
    var rejection: (error: OpenAIError, retryAfter: Duration)?
    var limit: Int
    var remaining: Int
    var reset: Duration

    /// The six `x-ratelimit-*` headers of OpenAI's rate-limit guide (openai-wire §6); tokens are cosmetic.
    func headers(tokens: Int) -> HTTPHeadersList {
        let tokenLimit = 1_000_000
        return [
            ("x-ratelimit-limit-requests", String(limit)),
            ("x-ratelimit-remaining-requests", String(remaining)),
            ("x-ratelimit-reset-requests", MockServerConfiguration.format(reset)),
            ("x-ratelimit-limit-tokens", String(tokenLimit)),
            ("x-ratelimit-remaining-tokens", String(max(0, tokenLimit - tokens))),
            ("x-ratelimit-reset-tokens", "0ms"),
        ]
    }
}

typealias HTTPHeadersList = [(String, String)]

extension MockServerState {
    /// Rate limits for an OpenAI request whose body just arrived: the one-second window (`rps`) first,
    /// then the in-progress cap (`max_concurrent`). An admitted request holds a slot until
    /// ``finishRequest(id:status:served:at:)``. Setting `rps` (to any new value) starts a fresh window.
    func admit(requestID: Int, at now: NIODeadline, configuration: MockServerConfiguration) -> Admission {
        traffic.withLock { traffic in
            traffic.sync(with: configuration)
            let second = TimeAmount.seconds(1)
            if let start = traffic.windowStart, now - start < second {
                traffic.windowCount += 1
            } else {
                traffic.windowStart = now
                traffic.windowCount = 1
            }
            let windowEnd = (traffic.windowStart ?? now) + second
            let reset = Duration.nanoseconds(max(0, (windowEnd - now).nanoseconds))
            let limit = configuration.requestsPerSecond ?? 10_000
            var admission = Admission(
                rejection: nil, limit: limit, remaining: max(0, limit - traffic.windowCount), reset: reset)
            if let rps = configuration.requestsPerSecond, traffic.windowCount > rps {
                traffic.windowCount -= 1  // a rejected request does not use the window
                admission.rejection = (.rateLimited("requests per second", limit: rps), max(reset, .milliseconds(1)))
            } else if let cap = configuration.maxConcurrentRequests, traffic.admitted.count >= cap {
                admission.rejection = (.rateLimited("concurrent requests", limit: cap), .milliseconds(100))
            } else {
                traffic.admitted.insert(requestID)
            }
            return admission
        }
    }

    /// The fault for the next OpenAI request: the header's, else the first rule that fires.
    func nextFault(configuration: MockServerConfiguration, override: Fault?) -> Fault? {
        traffic.withLock { traffic in
            traffic.sync(with: configuration)
            traffic.faultCount += 1
            if let override { return override }
            for rule in traffic.faultRules where rule.fires(count: traffic.faultCount, random: &traffic.random) {
                return rule.fault
            }
            return nil
        }
    }

    /// A latency sample from the configured model.
    func sampleLatency(configuration: MockServerConfiguration) -> Duration {
        traffic.withLock { traffic in
            traffic.sync(with: configuration)
            return configuration.latencyModel.sample(&traffic.random)
        }
    }

    /// Marks a request finished in the ledger, frees its concurrency slot, and logs it.
    func finishRequest(id: Int, status: Int, served: Bool = true, at time: Double) {
        let record = record { book -> RequestRecord? in
            book.requestFinished(id: id, status: status, served: served, at: time)
            return book.request(id)
        }
        let logs = traffic.withLock { traffic in
            traffic.admitted.remove(id)
            return Array(traffic.logs.values)
        }
        if let record { for log in logs { log.yield(record) } }
    }

    /// A stream of every request as it finishes, until the caller stops iterating.
    func requestLog() -> AsyncStream<RequestRecord> {
        let (stream, continuation) = AsyncStream.makeStream(of: RequestRecord.self, bufferingPolicy: .bufferingNewest(1000))
        let id = traffic.withLock { traffic in
            traffic.nextLogID += 1
            traffic.logs[traffic.nextLogID] = continuation
            return traffic.nextLogID
        }
        continuation.onTermination = { [weak self] _ in
            _ = self?.traffic.withLock { $0.logs.removeValue(forKey: id) }
        }
        return stream
    }

    /// Ends every request log (server shutdown).
    func finishRequestLogs() {
        let logs = traffic.withLock { traffic in
            defer { traffic.logs = [:] }
            return Array(traffic.logs.values)
        }
        for log in logs { log.finish() }
    }
}
