/// The injected clock, reduced to what the pool needs: seconds since the pool started, and sleeping until such a
/// time. PoolCore's machine counts time in `Double` seconds, like Python's `time.monotonic()`.
struct ConnectionPoolClock: Sendable {
    /// Seconds since the pool was created.
    let now: @Sendable () -> Double
    /// Sleeps until the given number of seconds since the pool was created. Throws when the task is cancelled.
    let sleepUntil: @Sendable (Double) async throws -> Void

    init<C: Clock>(_ clock: C) where C.Duration == Duration {
        let start = clock.now
        now = { ConnectionPoolClock.seconds(start.duration(to: clock.now)) }
        sleepUntil = { deadline in
            try await clock.sleep(until: start.advanced(by: .seconds(deadline)), tolerance: nil)
        }
    }

    static func seconds(_ duration: Duration) -> Double {
        let (seconds, attoseconds) = duration.components
        return Double(seconds) + Double(attoseconds) * 1e-18
    }
}
