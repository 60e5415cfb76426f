/// What the live gauge shows about a statement that is still running.
public struct GaugeReading: Sendable, Equatable {
    /// Requests the statement started that have finished (any outcome).
    public var done: Int
    /// Requests the statement has started so far.
    public var started: Int
    public var activeRequests: Int
    public var queuedRequests: Int
    public var openConnections: Int
    public var idleConnections: Int
    /// Seconds since the statement started.
    public var elapsed: Double

    public init(
        done: Int, started: Int, activeRequests: Int, queuedRequests: Int, openConnections: Int, idleConnections: Int,
        elapsed: Double
    ) {
        self.done = done
        self.started = started
        self.activeRequests = activeRequests
        self.queuedRequests = queuedRequests
        self.openConnections = openConnections
        self.idleConnections = idleConnections
        self.elapsed = elapsed
    }
}

/// The one-line gauge drawn in place while a long statement runs:
/// `⏵ 12/20 done · 5 active, 3 queued · 5 open, 0 idle · 2.4s`.
///
/// It never wraps: parts are dropped from the right until it fits in `width - 1` columns, so the terminal never
/// scrolls and `\r` always returns to its start.
public enum GaugeView {
    public static func render(_ reading: GaugeReading, width: Int) -> StyledText {
        var parts: [StyledText] = []
        var progress = StyledText("⏵ ", style: .cyan)
        progress.append("\(reading.done)/\(reading.started)", style: .bold)
        progress.append(" done")
        parts.append(progress)
        var requests = StyledText()
        requests.append("\(reading.activeRequests) active", style: reading.activeRequests > 0 ? .yellow : .plain)
        requests.append(", ")
        requests.append("\(reading.queuedRequests) queued", style: reading.queuedRequests > 0 ? [.yellow, .bold] : .plain)
        parts.append(requests)
        var connections = StyledText()
        connections.append("\(reading.openConnections) open")
        connections.append(", ")
        connections.append("\(reading.idleConnections) idle", style: reading.idleConnections > 0 ? .green : .plain)
        parts.append(connections)
        parts.append(StyledText(formatElapsed(reading.elapsed), style: .dim))
        let limit = max(width - 1, 1)
        while parts.count > 1, visibleWidth(parts.joined(separator: " · ").plainText) > limit {
            parts.remove(at: parts.count - 2)
        }
        return parts.joined(separator: " · ")
    }

    /// `0.4s`, `12.0s`, `2m05s`.
    static func formatElapsed(_ seconds: Double) -> String {
        if seconds < 60 {
            let tenths = Int((seconds * 10).rounded(.down))
            return "\(tenths / 10).\(tenths % 10)s"
        }
        let whole = Int(seconds)
        let rest = whole % 60
        return "\(whole / 60)m\(rest < 10 ? "0" : "")\(rest)s"
    }
}
