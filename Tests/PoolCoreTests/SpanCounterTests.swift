import Testing

@testable import PoolCore

/// The span vocabulary: peaks, waits and differences, for both algorithms, event by event.
@Suite struct SpanCounterTests {
    static let origin = Origin(scheme: "http", host: "127.0.0.1", port: 8000)

    func machine(_ algorithm: PoolAlgorithm, max: Int) -> PoolStateMachine {
        PoolStateMachine(
            configuration: PoolConfiguration(
                maxConnections: max, maxKeepaliveConnections: max, keepaliveExpiry: 5, algorithm: algorithm))
    }

    @Test(arguments: [PoolAlgorithm.httpcore1, .httpcore2])
    func burstOverTwoConnectionsQueuesTheRest(_ algorithm: PoolAlgorithm) {
        var pool = machine(algorithm, max: 2)
        for id in 1...5 { _ = pool.requestArrived(id, origin: Self.origin, poolTimeout: nil, now: 0) }
        let counters = pool.snapshot.counters
        #expect(counters.opened == 2)
        #expect(counters.peakActive == 2)
        #expect(counters.peakQueued == 3)
        #expect(counters.waits == 3)
        #expect(pool.snapshot.queuedRequests == 3)
    }

    @Test func markSpanRestartsThePeaksFromThePresentLevels() {
        var pool = machine(.httpcore2, max: 1)
        for id in 1...4 { _ = pool.requestArrived(id, origin: Self.origin, poolTimeout: 5, now: 0) }
        let before = pool.snapshot.counters
        #expect(before.peakQueued == 3)
        _ = pool.connectionEstablished(1, localPort: 5000, now: 0.01)
        _ = pool.responseCompleted(1, keepAlive: true, now: 0.2)
        _ = pool.startAttempted(2, now: 0.2)
        pool.markSpan()
        #expect(pool.snapshot.counters.peakQueued == 2)
        #expect(pool.snapshot.counters.peakActive == 1)
        let span = SpanCounters(from: before, to: pool.snapshot.counters)
        #expect(span.completed == 1)
        #expect(span.opened == 0)
        #expect(span.reused == 1)  // request 2 started on the idle connection
        #expect(span.waits == 0)
        #expect(span.peakQueued == 2)
    }

    @Test func spansMergeBySumAndPeaksByMax() {
        var a = SpanCounters()
        a.opened = 3
        a.peakQueued = 7
        a.closedByReason = [.keepAliveLimit: 2]
        var b = SpanCounters()
        b.opened = 1
        b.peakQueued = 4
        b.peakActive = 9
        b.closedByReason = [.keepAliveLimit: 1, .expired: 1]
        a.merge(b)
        #expect(a.opened == 4)
        #expect(a.peakQueued == 7)
        #expect(a.peakActive == 9)
        #expect(a.closed == 4)
        #expect(a.closed(.keepAliveLimit) == 3)
        #expect(a.named.first { $0.name == "peak_active" }?.value == 9)
    }
}

@Suite struct PeakActiveTests {
    /// httpcore 1.0.9 assigns the one idle connection to all 19 queued requests in one pass; only one starts.
    @Test func peakActiveCountsRequestsInFlightNotAssignments() {
        let configuration = PoolConfiguration(
            maxConnections: 1, maxKeepaliveConnections: 1, keepaliveExpiry: 5, algorithm: .httpcore1)
        let machine = PoolReplay.drive(
            PoolReplay.burst(20, serviceTime: 0.1), configuration: configuration, poolTimeout: nil, end: 100)
        #expect(machine.snapshot.counters.peakActive == 1)
        #expect(machine.snapshot.counters.peakQueued == 19)
        #expect(machine.snapshot.counters.requeues > 0)
    }
}
