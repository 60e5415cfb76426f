import MockServer
import PoolCore
import PythonModels

/// `%why`: the pool's decisions during the last statement, each with the rule and the library behind it
/// (``PoolNarrative``), then what the other library would have done with the same arrivals (``PoolReplay``), and
/// the SDK's retries seen by the mock. `%why conn N` tells one connection's story.
extension Magic {
    static let why = Magic(
        names: ["why"],
        helpEntries: [.init("%why [conn N]", "why the pool did what it did in the last statement, rule by rule")],
        arguments: .words(["conn"]),
        run: { session, invocation in session.whyMagic(invocation.arguments) })
}

extension Session {
    fileprivate func whyMagic(_ arguments: [String]) {
        if arguments.first == "conn" {
            guard arguments.count == 2, let id = Int(arguments[1]) else {
                output.writeError("UsageError: %why conn N: the story of connection N (numbers as in %timeline)\n")
                return
            }
            connectionStory(id)
            return
        }
        guard arguments.isEmpty else {
            output.writeError("UsageError: %why [conn N]: why the pool decided what it did in the last statement\n")
            return
        }
        let pools = context.pools.filter { lastTimeline[$0.id] != nil }
        guard !pools.isEmpty else {
            say("Nothing to explain yet: run a statement that sends requests, then %why.\n")
            return
        }
        var text = ""
        for pool in pools {
            let mark = lastTimeline[pool.id] ?? nil
            let configuration = pool.engine.configuration
            let narrative = PoolNarrative(configuration: configuration, poolTimeout: poolTimeout(of: pool))
            let entries = pool.engine.eventLog
            text += "Why, for \(label(for: pool) ?? "pool \(pool.id)") (\(configuration.algorithm.libraryDescription), "
                + "\(PoolPanel.limits(pool))):\n"
            let lines = narrative.lines(entries, since: mark)
            if lines.isEmpty { text += "  • nothing the pool decided: no request went through it\n" }
            for line in lines { text += "  • \(line.text)\n" }
            text += otherLibrary(pool, entries: entries, since: mark, narrative: narrative)
        }
        text += sdkRetries()
        say(text)
    }

    /// What the other algorithm does with the same arrivals, measured by replaying them.
    private func otherLibrary(_ pool: PoolObject, entries: [PoolLogEntry], since mark: Double?, narrative: PoolNarrative)
        -> String
    {
        var other = pool.engine.configuration
        other.algorithm = other.algorithm == .httpcore1 ? .httpcore2 : .httpcore1
        guard pool.engine.eventLogDroppedCount == 0, !entries.isEmpty else {
            return "  The other library: not replayed (the pool's log no longer reaches back to its start).\n"
        }
        let inputs = PoolReplay.inputs(from: entries)
        let start = mark.map { $0 + 1e-9 } ?? -Double.infinity
        // Run to the end: the other pool may take longer to serve the same arrivals.
        let theirs = PoolReplay.run(
            inputs, configuration: other, poolTimeout: narrative.poolTimeout, spanStart: start, end: .infinity)
        let ours = SpanCounters(entries: entries, since: mark)
        let arrivals = inputs.arrivals.filter { $0.time >= start }.count
        func pair(_ name: String, _ a: Int, _ b: Int) -> String { "\(name) \(b) (here \(a))" }
        var parts = [
            pair("opened", ours.opened, theirs.opened), pair("reused", ours.reused, theirs.reused),
            pair("closed for the keep-alive limit", ours.closed(.keepAliveLimit), theirs.closed(.keepAliveLimit)),
        ]
        if ours.poolTimeouts + theirs.poolTimeouts > 0 {
            parts.append(pair("PoolTimeout", ours.poolTimeouts, theirs.poolTimeouts))
        }
        return "  Under \(other.algorithm.libraryDescription), the same \(arrivals) arrival\(arrivals == 1 ? "" : "s") "
            + "with the same response times (replayed through its rules): " + parts.joined(separator: ", ") + ".\n"
    }

    /// The SDK's retries during the last statement, from the mock's ledger (`x-stainless-retry-count`).
    private func sdkRetries() -> String {
        guard let server, let mark = lastLedgerMark else { return "" }
        let requests = server.ledger().requests.filter { $0.id > mark }
        let retried = requests.filter { ($0.retryCount ?? 0) > 0 }
        guard !retried.isEmpty else { return "" }
        var statuses: [Int: Int] = [:]
        for request in requests where request.status >= 400 { statuses[request.status, default: 0] += 1 }
        let seen = statuses.keys.sorted().map { "\($0) ×\(statuses[$0]!)" }.joined(separator: ", ")
        return "SDK retries: \(retried.count) of the \(requests.count) requests the mock saw were retries "
            + "(x-stainless-retry-count > 0), after \(seen.isEmpty ? "transport errors" : seen). Each retry is a new "
            + "request through the same pool, after the SDK's backoff or the server's retry-after "
            + "(openai _base_client.py, _should_retry / _calculate_retry_timeout).\n"
    }

    private func connectionStory(_ id: Int) {
        for pool in context.pools {
            let entries = pool.engine.eventLog
            let narrative = PoolNarrative(configuration: pool.engine.configuration, poolTimeout: poolTimeout(of: pool))
            let story = narrative.story(of: id, entries)
            guard !story.isEmpty else { continue }
            var text = "conn \(id) of \(label(for: pool) ?? "pool \(pool.id)") (\(pool.engine.configuration.algorithm.libraryDescription)):\n"
            for line in story { text += "  • \(line.text)\n" }
            say(text)
            return
        }
        output.writeError("No connection \(id) in any pool's log (%timeline shows the numbers).\n")
    }

    /// `Timeout.pool` of the client that owns `pool`, when the session holds one.
    private func poolTimeout(of pool: PoolObject) -> Double? {
        for value in interpreter.globals.values {
            guard case .object(let object) = value else { continue }
            if let client = object as? OpenAIClientObject, client.httpClient.transport.pool === pool {
                return client.poolTimeoutSeconds
            }
            if let client = object as? HTTPClientObject, client.transport.pool === pool { return client.poolTimeoutSeconds }
        }
        return 5
    }
}
