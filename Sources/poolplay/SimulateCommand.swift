import ArgumentParser
import Playground
import PoolCore
import Simulator

/// `poolplay simulate`: the pool in virtual time (PoolCore driven by the Simulator), for sizing questions.
struct Simulate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Simulate an httpx pool against a model of the mock server, in virtual time.",
        discussion: """
            Workload: --burst N, or --rate R --requests N (Poisson), or --workers W --requests N (closed loop).
            Server: --server KNOB=VALUE in the mock's syntax (latency, connect_cost, idle_timeout, rps,
            max_concurrent, max_requests_per_connection, fault); latency also takes exp:100ms.
            --scenario FILE|NAME: phases that change those knobs at set times, as poolplay serve --scenario
            takes them (list: the built-ins); the phases count in simulated seconds from t=0.
            """)

    @Option(help: "httpx (httpcore 1.0.9) or httpx2 (httpcore2); default httpx.") var lib: String?
    @Option(help: "MAX,KEEPALIVE as httpx.Limits (none for no limit); default 100,20.") var limits: String?
    @Option(help: "keepalive_expiry in seconds (none: never); default 5.") var keepaliveExpiry: String?
    @Option(help: "Timeout.pool in seconds (none: wait forever); default 5.") var poolTimeout: String?
    @Option(help: "The openai SDK's max_retries; omitted: plain httpx, no retry loop.") var maxRetries: Int?
    @Option(help: "N requests at t=0.") var burst: Int?
    @Option(help: "Poisson arrivals per second (with --requests).") var rate: Double?
    @Option(help: "Closed-loop workers (with --requests).") var workers: Int?
    @Option(help: "How many requests.") var requests: Int?
    @Option(help: "Phases DURATION@RATE[-RATE], comma-separated, e.g. 10@100,5@100-1000.") var phases: String?
    @Option(name: .customLong("server"), help: "A server knob, KNOB=VALUE (repeatable).") var knobs: [String] = []
    @Option(help: "Shorthand for --server latency=….") var latency: String?
    @Option(help: "Shorthand for --server connect_cost=….") var connectTime: String?
    @Option(help: "A scenario: a YAML file or a built-in name, as serve takes (list: show the built-ins).")
    var scenario: String?
    @Option(help: "Seed of arrivals, latencies, faults and jitter; default 1.") var seed: UInt64?
    @Flag(help: "Print one JSON object.") var json = false
    @Flag(help: "Run httpx and httpx2 side by side.") var compare = false
    @Option(help: "max_connections=A..B: one row per value.") var sweep: String?
    @Flag(help: "No chart of queue and connections.") var noChart = false

    /// The options in the form `%simulate` parses too (``SimulationOptions``), so both read them the same way.
    var options: SimulationOptions {
        var options = SimulationOptions()
        options.lib = lib
        options.limits = limits
        options.keepaliveExpiry = keepaliveExpiry
        options.poolTimeout = poolTimeout
        options.maxRetries = maxRetries.map(String.init)
        options.burst = burst
        options.rate = rate
        options.workers = workers
        options.requests = requests
        options.phases = phases
        options.knobs = knobs
        options.latency = latency
        options.connectTime = connectTime
        options.scenario = scenario
        options.seed = seed
        options.sweep = sweep
        options.json = json
        options.compare = compare
        options.noChart = noChart
        return options
    }

    func run() throws {
        let options = options
        if scenario == "list" {
            print("Built-in scenarios (poolplay simulate --scenario NAME):\n" + SimulationOptions.builtInScenarios)
            return
        }
        do {
            guard options.hasWorkload else { _ = try options.workload(); return }
            print(try options.report(base: try options.configuration(readingScenarioOver: .commandLineDefaults)))
        } catch {
            throw ValidationError(error.message)
        }
    }
}
