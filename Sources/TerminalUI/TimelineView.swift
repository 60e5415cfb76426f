import PoolCore

/// The pool's recent history as lanes, one per connection, plus the queue length — what `%timeline` draws:
///
///      timeline  client._client · 0.62 s · 1 column = 13 ms
///      conn 1  ▒██████████████········                     2 requests · idle
///      conn 2  ▒██████  ▒█████████                          1 request  · closed (keep-alive limit)
///      queued  3333222211110
///              █ request running  ▒ connecting  · idle
///
/// Each column covers an equal slice of time and shows the busiest state the connection was in during that slice
/// (running over connecting over idle), so a request shorter than a column still shows. Built from
/// ``PoolLogEntry`` values only, so it is exactly what the pool decided, in the order it decided it.
public struct TimelineView: Sendable {
    /// The pool's name in the session.
    public var title: String
    /// The log entries to draw, oldest first.
    public var entries: [PoolLogEntry]
    /// Columns for the lanes (at least 8).
    public var width: Int
    /// Lanes drawn before the rest are summarised in one line.
    public var maxLanes: Int

    public init(title: String, entries: [PoolLogEntry], width: Int = 48, maxLanes: Int = 24) {
        self.title = title
        self.entries = entries
        self.width = max(8, width)
        self.maxLanes = max(1, maxLanes)
    }

    /// A connection's state over time; ordered so that a higher value wins a column.
    enum LaneState: Int, Comparable {
        case absent = 0, idle, connecting, running

        static func < (a: LaneState, b: LaneState) -> Bool { a.rawValue < b.rawValue }

        var glyph: Character {
            switch self {
            case .absent: " "
            case .idle: "·"
            case .connecting: "▒"
            case .running: "█"
            }
        }
    }

    /// One connection's story: its state changes, requests served, and how it ended.
    struct Lane {
        var changes: [(time: Double, state: LaneState)] = []
        var requests = 0
        /// Failed connect attempts that `retries=` tried again (or gave up after).
        var failedConnects = 0
        var closeReason: CloseReason?
        var endState: LaneState = .absent
    }

    public func render() -> StyledText {
        var text = StyledText()
        guard let first = entries.first, let last = entries.last else {
            text.append(" timeline ", style: [.bold, .cyan])
            text.append(" \(title) · nothing happened yet\n", style: .dim)
            return text
        }
        let (lanes, queue) = replay()
        let span = max(last.time - first.time, 1e-6)
        let column = span / Double(width)
        text.append(" timeline ", style: [.bold, .cyan])
        text.append(" \(title)", style: .bold)
        text.append(" · \(Self.format(seconds: span)) · 1 column = \(Self.format(seconds: column))\n", style: .dim)
        let ids = lanes.keys.sorted()
        let labelWidth = max(7, ids.map { "conn \($0)".count }.max() ?? 0)
        for id in ids.prefix(maxLanes) {
            let lane = lanes[id]!
            let label = "conn \(id)"
            text.append(" " + label + String(repeating: " ", count: labelWidth - label.count) + "  ")
            text.append(cells(lane.changes, from: first.time, column: column), style: .yellow)
            text.append("  " + summary(lane) + "\n", style: .dim)
        }
        if ids.count > maxLanes {
            text.append(" … \(ids.count - maxLanes) more connections\n", style: .dim)
        }
        let label = "queued"
        text.append(" " + label + String(repeating: " ", count: labelWidth - label.count) + "  ")
        text.append(queueCells(queue, from: first.time, column: column) + "\n", style: .cyan)
        text.append(String(repeating: " ", count: labelWidth + 3))
        text.append("█ request running  ▒ connecting  · idle  (queued: requests waiting, + for 10 or more)\n", style: .dim)
        return text
    }

    /// Replays the log: every connection's state changes, and the queue length after each event.
    func replay() -> (lanes: [Int: Lane], queue: [(time: Double, count: Int)]) {
        var lanes: [Int: Lane] = [:]
        var queued: Set<Int> = []
        var queue: [(time: Double, count: Int)] = []
        func set(_ connection: Int, _ state: LaneState, at time: Double) {
            lanes[connection, default: Lane()].changes.append((time, state))
            lanes[connection]!.endState = state
        }
        for entry in entries {
            let t = entry.time
            switch entry.event {
            case .requestArrived(let request, _):
                queued.insert(request)
            case .connectionCreated(let connection, _, let request):
                queued.remove(request)
                set(connection, .connecting, at: t)
            case .requestAssigned(let request, _):
                queued.remove(request)
            case .requestStarted(let request, let connection):
                queued.remove(request)
                lanes[connection, default: Lane()].requests += 1
                set(connection, .running, at: t)
            case .connectAttemptFailed(let connection, _, _, _):
                if let connection { lanes[connection, default: Lane()].failedConnects += 1 }
            case .connectionEstablished:
                break  // the owning request's `requestStarted` follows at the same instant
            case .connectionLeftNew(let connection, _):
                set(connection, .idle, at: t)  // connected, never used: drawn like a connection that waits
            case .requestStranded(let request, _, _):
                queued.remove(request)
            case .requestRequeued(let request, _):
                queued.insert(request)
            case .responseCompleted(_, let connection, let keepAlive):
                if keepAlive { set(connection, .idle, at: t) }
            case .requestFailed(let request, _):
                queued.remove(request)
            case .connectionClosed(let connection, let reason):
                lanes[connection, default: Lane()].closeReason = reason
                set(connection, .absent, at: t)
            case .poolClosed:
                break
            }
            // Events at one instant count once: a request that arrives and gets a connection together never queued.
            if let previous = queue.last, previous.time == t {
                queue[queue.count - 1].count = queued.count
            } else if queue.last?.count != queued.count {
                queue.append((t, queued.count))
            }
        }
        return (lanes, queue)
    }

    /// The busiest state in each column.
    func cells(_ changes: [(time: Double, state: LaneState)], from start: Double, column: Double) -> String {
        String(peaks(changes, initial: .absent, from: start, column: column).map(\.glyph))
    }

    /// The longest queue in each column: blank for none, 1–9, `+` for 10 or more.
    func queueCells(_ queue: [(time: Double, count: Int)], from start: Double, column: Double) -> String {
        let longest: [Int] = peaks(queue.map { ($0.time, $0.count) }, initial: 0, from: start, column: column)
        return String(longest.map { (n: Int) -> Character in n == 0 ? " " : n > 9 ? "+" : Character(String(n)) })
    }

    /// For each of the ``width`` columns, the largest value a step function held during that column's slice of
    /// time: its value at the column's start, or any value it changed to before the column ended.
    func peaks<Value: Comparable>(
        _ changes: [(time: Double, state: Value)], initial: Value, from start: Double, column: Double
    ) -> [Value] {
        var result: [Value] = []
        var index = 0
        var current = initial
        for c in 0..<width {
            let end = c == width - 1 ? Double.infinity : start + Double(c + 1) * column
            var peak = current
            while index < changes.count, changes[index].time < end {
                current = changes[index].state
                peak = max(peak, current)
                index += 1
            }
            result.append(peak)
        }
        return result
    }

    func summary(_ lane: Lane) -> String {
        var requests = "\(lane.requests) request\(lane.requests == 1 ? "" : "s")"
        if lane.failedConnects > 0 {
            requests += " · \(lane.failedConnects) failed connect\(lane.failedConnects == 1 ? "" : "s")"
        }
        if let reason = lane.closeReason, lane.endState == .absent { return "\(requests) · closed (\(reason))" }
        switch lane.endState {
        case .absent: return requests
        case .idle: return "\(requests) · idle"
        case .connecting: return "\(requests) · connecting"
        case .running: return "\(requests) · running"
        }
    }

    /// `0.62 s`, `13 ms`, `250 µs`.
    static func format(seconds: Double) -> String {
        if seconds >= 1 { return "\(Double(Int((seconds * 100).rounded())) / 100) s" }
        if seconds >= 0.001 { return "\(Int((seconds * 1000).rounded())) ms" }
        return "\(Int((seconds * 1_000_000).rounded())) µs"
    }
}
