/// Running totals since the pool was created, for teaching views ("opened 20 · reused 0 · closed 18").
///
/// The totals only grow, so what happened during a span (a statement, a lesson step, a simulated run) is the
/// difference of two readings: ``SpanCounters/init(from:to:)``. The two high-water marks are the exception: they
/// are the peaks since the last ``PoolStateMachine/markSpan()``.
public struct PoolCounters: Sendable, Equatable {
    /// Connections the pool created (each a TCP dial), including ones whose connect then failed.
    public var opened: Int = 0
    /// Requests that started on a connection which had served a request before.
    public var reused: Int = 0
    /// Connections removed from the pool, for any reason.
    public var closed: Int = 0
    /// `closed`, split by reason. Reasons never seen are absent.
    public var closedByReason: [CloseReason: Int] = [:]
    /// `ConnectionNotAvailable` re-queues (httpcore 1.0.9's double assignment of one idle connection).
    public var requeues: Int = 0
    /// Failed TCP connect attempts that were retried (`HTTPTransport(retries=N)`); the final failure is not counted.
    public var connectRetries: Int = 0
    /// Requests that ended with `PoolTimeout`.
    public var poolTimeouts: Int = 0
    /// Requests whose response was read to the end.
    public var completed: Int = 0
    /// Requests that ended with any error other than `PoolTimeout` (connect errors, transport errors, cancellation,
    /// pool closed).
    public var failed: Int = 0
    /// Requests that had to wait in the queue: still queued after the pass their arrival ran (or after a re-queue).
    public var waits: Int = 0
    /// The most requests started on connections at once (in flight) since the last span mark.
    public var peakActive: Int = 0
    /// The most requests queued at once since the last span mark.
    public var peakQueued: Int = 0

    public init() {}

    /// How many connections were closed for `reason`.
    public func closed(_ reason: CloseReason) -> Int { closedByReason[reason] ?? 0 }

    mutating func recordClose(_ reason: CloseReason) {
        closed += 1
        closedByReason[reason, default: 0] += 1
    }
}
