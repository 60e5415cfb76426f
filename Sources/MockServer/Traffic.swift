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
    /// The `rps` window and the requests holding a `max_concurrent` slot.
    var limits = RequestLimits()
    var logs: [Int: AsyncStream<RequestRecord>.Continuation] = [:]
    var nextLogID = 0

    init(seed: UInt64) {
        self.seed = seed
        random = SeededRandom(seed: seed)
    }

    /// Follows a live change of seed, fault rules or limits (a new `rps` starts a fresh window).
    mutating func sync(with configuration: MockServerConfiguration) {
        if configuration.seed != seed {
            seed = configuration.seed
            random = SeededRandom(seed: seed)
        }
        faults.setRules(configuration.faults)
        limits.configure(
            requestsPerSecond: configuration.requestsPerSecond, maxConcurrent: configuration.maxConcurrentRequests)
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
        let sinceStart = Duration.nanoseconds((now - startTime).nanoseconds)
        return traffic.withLock { traffic in
            traffic.sync(with: configuration)
            let decision = traffic.limits.admit(requestID, at: sinceStart)
            let limit = configuration.requestsPerSecond ?? 10_000
            return Admission(
                rejection: decision.rejection.map {
                    (.rateLimited($0.reason.description, limit: $0.limit), $0.retryAfter)
                },
                limit: limit, remaining: decision.window.remaining(displayedLimit: limit), reset: decision.window.reset)
        }
    }

    /// The fault for the next OpenAI request: the header's, else the first rule that fires.
    func nextFault(configuration: MockServerConfiguration, override: Fault?) -> Fault? {
        traffic.withLock { traffic in
            traffic.sync(with: configuration)
            return traffic.faults.next(override: override, random: &traffic.random)
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
            traffic.limits.finish(id)
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
