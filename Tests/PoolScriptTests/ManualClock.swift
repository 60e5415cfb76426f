import Synchronization

/// A clock that moves only when the test says so, for asyncio.sleep on virtual time.
final class ManualClock: Clock, Sendable {
    struct Instant: InstantProtocol {
        var offset: Duration
        func advanced(by duration: Duration) -> Instant { Instant(offset: offset + duration) }
        func duration(to other: Instant) -> Duration { other.offset - offset }
        static func < (a: Instant, b: Instant) -> Bool { a.offset < b.offset }
    }

    private struct State {
        var now = Instant(offset: .zero)
        var sleepers: [(deadline: Instant, continuation: CheckedContinuation<Void, Never>)] = []
        var watchers: [(count: Int, continuation: CheckedContinuation<Void, Never>)] = []
    }

    private let state = Mutex(State())

    var now: Instant { state.withLock { $0.now } }
    var minimumResolution: Duration { .zero }

    func sleep(until deadline: Instant, tolerance: Duration?) async throws {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let (immediate, ready) = state.withLock { s -> (Bool, [CheckedContinuation<Void, Never>]) in
                if deadline <= s.now { return (true, []) }
                s.sleepers.append((deadline, continuation))
                let n = s.sleepers.count
                let ready = s.watchers.filter { $0.count <= n }.map(\.continuation)
                s.watchers.removeAll { $0.count <= n }
                return (false, ready)
            }
            if immediate { continuation.resume() }
            ready.forEach { $0.resume() }
        }
    }

    /// Returns once `count` sleepers are waiting.
    func waitForSleepers(_ count: Int) async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let now = state.withLock { s -> Bool in
                if s.sleepers.count >= count { return true }
                s.watchers.append((count, continuation))
                return false
            }
            if now { continuation.resume() }
        }
    }

    /// Moves time forward and wakes the sleepers whose deadline has passed, earliest first.
    func advance(by duration: Duration) {
        let due = state.withLock { s -> [CheckedContinuation<Void, Never>] in
            s.now = s.now.advanced(by: duration)
            let ready = s.sleepers.filter { $0.deadline <= s.now }.sorted { $0.deadline < $1.deadline }
            s.sleepers.removeAll { $0.deadline <= s.now }
            return ready.map(\.continuation)
        }
        due.forEach { $0.resume() }
    }
}
