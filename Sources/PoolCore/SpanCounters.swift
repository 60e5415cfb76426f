/// What happened in one pool during a span — a statement, a lesson step, a simulated run — in the one vocabulary
/// that the pool panel, lesson checks, `%why` and the simulator all read.
///
/// Counts are differences of two ``PoolCounters`` readings; `peakActive` and `peakQueued` are high-water marks
/// (the later reading's, which ``PoolStateMachine/markSpan()`` reset at the span's start). Spans add up with
/// ``merge(_:)``: counts are summed, peaks take the larger value.
public struct SpanCounters: Sendable, Equatable {
    /// Connections opened (TCP dials, including failed ones).
    public var opened = 0
    /// Requests that started on a connection that had served a request before.
    public var reused = 0
    /// Connections closed, by reason; reasons that did not happen are absent.
    public var closedByReason: [CloseReason: Int] = [:]
    /// The most requests in flight at once (started on a connection).
    public var peakActive = 0
    /// The most requests queued at once.
    public var peakQueued = 0
    /// Requests that had to wait in the queue for a connection.
    public var waits = 0
    /// Requests that ended with `PoolTimeout`.
    public var poolTimeouts = 0
    /// `ConnectionNotAvailable` re-queues (httpcore 1.0.9).
    public var requeues = 0
    /// Requests read to the end.
    public var completed = 0
    /// Requests that failed with an error other than `PoolTimeout`.
    public var failed = 0
    /// Failed connect attempts that were retried.
    public var connectRetries = 0

    public init() {}

    /// The span between two readings of one pool (`before` may be `nil` for a pool created during the span).
    public init(from before: PoolCounters?, to after: PoolCounters) {
        let before = before ?? PoolCounters()
        opened = after.opened - before.opened
        reused = after.reused - before.reused
        for (reason, count) in after.closedByReason {
            let delta = count - before.closed(reason)
            if delta > 0 { closedByReason[reason] = delta }
        }
        peakActive = after.peakActive
        peakQueued = after.peakQueued
        waits = after.waits - before.waits
        poolTimeouts = after.poolTimeouts - before.poolTimeouts
        requeues = after.requeues - before.requeues
        completed = after.completed - before.completed
        failed = after.failed - before.failed
        connectRetries = after.connectRetries - before.connectRetries
    }

    /// Connections closed, for any reason.
    public var closed: Int { closedByReason.values.reduce(0, +) }
    /// Connections closed for `reason`.
    public func closed(_ reason: CloseReason) -> Int { closedByReason[reason] ?? 0 }
    /// Requests that finished, whatever the outcome.
    public var finished: Int { completed + poolTimeouts + failed }

    /// Adds a later span of the same pool (or of another pool, for totals over pools).
    public mutating func merge(_ other: SpanCounters) {
        opened += other.opened
        reused += other.reused
        closedByReason.merge(other.closedByReason, uniquingKeysWith: +)
        peakActive = max(peakActive, other.peakActive)
        peakQueued = max(peakQueued, other.peakQueued)
        waits += other.waits
        poolTimeouts += other.poolTimeouts
        requeues += other.requeues
        completed += other.completed
        failed += other.failed
        connectRetries += other.connectRetries
    }

    /// The counter names, as lesson checks and `--json` spell them, with their values.
    public var named: [(name: String, value: Int)] {
        [
            ("opened", opened), ("reused", reused), ("closed", closed), ("peak_active", peakActive),
            ("peak_queued", peakQueued), ("waits", waits), ("pool_timeouts", poolTimeouts), ("requeues", requeues),
            ("completed", completed), ("failed", failed),
        ]
    }
}

extension SpanCounters {
    /// The counts of a span read back from an event log (entries after `since`; all when nil). Peaks are not in a
    /// log and stay 0.
    public init(entries: [PoolLogEntry], since: Double?) {
        self.init()
        var served: Set<Int> = []
        for entry in entries {
            let inSpan = since.map { entry.time > $0 } ?? true
            switch entry.event {
            case .connectionCreated:
                if inSpan { opened += 1 }
            case .requestStarted(_, let connection):
                if inSpan, served.contains(connection) { reused += 1 }
                served.insert(connection)
            case .requestRequeued:
                if inSpan { requeues += 1 }
            case .responseCompleted:
                if inSpan { completed += 1 }
            case .requestFailed(_, let error):
                if inSpan { if error == .poolTimeout { poolTimeouts += 1 } else { failed += 1 } }
            case .connectionClosed(_, let reason):
                if inSpan { closedByReason[reason, default: 0] += 1 }
            case .connectAttemptFailed(_, _, _, let delay):
                if inSpan, delay != nil { connectRetries += 1 }
            case .requestStranded:
                if inSpan { failed += 1 }
            case .requestArrived, .requestAssigned, .connectionEstablished, .connectionLeftNew, .poolClosed:
                break
            }
        }
    }
}
