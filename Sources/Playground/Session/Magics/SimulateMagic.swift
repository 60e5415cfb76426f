import MockServer
import PoolCore
import PoolScript
import PythonModels
import Simulator
import TrafficModels

/// `%simulate WORKLOAD [OPTIONS]`: "what would *this* client do?" — the newest client's pool (limits, algorithm,
/// keep-alive expiry), its `Timeout.pool` and (openai) `max_retries`, against the live mock's knobs, run in virtual
/// time by the Simulator. The options are `poolplay simulate`'s, parsed by the same ``SimulationOptions``; any of them
/// overrides what was read from the session.
extension Magic {
    static let simulate = Magic(
        names: ["simulate"],
        helpEntries: [
            .init("%simulate --rate R --requests N", "the newest client against the mock's knobs, in virtual time")
        ],
        arguments: .words((SimulationOptions.valueOptions + SimulationOptions.flagOptions).map { "--" + $0 }),
        run: { session, invocation in await session.simulateMagic(invocation.arguments) })
}

extension Session {
    fileprivate func simulateMagic(_ arguments: [String]) async {
        let options: SimulationOptions
        do {
            options = try SimulationOptions.parse(arguments)
            guard options.hasWorkload else { _ = try options.workload(); return }
        } catch {
            output.writeError(
                "UsageError: %simulate: \(error.message)\n  e.g. %simulate --rate 300 --requests 100000 "
                    + "(options as for poolplay simulate: --burst N, --workers W, --phases, --limits, --server k=v, "
                    + "--scenario FILE|NAME, --compare, --sweep max_connections=1..64, --json)\n")
            return
        }
        let (defaults, described, unmodelled) = simulationDefaults()
        let configuration: SimulationConfiguration
        let report: String
        do {
            configuration = try options.configuration(readingScenarioOver: defaults)
            report = try options.report(base: configuration)
        } catch {
            output.writeError("UsageError: %simulate: \(error.message)\n")
            return
        }
        if !options.json {
            output.write("simulate: \(described)\n")
            let pool = configuration.pool
            output.write(
                "  pool: \(configuration.libraryName) Limits(max_connections=\(Self.python(pool.maxConnections)), "
                    + "max_keepalive_connections=\(Self.python(pool.maxKeepaliveConnections)), "
                    + "keepalive_expiry=\(Self.python(pool.keepaliveExpiry))), "
                    + "Timeout.pool=\(Self.python(configuration.poolTimeout)), "
                    + "max_retries=\(configuration.maxRetries.map(String.init) ?? "none (plain httpx)")\n")
            output.write("  server: \(Self.describe(configuration.server))\n")
            if let scenario = configuration.scenario {
                output.write("  scenario: \(describe(scenario, live: options.scenario == nil))\n")
            }
            var unmodelled = unmodelled
            if let scenario = configuration.scenario {
                unmodelled += ServerModel.unmodelledKnobs(in: scenario).map { "scenario \($0)" }
            }
            let scenarioKnobs = configuration.scenario?.phases.flatMap(\.knobs) ?? []
            if configuration.server.tokensPerMinute != nil || scenarioKnobs.contains(where: { $0.name == "tpm" }),
                configuration.server.requestTokens == 0, !scenarioKnobs.contains(where: { $0.name == "request_tokens" })
            {
                unmodelled.append("tpm counts no tokens unless --server request_tokens=N (simulated calls carry no prompt)")
            }
            if !unmodelled.isEmpty {
                output.write("  not modelled (live mock knobs the simulator ignores): \(unmodelled.joined(separator: ", "))\n")
            }
        }
        output.write(report + "\n")
    }

    /// The newest pool's client as a starting configuration (with the mock's live scenario, if one is loaded), a phrase
    /// saying where it came from, and the live mock's knobs the simulator cannot model.
    private func simulationDefaults() -> (SimulationConfiguration, String, [String]) {
        var configuration = SimulationConfiguration.commandLineDefaults
        var described = "no client yet: httpx's defaults"
        if let pool = context.pools.last {
            configuration.pool = pool.engine.configuration
            described = "the newest pool (pool \(pool.id))"
            if let (name, client) = owner(of: pool) {
                described = "\(name)'s pool (pool \(pool.id))"
                if let openai = client as? OpenAIClientObject {
                    if case .int(let retries)? = try? openai.getAttribute("max_retries") { configuration.maxRetries = retries }
                    // The SDK sends its own timeout with every request (openai's default: 600 s, pool included).
                    configuration.poolTimeout = Self.poolTimeout(of: openai) ?? configuration.poolTimeout
                } else {
                    configuration.poolTimeout = Self.poolTimeout(of: client) ?? configuration.poolTimeout
                }
            }
        }
        var unmodelled: [String] = []
        if let server {
            // A live scenario is modelled whole, from its start, over the knobs it was loaded on.
            let loaded = server.loadedScenario
            let (model, ignored) = Self.serverModel(loaded?.base ?? server.configuration)
            configuration.server = model
            unmodelled = ignored
            if let loaded {
                configuration.scenario = loaded.scenario
            }
            configuration.origin = Origin(scheme: "http", host: server.host, port: server.port)
        }
        return (configuration, described, unmodelled)
    }

    /// The global naming the client (openai or httpx) whose transport owns `pool`, if one does.
    private func owner(of pool: PoolObject) -> (String, any PyObject)? {
        for (name, value) in interpreter.globals.sorted(by: { $0.key < $1.key }) where !name.hasPrefix("_") {
            guard case .object(let object) = value else { continue }
            if let client = object as? OpenAIClientObject, client.httpClient.transport.pool === pool {
                return (name, client)
            }
            if let client = object as? HTTPClientObject, client.transport.pool === pool { return (name, client) }
        }
        return nil
    }

    /// The client's `timeout.pool` in seconds (a plain number `timeout` covers the pool too): `.some(nil)` for None,
    /// `nil` when it cannot be read.
    private static func poolTimeout(of client: any PyObject) -> Double?? {
        guard let timeout = try? client.getAttribute("timeout") else { return nil }
        var value = timeout
        if case .object(let object) = timeout, let pool = try? object.getAttribute("pool") { value = pool }
        switch value {
        case .none: return .some(nil)
        case .int(let i): return .some(Double(i))
        case .float(let d): return .some(d)
        default: return nil
        }
    }

    /// The mock's knobs as the simulator's server, and the knobs set away from their defaults that it cannot model.
    static func serverModel(_ mock: MockServerConfiguration) -> (ServerModel, [String]) {
        func seconds(_ duration: Duration) -> Double {
            let (whole, atto) = duration.components
            return Double(whole) + Double(atto) / 1e18
        }
        var model = ServerModel(
            latency: .model(mock.latencyModel), connectCost: seconds(mock.connectCost),
            idleTimeout: mock.idleTimeout.map(seconds), maxRequestsPerConnection: mock.maxRequestsPerConnection,
            requestsPerSecond: mock.requestsPerSecond, maxConcurrent: mock.maxConcurrentRequests, faults: mock.faults)
        model.requestsPerMinute = mock.requestsPerMinute
        model.tokensPerMinute = mock.tokensPerMinute
        let defaults = MockServerConfiguration()
        var ignored: [String] = []
        if let cap = mock.maxConcurrentConnections {
            ignored.append("max_connections=\(cap) (the server's connection cap)")
        }
        if mock.streamFirstByteDelay != defaults.streamFirstByteDelay || mock.streamChunkDelay != defaults.streamChunkDelay
            || mock.doneToEndDelay != defaults.doneToEndDelay || mock.streamDoneMarker != defaults.streamDoneMarker
        {
            ignored.append("stream_ttfb/stream_chunk_delay/done_delay/done_marker (streams: the simulator sends plain calls)")
        }
        if mock.apiKey != nil { ignored.append("api_key (the simulated calls are all authorised)") }
        if mock.rejectUnknownModels { ignored.append("unknown-model rejection") }
        return (model, ignored)
    }

    /// The scenario's name, phases and where it came from: `--scenario`, or the live mock (then also where the
    /// mock is in it now, since the simulation replays it from its start).
    private func describe(_ scenario: Scenario, live: Bool) -> String {
        let phases = scenario.phases.map { "\($0.name) at \(DurationText.formatReset($0.at))" }.joined(separator: ", ")
        var text = "\(scenario.name) (\(phases)), in simulated time from t=0"
        if live, let server, let loaded = server.loadedScenario {
            let phase = server.scenario?.phase.map { "phase '\($0)', " } ?? ""
            text += "; the live mock's scenario, now at \(phase)\(DurationText.formatReset(loaded.elapsed)) in"
        }
        return text
    }

    static func describe(_ server: ServerModel) -> String {
        var parts = ["latency=\(server.latency)"]
        if server.connectCost > 0 { parts.append("connect_cost=\(python(server.connectCost))s") }
        if let idle = server.idleTimeout { parts.append("idle_timeout=\(python(idle))s") }
        if let n = server.maxRequestsPerConnection { parts.append("max_requests_per_connection=\(n)") }
        if let n = server.requestsPerSecond { parts.append("rps=\(n)") }
        if let n = server.maxConcurrent { parts.append("max_concurrent=\(n)") }
        if let n = server.requestsPerMinute { parts.append("rpm=\(n)") }
        if let n = server.tokensPerMinute { parts.append("tpm=\(n)") }
        if !server.faults.isEmpty { parts.append("fault=" + server.faults.map(\.description).joined(separator: ",")) }
        return parts.joined(separator: " ")
    }

    /// A number as Python prints it, `None` for nil.
    static func python(_ value: Int?) -> String { value.map(String.init) ?? "None" }
    static func python(_ value: Double?) -> String {
        guard let value else { return "None" }
        return value == value.rounded() && abs(value) < 1e15 ? "\(Int(value)).0" : String(value)
    }
}
