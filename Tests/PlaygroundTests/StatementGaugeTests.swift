import PoolCore
import Testing

@testable import Playground

/// The gauge's numbers from snapshots: only what the statement did, pools made during it counting from zero.
@Suite struct StatementGaugeTests {
    static func snapshot(active: Int, queued: Int, completed: Int, idle: Int = 0) -> PoolSnapshot {
        var counters = PoolCounters()
        counters.completed = completed
        let connections = (0..<idle).map {
            ConnectionSnapshot(
                id: $0 + 1, origin: Origin(scheme: "http", host: "127.0.0.1", port: 1), state: .idle, requestCount: 1)
        }
        return PoolSnapshot(activeRequests: active, queuedRequests: queued, connections: connections, counters: counters)
    }

    @Test func countsTheStatementsRequestsOnly() {
        let baseline = StatementGauge.Baseline([Self.snapshot(active: 0, queued: 0, completed: 40, idle: 2)])
        let now = [Self.snapshot(active: 5, queued: 3, completed: 52), Self.snapshot(active: 1, queued: 0, completed: 0)]
        let reading = StatementGauge.reading(now, baseline: baseline, elapsed: 1.5)
        #expect(reading.done == 12)
        #expect(reading.started == 21)
        #expect(reading.activeRequests == 6)
        #expect(reading.queuedRequests == 3)
    }
}
