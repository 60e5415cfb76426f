import PoolCore
import TrafficModels

/// The options of `poolplay simulate` and `%simulate`, parsed the same way for both: `--rate 300 --requests 100000`,
/// `--limits=10,5`, `--server latency=200ms` (repeatable), flags `--json`, `--compare`, `--no-chart`.
///
/// Every client and workload option is optional: what is not given comes from the defaults the caller passes to
/// ``configuration(defaults:)`` — httpx's for the command line, the live client's and the mock's at the prompt.
public struct SimulationOptions: Sendable, Hashable {
    /// A usage error, ready to show.
    public struct UsageError: Error, Sendable, Hashable, CustomStringConvertible {
        public var message: String
        public init(_ message: String) { self.message = message }
        public var description: String { message }
    }

    public var lib: String?
    public var limits: String?
    public var keepaliveExpiry: String?
    public var poolTimeout: String?
    public var maxRetries: String?
    public var burst: Int?
    public var rate: Double?
    public var workers: Int?
    public var requests: Int?
    public var phases: String?
    /// `--server KNOB=VALUE`, in order.
    public var knobs: [String] = []
    public var latency: String?
    public var connectTime: String?
    /// `--scenario FILE|NAME`: a scenario file or built-in name, as `poolplay serve --scenario` takes. The
    /// Simulator cannot read YAML; the caller's `loadScenario` (MockServer's reader, through Playground) does.
    public var scenario: String?
    public var seed: UInt64?
    public var sweep: String?
    public var json = false
    public var compare = false
    public var noChart = false

    public init() {}

    /// Options taking a value, by their long name.
    public static let valueOptions = [
        "lib", "limits", "keepalive-expiry", "pool-timeout", "max-retries", "burst", "rate", "workers", "requests",
        "phases", "server", "latency", "connect-time", "scenario", "seed", "sweep",
    ]
    /// Options without a value.
    public static let flagOptions = ["json", "compare", "no-chart"]

    /// Reads `--name value`, `--name=value` and flags; anything else is a usage error.
    public static func parse(_ arguments: [String]) throws(UsageError) -> SimulationOptions {
        var options = SimulationOptions()
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            guard argument.hasPrefix("--") else { throw UsageError("unexpected '\(argument)' (options start with --)") }
            var name = String(argument.dropFirst(2))
            var value: String?
            if let equals = name.firstIndex(of: "=") {
                value = String(name[name.index(after: equals)...])
                name = String(name[..<equals])
            }
            if flagOptions.contains(name) {
                guard value == nil else { throw UsageError("--\(name) takes no value") }
                try options.set(name, "")
                continue
            }
            guard valueOptions.contains(name) else {
                throw UsageError("unknown option --\(name); options: "
                    + (valueOptions + flagOptions).map { "--\($0)" }.joined(separator: " "))
            }
            if value == nil {
                guard index < arguments.count else { throw UsageError("--\(name) needs a value") }
                value = arguments[index]
                index += 1
            }
            try options.set(name, value!)
        }
        return options
    }

    /// Sets one option from its text.
    public mutating func set(_ name: String, _ value: String) throws(UsageError) {
        func number<T>(_ parse: (String) -> T?) throws(UsageError) -> T {
            guard let parsed = parse(value) else { throw UsageError("--\(name): cannot read '\(value)'") }
            return parsed
        }
        switch name {
        case "lib": lib = value
        case "limits": limits = value
        case "keepalive-expiry": keepaliveExpiry = value
        case "pool-timeout": poolTimeout = value
        case "max-retries": maxRetries = value
        case "burst": burst = try number { Int($0) }
        case "rate": rate = try number { Double($0) }
        case "workers": workers = try number { Int($0) }
        case "requests": requests = try number { Int($0) }
        case "phases": phases = value
        case "server": knobs.append(value)
        case "latency": latency = value
        case "connect-time": connectTime = value
        case "scenario": scenario = value
        case "seed": seed = try number { UInt64($0) }
        case "sweep": sweep = value
        case "json": json = true
        case "compare": compare = true
        case "no-chart": noChart = true
        default: throw UsageError("unknown option --\(name)")
        }
    }

    /// Whether any workload option was given.
    public var hasWorkload: Bool { burst != nil || rate != nil || workers != nil || phases != nil }

    /// `defaults` with every given option applied on top; `loadScenario` reads `--scenario`'s file or built-in
    /// name (without one, `--scenario` is a usage error).
    public func configuration(
        defaults: SimulationConfiguration, loadScenario: ((String) throws(UsageError) -> Scenario)? = nil
    ) throws(UsageError) -> SimulationConfiguration {
        var configuration = defaults
        if let scenario {
            guard let loadScenario else { throw UsageError("--scenario: no scenario reader here") }
            configuration.scenario = try loadScenario(scenario)
        }
        if let lib {
            switch lib.lowercased() {
            case "httpx", "httpcore", "httpcore1": configuration.pool.algorithm = .httpcore1
            case "httpx2", "httpcore2", "openai": configuration.pool.algorithm = .httpcore2
            default: throw UsageError("--lib: expected httpx or httpx2, got '\(lib)'")
            }
        }
        if let limits {
            let parts = limits.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            guard parts.count == 2 else { throw UsageError("--limits: expected MAX,KEEPALIVE, e.g. 10,5") }
            configuration.pool.maxConnections = try Self.optional({ Int($0) }, parts[0], "--limits")
            configuration.pool.maxKeepaliveConnections = try Self.optional({ Int($0) }, parts[1], "--limits")
        }
        if let keepaliveExpiry {
            configuration.pool.keepaliveExpiry = try Self.optional({ Double($0) }, keepaliveExpiry, "--keepalive-expiry")
        }
        if let poolTimeout {
            configuration.poolTimeout = try Self.optional({ Double($0) }, poolTimeout, "--pool-timeout")
        }
        if let maxRetries {
            configuration.maxRetries = try Self.optional({ Int($0) }, maxRetries, "--max-retries")
        }
        do {
            for knob in knobs { try configuration.server.apply(knob) }
            if let latency { try configuration.server.apply("latency", latency) }
            if let connectTime { try configuration.server.apply("connect_cost", connectTime) }
        } catch {
            throw UsageError(error.message)
        }
        if hasWorkload { configuration.workload = try workload() }
        if let seed { configuration.seed = seed }
        return configuration
    }

    /// The workload the options name.
    public func workload() throws(UsageError) -> Workload {
        if let burst { return .burst(burst) }
        if let rate {
            guard let requests else { throw UsageError("--rate needs --requests N") }
            return .poisson(rate: rate, requests: requests)
        }
        if let workers {
            guard let requests else { throw UsageError("--workers needs --requests N") }
            return .closedLoop(workers: workers, requests: requests)
        }
        if let phases {
            var list: [Workload.Phase] = []
            for part in phases.split(separator: ",") {
                let pieces = part.split(separator: "@")
                let rates = pieces.count == 2 ? pieces[1].split(separator: "-").compactMap { Double($0) } : []
                guard pieces.count == 2, let duration = Double(pieces[0]), (1...2).contains(rates.count) else {
                    throw UsageError("--phases: expected DURATION@RATE[-RATE], got '\(part)'")
                }
                list.append(.init(duration: duration, startRate: rates[0], endRate: rates.last))
            }
            return .phases(list)
        }
        throw UsageError("give a workload: --burst N, --rate R --requests N, --workers W --requests N or --phases")
    }

    /// Runs what the options ask for on `base` (one run, `--compare`, or `--sweep`) and renders it: the table and
    /// chart, the sweep table, or `--json`.
    public func report(base: SimulationConfiguration) throws(UsageError) -> String {
        var base = base
        if let sweep {
            let (low, high) = try Self.range(sweep)
            var rows: [(value: Int, result: SimulationResult)] = []
            // Each row: max_connections = value, keep-alive as given but never above it.
            let keepalive = base.pool.maxKeepaliveConnections
            for value in low...high {
                base.pool.maxConnections = value
                base.pool.maxKeepaliveConnections = min(value, keepalive ?? value)
                var simulation = Simulation(base)
                rows.append((value, simulation.run()))
            }
            return json ? "[" + rows.map { SimulationReport.json($0.result) }.joined(separator: ",\n") + "]"
                : SimulationReport.sweep(rows, knob: "max_connections")
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
            return results.count == 1 ? SimulationReport.json(results[0])
                : "[" + results.map(SimulationReport.json).joined(separator: ",\n") + "]"
        }
        var text = SimulationReport.table(results)
        for result in results where !result.phases.isEmpty {
            let name = result.configuration.scenario?.name ?? ""
            let library = results.count > 1 ? " (\(result.configuration.libraryName))" : ""
            text += "\n\nscenario \(name)\(library), phase by phase:\n" + SimulationReport.phases(result)
        }
        if !noChart {
            for result in results {
                text += "\n\n\(result.configuration.libraryName):\n" + SimulationReport.chart(result)
            }
        }
        return text
    }

    static func optional<T>(_ parse: (String) -> T?, _ text: String, _ option: String) throws(UsageError) -> T? {
        if ["none", "None"].contains(text) { return nil }
        guard let value = parse(text) else { throw UsageError("\(option): cannot read '\(text)'") }
        return value
    }

    static func range(_ text: String) throws(UsageError) -> (Int, Int) {
        guard text.hasPrefix("max_connections="), let dots = text.firstRange(of: "..") else {
            throw UsageError("--sweep: expected max_connections=A..B")
        }
        let value = text.dropFirst("max_connections=".count)
        guard let low = Int(value[..<dots.lowerBound]), let high = Int(text[dots.upperBound...]), 1 <= low, low <= high
        else { throw UsageError("--sweep: expected max_connections=A..B with 1 ≤ A ≤ B") }
        return (low, high)
    }
}

extension SimulationConfiguration {
    /// `poolplay simulate`'s starting point: httpx's default client (`Limits(100, 20)`, 5 s expiry, `Timeout.pool`
    /// 5 s, no retry loop) against the mock's defaults (200 ms), seed 1. The workload is a placeholder until an
    /// option names one.
    public static let commandLineDefaults = SimulationConfiguration(
        pool: PoolConfiguration(maxConnections: 100, maxKeepaliveConnections: 20, keepaliveExpiry: 5, algorithm: .httpcore1),
        poolTimeout: 5, maxRetries: nil, workload: .burst(0), server: ServerModel(), seed: 1)
}
