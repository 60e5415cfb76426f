import ArgumentParser
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
            """)

    @Option(help: "httpx (httpcore 1.0.9) or httpx2 (httpcore2).") var lib = "httpx"
    @Option(help: "MAX,KEEPALIVE as httpx.Limits (none for no limit).") var limits = "100,20"
    @Option(help: "keepalive_expiry in seconds (none: never).") var keepaliveExpiry = "5"
    @Option(help: "Timeout.pool in seconds (none: wait forever).") var poolTimeout = "5"
    @Option(help: "The openai SDK's max_retries; omitted: plain httpx, no retry loop.") var maxRetries: Int?
    @Option(help: "N requests at t=0.") var burst: Int?
    @Option(help: "Poisson arrivals per second (with --requests).") var rate: Double?
    @Option(help: "Closed-loop workers (with --requests).") var workers: Int?
    @Option(help: "How many requests.") var requests: Int?
    @Option(help: "Phases DURATION@RATE[-RATE], comma-separated, e.g. 10@100,5@100-1000.") var phases: String?
    @Option(name: .customLong("server"), help: "A server knob, KNOB=VALUE (repeatable).") var knobs: [String] = []
    @Option(help: "Shorthand for --server latency=….") var latency: String?
    @Option(help: "Shorthand for --server connect_cost=….") var connectTime: String?
    @Option(help: "Seed of arrivals, latencies, faults and jitter.") var seed: UInt64 = 1
    @Flag(help: "Print one JSON object.") var json = false
    @Flag(help: "Run httpx and httpx2 side by side.") var compare = false
    @Option(help: "max_connections=A..B: one row per value.") var sweep: String?
    @Flag(help: "No chart of queue and connections.") var noChart = false

    func run() throws {
        var base = try configuration()
        if let sweep {
            let (low, high) = try Self.range(sweep)
            var rows: [(Int, SimulationResult)] = []
            for value in low...high {
                base.pool.maxConnections = value
                base.pool.maxKeepaliveConnections = min(value, base.pool.maxKeepaliveConnections ?? value)
                var simulation = Simulation(base)
                rows.append((value, simulation.run()))
            }
            print(json ? "[" + rows.map { SimulationReport.json($0.1) }.joined(separator: ",\n") + "]"
                : SimulationReport.sweep(rows, knob: "max_connections"))
            return
        }
        var configurations = [base]
        if compare {
            configurations = PoolAlgorithm.allCases.map { algorithm in
                var c = base
                c.pool.algorithm = algorithm
                return c
            }
        }
        let results = configurations.map { configuration in
            var simulation = Simulation(configuration)
            return simulation.run()
        }
        if json {
            print(results.count == 1 ? SimulationReport.json(results[0])
                : "[" + results.map(SimulationReport.json).joined(separator: ",\n") + "]")
            return
        }
        print(SimulationReport.table(results))
        if !noChart {
            for result in results {
                print("\n\(result.configuration.libraryName):\n" + SimulationReport.chart(result))
            }
        }
    }

    func configuration() throws -> SimulationConfiguration {
        let algorithm: PoolAlgorithm
        switch lib.lowercased() {
        case "httpx", "httpcore", "httpcore1": algorithm = .httpcore1
        case "httpx2", "httpcore2", "openai": algorithm = .httpcore2
        default: throw ValidationError("--lib: expected httpx or httpx2, got '\(lib)'")
        }
        let parts = limits.split(separator: ",").map(String.init)
        guard parts.count == 2 else { throw ValidationError("--limits: expected MAX,KEEPALIVE, e.g. 10,5") }
        let pool = PoolConfiguration(
            maxConnections: try Self.optional(Int.init, parts[0], "--limits"),
            maxKeepaliveConnections: try Self.optional(Int.init, parts[1], "--limits"),
            keepaliveExpiry: try Self.optional(Double.init, keepaliveExpiry, "--keepalive-expiry"),
            algorithm: algorithm)
        var server = ServerModel()
        do {
            for knob in knobs { try server.apply(knob) }
            if let latency { try server.apply("latency", latency) }
            if let connectTime { try server.apply("connect_cost", connectTime) }
        } catch {
            throw ValidationError("\(error)")
        }
        return SimulationConfiguration(
            pool: pool, poolTimeout: try Self.optional(Double.init, poolTimeout, "--pool-timeout"),
            maxRetries: maxRetries, workload: try workload(), server: server, seed: seed)
    }

    func workload() throws -> Workload {
        if let burst { return .burst(burst) }
        if let rate {
            guard let requests else { throw ValidationError("--rate needs --requests N") }
            return .poisson(rate: rate, requests: requests)
        }
        if let workers {
            guard let requests else { throw ValidationError("--workers needs --requests N") }
            return .closedLoop(workers: workers, requests: requests)
        }
        if let phases {
            var list: [Workload.Phase] = []
            for part in phases.split(separator: ",") {
                let pieces = part.split(separator: "@")
                let rates = pieces.count == 2 ? pieces[1].split(separator: "-").compactMap { Double($0) } : []
                guard pieces.count == 2, let duration = Double(pieces[0]), (1...2).contains(rates.count) else {
                    throw ValidationError("--phases: expected DURATION@RATE[-RATE], got '\(part)'")
                }
                list.append(.init(duration: duration, startRate: rates[0], endRate: rates.last))
            }
            return .phases(list)
        }
        throw ValidationError("give a workload: --burst N, --rate R --requests N, --workers W --requests N or --phases")
    }

    static func optional<T>(_ parse: (String) -> T?, _ text: String, _ option: String) throws -> T? {
        if ["none", "None"].contains(text) { return nil }
        guard let value = parse(text) else { throw ValidationError("\(option): cannot read '\(text)'") }
        return value
    }

    static func range(_ text: String) throws -> (Int, Int) {
        guard text.hasPrefix("max_connections="), let dots = text.firstRange(of: "..") else {
            throw ValidationError("--sweep: expected max_connections=A..B")
        }
        let value = text.dropFirst("max_connections=".count)
        guard let low = Int(value[..<dots.lowerBound]), let high = Int(text[dots.upperBound...]), 1 <= low, low <= high
        else { throw ValidationError("--sweep: expected max_connections=A..B with 1 ≤ A ≤ B") }
        return (low, high)
    }
}
