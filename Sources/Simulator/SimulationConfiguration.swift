import PoolCore
import TrafficModels

/// Everything one simulated run needs: the client, the workload, the server and the seed.
public struct SimulationConfiguration: Sendable, Hashable {
    /// The client's pool: `httpx.Limits` values and which httpcore decides.
    public var pool: PoolConfiguration
    /// `Timeout.pool` in seconds; `nil` waits forever (httpx's default is 5 s).
    public var poolTimeout: Double?
    /// The openai SDK's `max_retries`; `nil` is a plain httpx client (no retry loop: a 429 is an answer).
    public var maxRetries: Int?
    /// What the clients send, and when.
    public var workload: Workload
    /// How the server answers.
    public var server: ServerModel
    /// Seeds the arrivals, latencies, fault draws and retry jitter: the same seed gives the same run.
    public var seed: UInt64
    /// Where the requests go (one origin, as against the mock).
    public var origin: Origin
    /// Phases that change the server's knobs at set times, counted in simulated seconds from t = 0, on top of
    /// ``server`` (the same files and built-ins as `poolplay serve --scenario`); `nil`: the server never changes.
    public var scenario: Scenario?

    public init(
        pool: PoolConfiguration,
        poolTimeout: Double? = 5.0,
        maxRetries: Int? = nil,
        workload: Workload,
        server: ServerModel = ServerModel(),
        seed: UInt64 = 1,
        origin: Origin = Origin(scheme: "http", host: "127.0.0.1", port: 8000),
        scenario: Scenario? = nil
    ) {
        self.pool = pool
        self.poolTimeout = poolTimeout
        self.maxRetries = maxRetries
        self.workload = workload
        self.server = server
        self.seed = seed
        self.origin = origin
        self.scenario = scenario
    }

    /// The Python library whose pool this is: `httpx` (httpcore 1.0.9) or `httpx2` (httpcore2).
    public var libraryName: String { pool.algorithm == .httpcore1 ? "httpx" : "httpx2" }
}

/// What the clients send, and when.
public enum Workload: Sendable, Hashable, CustomStringConvertible {
    /// `n` requests, all at t = 0 (`asyncio.gather` of n calls).
    case burst(Int)
    /// `requests` requests with Poisson arrivals at `rate` per second (an open loop: arrivals do not wait).
    case poisson(rate: Double, requests: Int)
    /// `workers` loops, each sending its next request as soon as the last one ended, `requests` in all.
    case closedLoop(workers: Int, requests: Int)
    /// Poisson arrivals phase after phase; each phase's rate goes linearly from its start rate to its end rate.
    case phases([Phase])
    /// One request at each of these times, in seconds (sorted before use): a scripted scenario.
    case arrivals([Double])

    /// One stretch of a phased workload.
    public struct Phase: Sendable, Hashable {
        /// How long the phase lasts, in seconds.
        public var duration: Double
        /// Requests per second at the phase's start.
        public var startRate: Double
        /// Requests per second at its end (equal to `startRate` for a steady phase).
        public var endRate: Double

        public init(duration: Double, startRate: Double, endRate: Double? = nil) {
            self.duration = duration
            self.startRate = startRate
            self.endRate = endRate ?? startRate
        }
    }

    public var description: String {
        switch self {
        case .burst(let n): "burst of \(n)"
        case .poisson(let rate, let n): "\(n) requests at \(Self.number(rate))/s (Poisson)"
        case .closedLoop(let workers, let n): "\(n) requests from \(workers) workers"
        case .phases(let phases):
            phases.map { p in
                p.startRate == p.endRate
                    ? "\(Self.number(p.duration))s at \(Self.number(p.startRate))/s"
                    : "\(Self.number(p.duration))s \(Self.number(p.startRate))→\(Self.number(p.endRate))/s"
            }.joined(separator: ", ")
        case .arrivals(let times): "\(times.count) requests at set times"
        }
    }

    static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}

/// The simulated server: the mock's knobs that change what a pool sees.
public struct ServerModel: Sendable, Hashable {
    /// `latency=`: the delay of each response.
    public var latency: ServerLatency
    /// `connect_cost=`: extra delay on each connection's first response, in seconds.
    public var connectCost: Double
    /// `idle_timeout=`: the server closes a keep-alive connection idle this long (seconds); `nil`: never.
    public var idleTimeout: Double?
    /// `max_requests_per_connection=`: the n-th response carries `Connection: close`.
    public var maxRequestsPerConnection: Int?
    /// `rps=`: requests per second (fixed window); more get 429 with `retry-after`.
    public var requestsPerSecond: Int?
    /// `max_concurrent=`: requests in progress at once; more get 429 with `retry-after`.
    public var maxConcurrent: Int?
    /// `rpm=`: requests per minute, a bucket that refills continuously as the API's does (TrafficModels'
    /// `TokenBucket`, shared with the mock); more get 429 with `retry-after`.
    public var requestsPerMinute: Int?
    /// `tpm=`: tokens per minute, likewise; each request reserves ``requestTokens``.
    public var tokensPerMinute: Int?
    /// `request_tokens=` (the simulator's own knob): the tokens each request reserves against `tpm` — prompt plus
    /// `max_tokens`, as the mock estimates them. 0 (the default) is a request that counts no tokens, as
    /// `/v1/models` does.
    public var requestTokens: Int = 0
    /// `fault=`: injected faults.
    public var faults: [FaultRule]

    public init(
        latency: ServerLatency = .model(.fixed(.milliseconds(200))),
        connectCost: Double = 0,
        idleTimeout: Double? = nil,
        maxRequestsPerConnection: Int? = nil,
        requestsPerSecond: Int? = nil,
        maxConcurrent: Int? = nil,
        faults: [FaultRule] = []
    ) {
        self.latency = latency
        self.connectCost = connectCost
        self.idleTimeout = idleTimeout
        self.maxRequestsPerConnection = maxRequestsPerConnection
        self.requestsPerSecond = requestsPerSecond
        self.maxConcurrent = maxConcurrent
        self.faults = faults
    }
}
