import MockServer
import TrafficModels

/// `%server [KNOB=VALUE …]`: the built-in mock endpoint's ledger, and its knobs changed live (`%server help`).
extension Magic {
    static let server = Magic(
        names: ["server"],
        helpEntries: [.init("%server", "the mock endpoint's ledger; %server latency=300ms … changes it (%server help)")],
        arguments: .settings(keys: MockServerConfiguration.knobNames, extra: ["help", "reset"]) { knob in
            Session.knobExamples[knob] ?? []
        },
        run: { session, invocation in await session.serverMagic(invocation.arguments) })
}

extension Session {
    /// Each knob's example value from the knob table (`latency=200ms` → `200ms`), and `none` where it clears the
    /// knob, for TAB after `%server knob=`.
    static let knobExamples: [String: [String]] = {
        var table: [String: [String]] = [:]
        for line in MockServerConfiguration.knobHelp.split(separator: "\n") {
            guard let setting = line.split(separator: " ").first, let equals = setting.firstIndex(of: "=") else {
                continue
            }
            let name = String(setting[..<equals])
            table[name] = [String(setting[setting.index(after: equals)...])] + (line.contains("none") ? ["none"] : [])
        }
        return table
    }()

    fileprivate func serverMagic(_ arguments: [String]) async {
        guard let server else {
            output.writeError("The built-in mock is not running in this session.\n")
            return
        }
        if arguments == ["help"] {
            say("%server KNOB=VALUE … changes the mock endpoint live:\n" + MockServerConfiguration.knobHelp + "\n"
                + "%server load FILE|NAME loads a scenario (YAML phases and per-route knobs); built-ins:\n"
                + Scenario.builtInList + "\n")
            return
        }
        if arguments.first == "load" {
            guard arguments.count == 2 else {
                output.writeError("UsageError: %server load FILE (a scenario YAML file or a built-in name)\n")
                return
            }
            do {
                server.loadScenario(try Scenario.load(arguments[1]))
            } catch {
                output.writeError("ScenarioError: \(error)\n")
                return
            }
            for line in server.advanceScenario() { say(line + "\n") }
            return
        }
        var changed = server.configuration
        for argument in arguments {
            let parts = argument.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2 else {
                output.writeError("UsageError: %server: expected KNOB=VALUE, got '\(argument)' (%server help lists the knobs)\n")
                return
            }
            do {
                try changed.apply(parts[0], parts[1])
            } catch {
                output.writeError("UsageError: %server: \(error)\n")
                return
            }
        }
        if !arguments.isEmpty {
            let final = changed
            server.updateConfiguration { $0 = final }
            saveAsPython(knobs: arguments)
        }
        let ledger = server.ledger()
        say(
            "mock endpoint \(server.baseURL) · \(server.configuration.describe())\n"
                + "  TCP connections accepted: \(ledger.acceptedConnections) (open now \(ledger.openConnections), "
                + "peak \(ledger.peakConcurrentConnections))\n"
                + "  requests: \(ledger.totalRequests) (peak concurrent \(ledger.peakConcurrentRequests))\n")
        if let scenario = server.scenario {
            say("  scenario \(scenario.name), phase \(scenario.phase ?? "(none yet)")\n")
        }
        for connection in ledger.connections.suffix(10) {
            say("    conn \(connection.id) :\(connection.clientPort)  requests \(connection.requestsServed)"
                + (connection.closedAt == nil ? "  open" : "  closed by \(connection.closedBy ?? "?")") + "\n")
        }
        if ledger.droppedConnections + ledger.droppedRequests > 0 {
            say("  (the ledger keeps the last \(ledger.limit) records: \(ledger.droppedConnections) connections and "
                + "\(ledger.droppedRequests) requests dropped; totals above are exact)\n")
        }
        say("  In Python: import poolplay; poolplay.server.ledger.connections\n")
    }
}
