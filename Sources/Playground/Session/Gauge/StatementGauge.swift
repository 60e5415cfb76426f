import PoolCore
import PythonModels
import TerminalUI

/// The live gauge of a statement that runs longer than ``delay``: about ten frames a second of
/// ``GaugeView``, drawn through a ``LiveLineOutput`` and erased when the statement ends, before the pool panel.
///
/// It only reads pool snapshots from the ``EngineRegistry`` (thread-safe, under each pool's lock); it never runs
/// anything on the session's interpreter, so it cannot change what a pool decides.
struct StatementGauge {
    static let delay: Duration = .milliseconds(300)
    static let frameInterval: Duration = .milliseconds(100)

    /// Counts at the statement's start, so the gauge shows only what the statement did.
    struct Baseline: Sendable {
        var finished: [Int]
        var inPool: [Int]

        init(_ snapshots: [PoolSnapshot]) {
            finished = snapshots.map { Self.finished($0) }
            inPool = snapshots.map { $0.activeRequests + $0.queuedRequests }
        }

        static func finished(_ snapshot: PoolSnapshot) -> Int {
            snapshot.counters.completed + snapshot.counters.failed + snapshot.counters.poolTimeouts
        }
    }

    /// What the gauge shows, from the snapshots now against the statement's baseline (pools made since count from 0).
    static func reading(_ snapshots: [PoolSnapshot], baseline: Baseline, elapsed: Double) -> GaugeReading {
        var done = 0
        var inPoolChange = 0
        var reading = GaugeReading(
            done: 0, started: 0, activeRequests: 0, queuedRequests: 0, openConnections: 0, idleConnections: 0,
            elapsed: elapsed)
        for (index, snapshot) in snapshots.enumerated() {
            let finishedBefore = index < baseline.finished.count ? baseline.finished[index] : 0
            let inPoolBefore = index < baseline.inPool.count ? baseline.inPool[index] : 0
            done += Baseline.finished(snapshot) - finishedBefore
            inPoolChange += snapshot.activeRequests + snapshot.queuedRequests - inPoolBefore
            reading.activeRequests += snapshot.activeRequests
            reading.queuedRequests += snapshot.queuedRequests
            reading.openConnections += snapshot.connections.count
            reading.idleConnections += snapshot.idleConnections
        }
        reading.done = done
        reading.started = max(done + inPoolChange, done)
        return reading
    }

    /// Starts watching; cancel the task (then ``LiveLineOutput/eraseLive()``) when the statement ends.
    static func start(
        engines: EngineRegistry, output: any LiveLineOutput, color: Bool, width: @escaping @Sendable () -> Int
    ) -> Task<Void, Never> {
        let baseline = Baseline(engines.snapshots())
        let clock = ContinuousClock()
        let start = clock.now
        return Task.detached {
            do {
                try await Task.sleep(for: delay)
                while !Task.isCancelled {
                    let elapsed = start.duration(to: clock.now)
                    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
                    let view = GaugeView.render(
                        reading(engines.snapshots(), baseline: baseline, elapsed: seconds), width: width())
                    output.showLive(decorator(color).render(view))
                    try await Task.sleep(for: frameInterval)
                }
            } catch {}
        }
    }
}
