import Synchronization

/// The loop's timers (`loop.call_later`): `asyncio.sleep`, `wait_for` deadlines.
///
/// Each timer sleeps on the interpreter's clock in a Swift task of its own; waking only posts a nudge to the loop.
/// The nudge fires, at the loop's next poll, every timer whose deadline has passed by then, in deadline order and,
/// for equal deadlines, in the order they were scheduled — asyncio's timer heap (`base_events.py`, `_run_once`).
/// So timers never fire while a task runs, and which one fires first never depends on thread scheduling.
final class LoopTimers: Sendable {
    private struct Timer {
        let deadline: Double
        let callback: @Sendable () -> Void
        let sleeper: Task<Void, Never>?
    }

    private let scheduler: Scheduler
    private let clock: LoopClock
    private let timers = Mutex<[Int: Timer]>([:])
    private let nextID = Atomic<Int>(0)

    init(scheduler: Scheduler, clock: any Clock<Duration>) {
        self.scheduler = scheduler
        self.clock = LoopClock(clock)
    }

    /// Calls `callback` on the loop once `seconds` have passed on the clock; returns an id for ``cancel(_:)``.
    func schedule(after seconds: Double, _ callback: @escaping @Sendable () -> Void) -> Int {
        let id = nextID.add(1, ordering: .relaxed).newValue
        // NaN (a `wait_for(…, float('nan'))`) fires at once; the far future is capped where nanoseconds still fit.
        let deadline = clock.now() + (seconds.isNaN ? 0 : max(0, min(seconds, 9e9)))
        let clock = self.clock
        let sleeper = Task { [weak self] in
            guard (try? await clock.sleepUntil(deadline)) != nil else { return }
            self?.nudge(now: max(clock.now(), deadline))
        }
        timers.withLock { $0[id] = Timer(deadline: deadline, callback: callback, sleeper: sleeper) }
        return id
    }

    /// Forgets a timer that has not fired (`TimerHandle.cancel()`); no effect after it fired.
    func cancel(_ id: Int) {
        timers.withLock { $0.removeValue(forKey: id) }?.sleeper?.cancel()
    }

    /// A sleeper woke at `now`: fire every timer due by then, at the loop's next poll.
    private func nudge(now: Double) {
        scheduler.post { [weak self] in
            guard let self else { return }
            let due = timers.withLock { timers -> [(id: Int, timer: Timer)] in
                let due = timers.filter { $0.value.deadline <= now }.map { (id: $0.key, timer: $0.value) }
                for entry in due { timers[entry.id] = nil }
                return due.sorted { ($0.timer.deadline, $0.id) < ($1.timer.deadline, $1.id) }
            }
            for entry in due { entry.timer.callback() }
        }
    }
}

/// A clock reduced to what the loop needs: seconds since the loop began, and sleeping until such a time.
struct LoopClock: Sendable {
    let now: @Sendable () -> Double
    let sleepUntil: @Sendable (Double) async throws -> Void

    init<C: Clock>(_ clock: C) where C.Duration == Duration {
        let start = clock.now
        now = { LoopClock.seconds(start.duration(to: clock.now)) }
        sleepUntil = { deadline in
            let nanoseconds = deadline.isNaN ? 0 : Int64(max(0, min(deadline, 9e9)) * 1e9)
            try await clock.sleep(until: start.advanced(by: .nanoseconds(nanoseconds)), tolerance: nil)
        }
    }

    static func seconds(_ duration: Duration) -> Double {
        let (seconds, attoseconds) = duration.components
        return Double(seconds) + Double(attoseconds) * 1e-18
    }
}
