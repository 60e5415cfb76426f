import PoolCore

/// What one simulated run did, in the pool's vocabulary (``SpanCounters``) plus the client's view.
public struct SimulationResult: Sendable {
    /// The run's configuration.
    public var configuration: SimulationConfiguration
    /// Calls the workload made (each may take several attempts with retries).
    public var requests = 0
    /// Calls that ended with a successful response.
    public var completed = 0
    /// Calls that ended with an error, by exception name (`PoolTimeout`, `RateLimitError`, …).
    public var failed: [String: Int] = [:]
    /// Attempts sent into the pool (calls plus retries).
    public var attempts = 0
    /// Retries the SDK's loop made.
    public var retries = 0
    /// 429 answers the server gave (rate limits and injected 429s).
    public var rateLimited = 0
    /// The pool's counters over the run: opened, reused, closed by reason, waits, PoolTimeouts, requeues, peaks.
    public var pool = SpanCounters()
    /// The most connections open at once.
    public var peakConnections = 0
    /// When the last call ended, in simulated seconds.
    public var simulatedSeconds = 0.0
    /// Calls in the system (queued, connecting, running or waiting to retry), averaged over simulated time: Little's
    /// law's L, equal to throughput × mean latency when every call ends.
    public var meanInSystem = 0.0
    /// Requests queued in the pool, averaged over simulated time.
    public var meanQueued = 0.0
    /// Wall-clock seconds the run took.
    public var wallSeconds = 0.0
    /// Events the loop processed.
    public var events = 0
    /// End-to-end latency of each call (first attempt's arrival to the call's end, retries included).
    public var latency = DurationStatistics()
    /// Each attempt's wait in the pool (arrival to the start of its request on a connection).
    public var poolWait = DurationStatistics()
    /// Queue length and open connections over time.
    public var timeline = Timeline()
    /// One entry per phase of the configuration's scenario, in order (empty without one).
    public var phases: [PhaseSummary] = []

    public init(configuration: SimulationConfiguration) {
        self.configuration = configuration
    }

    /// Calls that failed, whatever the error.
    public var failedTotal: Int { failed.values.reduce(0, +) }

    /// Successful calls per simulated second.
    public var throughput: Double { simulatedSeconds > 0 ? Double(completed) / simulatedSeconds : 0 }

    /// The most requests queued at once.
    public var peakQueued: Int { pool.peakQueued }
}
