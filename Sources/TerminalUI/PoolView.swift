import PoolCore

/// The short panel drawn after a statement that touched a pool: who the pool belongs to, the httpcore repr's
/// counts, and what changed during the statement.
///
///      pool  http_client · httpcore 1.0.9 · max_connections=10, max_keepalive_connections=5
///            Requests: 0 active, 0 queued | Connections: 0 active, 5 idle
///            +20 requests · opened 20 · reused 0 · closed 15 (keep-alive limit 15)
public struct PoolView: Sendable {
    /// The pool's name in the session (`client._client`), or its class.
    public var title: String
    /// The library whose rules the pool runs: `httpcore 1.0.9` or `httpcore2 2.16.2`.
    public var library: String
    /// `max_connections=10, max_keepalive_connections=5` as the pool holds them.
    public var limits: String
    public var snapshot: PoolSnapshot
    /// The snapshot before the statement; nil for a pool the statement created.
    public var previous: PoolSnapshot?
    /// The terminal's width: below ``narrowWidth`` the header's second part (library, limits) gets a line of its
    /// own, and long lines wrap under their text. `nil` (piped): one header line, nothing wrapped.
    public var width: Int?

    /// Narrower than this, the header drops its second column onto a line of its own.
    public static let narrowWidth = 70

    public init(
        title: String, library: String, limits: String, snapshot: PoolSnapshot, previous: PoolSnapshot?,
        width: Int? = nil
    ) {
        self.title = title
        self.library = library
        self.limits = limits
        self.snapshot = snapshot
        self.previous = previous
        self.width = width
    }

    public func render() -> StyledText {
        let indent = "       "
        var text = StyledText()
        text.append(" pool ", style: [.bold, .cyan])
        text.append(" \(title)", style: .bold)
        if let width, width < Self.narrowWidth {
            text.append("\n")
            text.append(indent)
            text.append("\(library) · \(limits)\n", style: .dim)
        } else {
            text.append(" · \(library) · \(limits)\n", style: .dim)
        }
        text.append(indent)
        text.append("Requests: ")
        text.append("\(snapshot.activeRequests) active", style: snapshot.activeRequests > 0 ? .yellow : .plain)
        text.append(", ")
        text.append("\(snapshot.queuedRequests) queued", style: snapshot.queuedRequests > 0 ? [.yellow, .bold] : .plain)
        text.append(" | Connections: ")
        text.append("\(snapshot.activeConnections) active", style: snapshot.activeConnections > 0 ? .yellow : .plain)
        text.append(", ")
        text.append("\(snapshot.idleConnections) idle", style: snapshot.idleConnections > 0 ? .green : .plain)
        text.append("\n")
        text.append(indent)
        text.append(changes(), style: .dim)
        text.append("\n")
        return WidthFit.fit(text, width: width)
    }

    /// What happened between `previous` and `snapshot`, as counts.
    func changes() -> String {
        let span = SpanCounters(from: previous?.counters, to: snapshot.counters)
        if previous == nil, span.finished == 0, span.opened == 0, snapshot.connections.isEmpty,
            snapshot.activeRequests + snapshot.queuedRequests == 0
        {
            return "new pool, no connections yet"
        }
        var parts: [String] = []
        parts.append("+\(span.finished) request\(span.finished == 1 ? "" : "s")")
        parts.append("opened \(span.opened)")
        parts.append("reused \(span.reused)")
        var closedText = "closed \(span.closed)"
        if span.closed > 0 {
            let reasons = CloseReason.allCases.compactMap { reason -> String? in
                let count = span.closed(reason)
                return count > 0 ? "\(reason) \(count)" : nil
            }
            closedText += " (" + reasons.joined(separator: ", ") + ")"
        }
        parts.append(closedText)
        if span.poolTimeouts > 0 { parts.append("PoolTimeout \(span.poolTimeouts)") }
        // No re-queue count: httpcore 1.0.9's ConnectionNotAvailable churn depends on how its tasks interleave at
        // each lock and event (CPython: 63-69 for 20 requests on Limits(5, 5)), which the engine does not replay.
        if span.failed > 0 { parts.append("failed \(span.failed)") }
        if span.peakQueued > 0 { parts.append("peak \(span.peakActive) active, \(span.peakQueued) queued") }
        return parts.joined(separator: " · ")
    }
}
