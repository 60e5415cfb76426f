import PoolCore

/// Text forms of simulation results: a table (one column per run), `--json`, a sweep table and a chart.
public enum SimulationReport {
    /// Rows of figures, one column per result (`--compare` passes two).
    public static func table(_ results: [SimulationResult]) -> String {
        var rows: [(String, [String])] = []
        func row(_ name: String, _ value: (SimulationResult) -> String) { rows.append((name, results.map(value))) }
        row("library") { "\($0.configuration.libraryName) (\($0.configuration.pool.algorithm.libraryDescription))" }
        row("workload") { $0.configuration.workload.description }
        row("requests") { "\($0.requests)" }
        row("completed") { "\($0.completed)" }
        row("failed") { r in
            r.failed.isEmpty ? "0" : r.failed.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
        }
        row("simulated time") { format($0.simulatedSeconds) + " s" }
        row("throughput") { format($0.throughput) + " req/s" }
        row("latency p50/p90/p99/max") { r in
            [50.0, 90, 99].map { format(r.latency.seconds(atPercentile: $0) * 1000) }.joined(separator: " / ")
                + " / " + format(r.latency.maxSeconds * 1000) + " ms"
        }
        row("pool wait p50/p99") { r in
            format(r.poolWait.seconds(atPercentile: 50) * 1000) + " / "
                + format(r.poolWait.seconds(atPercentile: 99) * 1000) + " ms"
        }
        row("connections opened") { "\($0.pool.opened)" }
        row("connections reused") { "\($0.pool.reused)" }
        row("closed") { r in
            r.pool.closedByReason.isEmpty
                ? "0" : r.pool.closedByReason.sorted { $0.value > $1.value }.map { "\($0.key) \($0.value)" }
                    .joined(separator: ", ")
        }
        row("PoolTimeouts") { "\($0.pool.poolTimeouts)" }
        row("429s / retries") { "\($0.rateLimited) / \($0.retries)" }
        row("peak connections") { "\($0.peakConnections)" }
        row("peak queue") { "\($0.peakQueued)" }
        row("wall time") { format($0.wallSeconds) + " s" }
        let nameWidth = rows.map(\.0.count).max() ?? 0
        var widths = Array(repeating: 0, count: results.count)
        for (_, values) in rows { for (i, v) in values.enumerated() { widths[i] = max(widths[i], v.count) } }
        return rows.map { name, values in
            pad(name, nameWidth) + "  "
                + values.enumerated().map { i, v in pad(v, widths[i]) }.joined(separator: "   ")
        }.map { String($0.reversed().drop(while: { $0 == " " }).reversed()) }.joined(separator: "\n")
    }

    /// One row per run of a `--sweep`, so the knee shows.
    public static func sweep(_ results: [(value: Int, result: SimulationResult)], knob: String) -> String {
        // `failed` and `429s` beside the speed: past a server's limit the fast rows are fast because they fail.
        let header = [knob, "throughput", "failed", "429s", "p50 ms", "p99 ms", "wait p99 ms", "opened", "timeouts",
            "peak queue"]
        var lines = [header]
        for (value, r) in results {
            lines.append([
                "\(value)", format(r.throughput), "\(r.failedTotal)", "\(r.rateLimited)",
                format(r.latency.seconds(atPercentile: 50) * 1000), format(r.latency.seconds(atPercentile: 99) * 1000),
                format(r.poolWait.seconds(atPercentile: 99) * 1000), "\(r.pool.opened)", "\(r.pool.poolTimeouts)",
                "\(r.peakQueued)",
            ])
        }
        let widths = header.indices.map { i in lines.map { $0[i].count }.max() ?? 0 }
        return lines.map { line in line.enumerated().map { pad($1, widths[$0], right: true) }.joined(separator: "  ") }
            .joined(separator: "\n")
    }

    /// Queue length and open connections over time, one sparkline each.
    public static func chart(_ result: SimulationResult) -> String {
        let levels = result.timeline.levels(until: result.simulatedSeconds)
        let bars = Array("▁▂▃▄▅▆▇█")
        func line(_ values: [Int]) -> String {
            let top = max(1, values.max() ?? 1)
            return String(values.map { $0 == 0 ? " " : bars[min(7, ($0 * 8 - 1) / top)] })
        }
        let width = format(result.simulatedSeconds) + " s"
        var text = """
            queue        │\(line(levels.map(\.queued)))│ peak \(levels.map(\.queued).max() ?? 0)
            connections  │\(line(levels.map(\.connections)))│ peak \(levels.map(\.connections).max() ?? 0)
            """
        if result.phases.count > 1 {
            // Each phase's number at the column where it starts.
            var marks = Array(repeating: Character(" "), count: levels.count)
            for (number, phase) in result.phases.enumerated() {
                let column = min(levels.count - 1, Int(phase.start / result.timeline.bucketWidth))
                marks[column] = number < 9 ? Character(String(number + 1)) : "+"
            }
            let legend = result.phases.enumerated().map { "\($0.offset + 1) \($0.element.name)" }.joined(separator: ", ")
            text += "\nphases       │\(String(marks))│ \(legend)"
        }
        return text + "\n             0 s\(String(repeating: " ", count: max(1, levels.count - 2 - width.count)))\(width)"
    }

    /// One row per phase of the run's scenario: what happened while it was in force.
    public static func phases(_ result: SimulationResult) -> String {
        let header = ["phase", "from s", "to s", "attempts", "errors", "429s", "retries", "opened", "ended", "failed",
            "ok/s", "p99 ms"]
        var lines = [header]
        for p in result.phases {
            lines.append([
                p.name, format(p.start), format(p.end), "\(p.attempts)", "\(p.errors)", "\(p.rateLimited)",
                "\(p.retries)", "\(p.opened)", "\(p.callsEnded)", "\(p.callsFailed)", format(p.throughput),
                format(p.latency.seconds(atPercentile: 99) * 1000),
            ])
        }
        let widths = header.indices.map { i in lines.map { $0[i].count }.max() ?? 0 }
        return lines.map { line in
            line.enumerated().map { $0 == 0 ? pad($1, widths[0]) : pad($1, widths[$0], right: true) }
                .joined(separator: "  ")
        }.joined(separator: "\n")
    }

    /// One JSON object with the run's figures (the fields `--json` promises).
    public static func json(_ r: SimulationResult) -> String {
        func object(_ pairs: [(String, String)]) -> String {
            "{" + pairs.map { "\"\($0.0)\": \($0.1)" }.joined(separator: ", ") + "}"
        }
        func counts(_ map: [String: Int]) -> String {
            object(map.sorted { $0.key < $1.key }.map { ($0.key, "\($0.value)") })
        }
        func stats(_ s: DurationStatistics) -> String {
            object(s.summaryMilliseconds.map { ($0.name, number($0.value)) })
        }
        let closed = Dictionary(uniqueKeysWithValues: r.pool.closedByReason.map { ("\($0.key)".replacing(" ", with: "_"), $0.value) })
        return object([
            ("library", "\"\(r.configuration.libraryName)\""),
            ("requests", "\(r.requests)"), ("completed", "\(r.completed)"), ("failed", counts(r.failed)),
            ("attempts", "\(r.attempts)"), ("retries", "\(r.retries)"), ("rate_limited", "\(r.rateLimited)"),
            ("connections_opened", "\(r.pool.opened)"), ("connections_reused", "\(r.pool.reused)"),
            ("closed", counts(closed)), ("pool_timeouts", "\(r.pool.poolTimeouts)"), ("requeues", "\(r.pool.requeues)"),
            ("waits", "\(r.pool.waits)"),
            ("simulated_seconds", number(r.simulatedSeconds)), ("throughput_rps", number(r.throughput)),
            ("latency_ms", stats(r.latency)), ("pool_wait_ms", stats(r.poolWait)),
            ("peak_connections", "\(r.peakConnections)"), ("peak_queued", "\(r.peakQueued)"),
            ("events", "\(r.events)"), ("wall_seconds", number(r.wallSeconds)),
        ] + scenarioFields(r))
    }

    /// `scenario` (its name) and `phases` (one object per phase reached), only for a run with a scenario.
    static func scenarioFields(_ r: SimulationResult) -> [(String, String)] {
        guard let scenario = r.configuration.scenario else { return [] }
        func object(_ pairs: [(String, String)]) -> String {
            "{" + pairs.map { "\"\($0.0)\": \($0.1)" }.joined(separator: ", ") + "}"
        }
        let phases = r.phases.map { p in
            object([
                ("name", string(p.name)), ("start_seconds", number(p.start)), ("end_seconds", number(p.end)),
                ("attempts", "\(p.attempts)"), ("errors", "\(p.errors)"), ("rate_limited", "\(p.rateLimited)"),
                ("retries", "\(p.retries)"), ("connections_opened", "\(p.opened)"), ("calls_ended", "\(p.callsEnded)"),
                ("calls_failed", "\(p.callsFailed)"), ("throughput_rps", number(p.throughput)),
                ("latency_ms", object(p.latency.summaryMilliseconds.map { ($0.name, number($0.value)) })),
            ])
        }
        return [("scenario", string(scenario.name)), ("phases", "[" + phases.joined(separator: ", ") + "]")]
    }

    /// A JSON string literal.
    static func string(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    /// A JSON number: at most six decimals, no exponent.
    static func number(_ value: Double) -> String {
        guard value.isFinite else { return "null" }
        let scaled = (value * 1e6).rounded()
        if scaled == scaled.rounded(), abs(scaled) < 9e15 {
            let whole = Int(scaled)
            let sign = whole < 0 ? "-" : ""
            let magnitude = abs(whole)
            let fraction = String(magnitude % 1_000_000)
            let padded = String(repeating: "0", count: 6 - fraction.count) + fraction
            let trimmed = String(padded.reversed().drop(while: { $0 == "0" }).reversed())
            return sign + "\(magnitude / 1_000_000)" + (trimmed.isEmpty ? "" : "." + trimmed)
        }
        return "\(value)"
    }

    /// Three significant figures for tables (`0.403`, `12.5`, `4210`).
    static func format(_ value: Double) -> String {
        guard value.isFinite else { return "–" }
        if value == 0 { return "0" }
        if abs(value) >= 100 { return String(Int(value.rounded())) }
        let digits = abs(value) >= 10 ? 1 : abs(value) >= 1 ? 2 : 3
        let scale = [1.0, 10, 100, 1000][digits]
        return number((value * scale).rounded() / scale)
    }

    static func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
        let fill = String(repeating: " ", count: max(0, width - text.count))
        return right ? fill + text : text + fill
    }
}
