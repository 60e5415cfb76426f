/// What happened during one phase of a scenario (``SimulationConfiguration/scenario``), counted by when it
/// happened in simulated time: an attempt sent in the phase counts there, a call that ends in it counts there.
public struct PhaseSummary: Sendable {
    /// The phase's name (`normal`, `brownout`, or `at 30s`).
    public var name: String
    /// When it started and ended, in simulated seconds (the end: the next phase's start, or the run's end).
    public var start: Double
    public var end: Double
    /// Attempts that reached the server (a retry is one more).
    public var attempts = 0
    /// Answers with an error status (`429`, `503`, …) or a broken connection instead of an answer.
    public var errors = 0
    /// 429 answers among them.
    public var rateLimited = 0
    /// Retries the SDK's loop scheduled.
    public var retries = 0
    /// Connections the pool opened.
    public var opened = 0
    /// Calls that ended, and those that ended with an error.
    public var callsEnded = 0
    public var callsFailed = 0
    /// End-to-end latency of the calls that ended in the phase.
    public var latency = DurationStatistics()

    init(name: String, start: Double) {
        self.name = name
        self.start = start
        end = start
    }

    /// Calls that ended per simulated second of the phase.
    public var throughput: Double { end > start ? Double(callsEnded - callsFailed) / (end - start) : 0 }
}
