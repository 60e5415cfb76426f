import PoolCore
import Simulator
import Testing

/// Scenarios whose outcome follows from the libraries' code or from queueing theory, worked out by hand.
@Suite struct TrustTests {
    static func limits(_ max: Int?, _ keepalive: Int?, _ algorithm: PoolAlgorithm, expiry: Double? = 5)
        -> PoolConfiguration
    {
        PoolConfiguration(
            maxConnections: max, maxKeepaliveConnections: keepalive, keepaliveExpiry: expiry, algorithm: algorithm)
    }

    static func fixed(_ ms: Int) -> ServerModel { ServerModel(latency: .model(.fixed(.milliseconds(ms)))) }

    static func run(_ configuration: SimulationConfiguration) -> SimulationResult {
        var simulation = Simulation(configuration)
        return simulation.run()
    }

    // MARK: Pool timeout

    /// `Limits(1, 1)`, a 1 s service, one request at t = 0 and two at t = 0.9, `Timeout.pool = 0.5`.
    ///
    /// httpcore 1.0.9: at t = 1 the pass hands the freed connection to both waiting requests; the second start
    /// attempt gets `ConnectionNotAvailable`, re-queues and waits with a *fresh* 0.5 s timer, so it times out at
    /// t = 1.5 (0.6 s after it arrived). httpcore2 assigns the connection once; the third request keeps the timer it
    /// started at t = 0.9 and times out at t = 1.4 (0.5 s).
    @Test(arguments: PoolAlgorithm.allCases) func poolTimeoutRestartsOnlyWithHTTPCore1(algorithm: PoolAlgorithm) {
        let result = Self.run(
            SimulationConfiguration(
                pool: Self.limits(1, 1, algorithm), poolTimeout: 0.5, workload: .arrivals([0, 0.9, 0.9]),
                server: Self.fixed(1000)))
        #expect(result.requests == 3)
        #expect(result.completed == 2)
        #expect(result.failed == ["PoolTimeout": 1])
        #expect(result.pool.poolTimeouts == 1)
        #expect(result.pool.opened == 1)
        #expect(result.pool.reused == 1)
        #expect(abs(result.simulatedSeconds - 2.0) < 1e-9)
        // Latencies: 1.0 (first), 1.1 (second: waits 0.1, runs 1.0), and the timed-out third.
        let third = algorithm == .httpcore1 ? 0.6 : 0.5
        #expect(abs(result.latency.meanSeconds - (1.0 + 1.1 + third) / 3) < 1e-9)
        #expect(result.pool.requeues == (algorithm == .httpcore1 ? 1 : 0))
    }

    /// A pool timeout with the SDK's retry loop: the timed-out call is retried (`APITimeoutError`), and the retry
    /// gets the connection.
    @Test func poolTimeoutIsRetriedByTheSDK() {
        let result = Self.run(
            SimulationConfiguration(
                pool: Self.limits(1, 1, .httpcore2), poolTimeout: 0.5, maxRetries: 2, workload: .arrivals([0, 0.1]),
                server: Self.fixed(1000)))
        #expect(result.completed == 2)
        #expect(result.failed.isEmpty)
        #expect(result.pool.poolTimeouts == 1)
        #expect(result.retries == 1)
        #expect(result.attempts == 3)
    }

    // MARK: Little's law

    /// Little's law, L = λW: the time-averaged number of calls in the system equals throughput × mean latency, and
    /// the time-averaged queue equals arrival rate × mean pool wait. Over a run that starts and ends empty both are
    /// identities of the accounting (tolerance 0.1%, for rounding); against M/M/10 theory, L = λ(W_q + 1/μ) ≈ 9.64,
    /// the measured L must be within 5% (its sampling error at 100,000 requests is about 1.5%).
    @Test(arguments: PoolAlgorithm.allCases) func littlesLaw(algorithm: PoolAlgorithm) {
        let result = Self.run(
            SimulationConfiguration(
                pool: Self.limits(10, 10, algorithm, expiry: nil), poolTimeout: nil,
                workload: .poisson(rate: 80, requests: 100_000), server: ServerModel(latency: .exponential(mean: 0.1)),
                seed: 3))
        #expect(result.completed == 100_000)
        let lambda = Double(result.completed) / result.simulatedSeconds
        let little = lambda * result.latency.meanSeconds
        #expect(abs(result.meanInSystem - little) / little < 0.001, "L \(result.meanInSystem), λW \(little)")
        let littleQueue = lambda * result.poolWait.meanSeconds
        #expect(abs(result.meanQueued - littleQueue) / littleQueue < 0.001, "Lq \(result.meanQueued), λWq \(littleQueue)")
        let theory = 80 * (QueueingTheoryTests.erlangCWait(servers: 10, rate: 80, service: 0.1) + 0.1)
        #expect(abs(result.meanInSystem - theory) / theory < 0.05, "L \(result.meanInSystem), theory \(theory)")
    }

    // MARK: Phases

    /// A ramp from 0 to 200/s over 10 s sends about 1,000 requests (the integral of the rate), within four
    /// standard deviations of a Poisson count (±126).
    @Test func rampSendsTheIntegralOfItsRate() {
        let result = Self.run(
            SimulationConfiguration(
                pool: Self.limits(100, 100, .httpcore2), workload: .phases([.init(duration: 10, startRate: 0, endRate: 200)]),
                server: Self.fixed(10)))
        #expect(abs(result.requests - 1000) <= 126, "\(result.requests) requests")
        #expect(result.completed == result.requests)
        #expect(result.simulatedSeconds > 9 && result.simulatedSeconds < 10.011)
    }

    /// Phases follow one another: 5 s at 0/s then 5 s at 200/s sends nothing in the first half (the chart's first
    /// buckets are empty) and about 1,000 requests in the second (±4σ), and a 10 s step at 50/s then 150/s about
    /// 2,000.
    @Test func phasesFollowOneAnother() {
        let step = Self.run(
            SimulationConfiguration(
                pool: Self.limits(100, 100, .httpcore1),
                workload: .phases([.init(duration: 5, startRate: 0), .init(duration: 5, startRate: 200)]),
                server: Self.fixed(10)))
        #expect(abs(step.requests - 1000) <= 126, "\(step.requests) requests")
        let levels = step.timeline.levels(until: step.simulatedSeconds)
        let firstHalf = levels.prefix(levels.count * 4 / 10)
        #expect(!firstHalf.isEmpty && firstHalf.allSatisfy { $0.connections == 0 && $0.queued == 0 })
        #expect(levels.suffix(levels.count / 4).contains { $0.connections > 0 })

        let twoRates = Self.run(
            SimulationConfiguration(
                pool: Self.limits(100, 100, .httpcore2),
                workload: .phases([.init(duration: 10, startRate: 50), .init(duration: 10, startRate: 150)]),
                server: Self.fixed(10), seed: 9))
        #expect(abs(twoRates.requests - 2000) <= 179, "\(twoRates.requests) requests")
    }

    // MARK: Expiry against the server's idle timeout

    /// One request at t = 0 and one at t = 2, 200 ms each, against `idle_timeout`: the server closes the idle
    /// connection 1 s after the response (t = 1.2) and the second request's pass drops it as `serverClosed`; a
    /// `keepalive_expiry` of 0.5 s drops it first, as `expired`; an idle timeout of 3 s lets the second reuse it.
    @Test(arguments: PoolAlgorithm.allCases) func expiryAgainstServerIdleTimeout(algorithm: PoolAlgorithm) throws {
        func run(expiry: Double, idle: String) throws -> SimulationResult {
            var server = Self.fixed(200)
            try server.apply("idle_timeout=\(idle)")
            return Self.run(
                SimulationConfiguration(
                    pool: Self.limits(10, 10, algorithm, expiry: expiry), workload: .arrivals([0, 2]), server: server))
        }
        let serverFirst = try run(expiry: 5, idle: "1s")
        #expect(serverFirst.pool.opened == 2)
        #expect(serverFirst.pool.reused == 0)
        #expect(serverFirst.pool.closedByReason == [.serverClosed: 1])

        let clientFirst = try run(expiry: 0.5, idle: "1s")
        #expect(clientFirst.pool.opened == 2)
        #expect(clientFirst.pool.closedByReason == [.expired: 1])

        let reused = try run(expiry: 5, idle: "3s")
        #expect(reused.pool.opened == 1)
        #expect(reused.pool.reused == 1)
        #expect(reused.pool.closed == 0)
        #expect(abs(reused.simulatedSeconds - 2.2) < 1e-9)
    }

    // MARK: 429 and the SDK's retries

    /// `max_concurrent=1`, two calls at once, 1 s service, `max_retries=2`: the second call gets 429 with
    /// `retry-after-ms: 100` three times (t = 0, 0.1, 0.2), is retried twice after exactly the server's delay, and
    /// ends with `RateLimitError` at t = 0.2.
    @Test func maxConcurrentRetriesAfterTheServersDelay() throws {
        var server = Self.fixed(1000)
        try server.apply("max_concurrent=1")
        let result = Self.run(
            SimulationConfiguration(
                pool: Self.limits(10, 10, .httpcore2), maxRetries: 2, workload: .burst(2), server: server))
        #expect(result.completed == 1)
        #expect(result.failed == ["RateLimitError": 1])
        #expect(result.rateLimited == 3)
        #expect(result.retries == 2)
        #expect(result.attempts == 4)
        #expect(abs(result.latency.meanSeconds - (1.0 + 0.2) / 2) < 1e-9)
        // The 429s come back on the second connection, kept alive: two connections, the retries reuse one.
        #expect(result.pool.opened == 2)
        #expect(result.pool.reused == 2)
    }

    /// `tpm=6000` with 1,000 tokens a request: the bucket holds six requests' tokens and refills 100 tokens a
    /// second, so the seventh call of a burst gets 429 and a retry-after of 10 s, which the SDK waits exactly.
    @Test func tokensPerMinuteRetriesAfterTheRefill() throws {
        var server = Self.fixed(100)
        try server.apply("tpm=6000")
        try server.apply("request_tokens=1000")
        let result = Self.run(
            SimulationConfiguration(
                pool: Self.limits(10, 10, .httpcore2), maxRetries: 2, workload: .burst(7), server: server))
        #expect(result.completed == 7)
        #expect(result.rateLimited == 1)
        #expect(result.retries == 1)
        #expect(abs(result.simulatedSeconds - 10.1) < 1e-6)
    }

    /// `rpm=60`: one request a second refills; the second call of a burst waits for it.
    @Test func requestsPerMinuteRetriesAfterTheRefill() throws {
        var server = Self.fixed(100)
        try server.apply("rpm=60")
        let result = Self.run(
            SimulationConfiguration(
                pool: Self.limits(10, 10, .httpcore1), maxRetries: 2, workload: .burst(61), server: server))
        #expect(result.completed == 61)
        #expect(result.rateLimited == 1)
        #expect(abs(result.simulatedSeconds - 1.1) < 1e-6)
    }

    /// `rps=1`, two calls at once, 100 ms service, `max_retries=2`: the second gets 429 with the time to the next
    /// window (1 s), is retried once at t = 1 and succeeds at t = 1.1.
    @Test func rpsRetriesAtTheNextWindow() throws {
        var server = Self.fixed(100)
        try server.apply("rps=1")
        let result = Self.run(
            SimulationConfiguration(
                pool: Self.limits(10, 10, .httpcore1), maxRetries: 2, workload: .burst(2), server: server))
        #expect(result.completed == 2)
        #expect(result.failed.isEmpty)
        #expect(result.rateLimited == 1)
        #expect(result.retries == 1)
        #expect(abs(result.simulatedSeconds - 1.1) < 1e-9)
    }

    /// Plain httpx has no retry loop: the 429 is the answer.
    @Test func plainHTTPXTakesThe429() throws {
        var server = Self.fixed(100)
        try server.apply("rps=1")
        let result = Self.run(
            SimulationConfiguration(pool: Self.limits(10, 10, .httpcore1), workload: .burst(3), server: server))
        #expect(result.completed == 1)
        #expect(result.failed == ["HTTP 429": 2])
        #expect(result.retries == 0)
    }
}

/// The options shared by `poolplay simulate` and `%simulate`.
@Suite struct SimulationOptionsTests {
    @Test func parsesBothSpellingsAndFlags() throws {
        let options = try SimulationOptions.parse(
            ["--rate", "300", "--requests=1000", "--server", "latency=exp:10ms", "--server", "rps=5", "--compare", "--lib=httpx2"])
        #expect(options.rate == 300)
        #expect(options.requests == 1000)
        #expect(options.knobs == ["latency=exp:10ms", "rps=5"])
        #expect(options.compare)
        let configuration = try options.configuration(defaults: .commandLineDefaults)
        #expect(configuration.workload == .poisson(rate: 300, requests: 1000))
        #expect(configuration.pool.algorithm == .httpcore2)
        #expect(configuration.server.requestsPerSecond == 5)
        #expect(configuration.pool.maxConnections == 100)
        #expect(throws: SimulationOptions.UsageError.self) { try SimulationOptions.parse(["--bogus"]) }
        #expect(throws: SimulationOptions.UsageError.self) { try SimulationOptions.parse(["--rate"]) }
        #expect(throws: SimulationOptions.UsageError.self) { try SimulationOptions.parse(["--json=1"]) }
    }

    /// Every row of a sweep keeps the keep-alive limit it was given (capped at its own max_connections): Limits(9, 9)
    /// after Limits(8, 8) is not Limits(9, 8).
    @Test func sweepRowsKeepTheGivenKeepAlive() throws {
        var options = try SimulationOptions.parse(["--burst", "40", "--limits", "100,20", "--sweep", "max_connections=8..9"])
        options.json = true
        let report = try options.report(base: options.configuration(defaults: .commandLineDefaults))
        let rows = report.split(separator: "\n")
        #expect(rows.count == 2)
        #expect(rows.allSatisfy { $0.contains("\"closed\": {}") })
    }
}
