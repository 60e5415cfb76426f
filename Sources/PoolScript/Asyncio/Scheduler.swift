import Synchronization

/// The interpreter's asyncio loop: one turn, handed out in FIFO order.
///
/// Exactly one Python task holds the turn at a time, as on asyncio's single-threaded loop. A task gives the
/// turn up only in `release()` (via `TaskContext.suspend`, or while waiting for another task) and gets it
/// back by enqueuing a ticket and waiting until the ticket is granted. Tickets of new tasks are enqueued
/// synchronously when the task is created, so the order in which tasks run never depends on when Swift
/// happens to start a `Task`.
final class Scheduler: Sendable {
    private struct State {
        var holder: Int?
        var queue: [Int] = []
        var head = 0
        var granted: Set<Int> = []
        var parked: [Int: CheckedContinuation<Void, Never>] = [:]
        var nextTicket = 0
    }

    private let state = Mutex(State())

    /// A fresh ticket, not yet in the queue.
    func makeTicket() -> Int {
        state.withLock { s in
            s.nextTicket += 1
            return s.nextTicket
        }
    }

    /// Appends `ticket` to the ready queue; grants it at once if nobody holds the turn.
    func enqueue(_ ticket: Int) {
        let wake = state.withLock { s -> CheckedContinuation<Void, Never>? in
            s.queue.append(ticket)
            return Scheduler.grantNext(&s)
        }
        wake?.resume()
    }

    /// Waits until `ticket` holds the turn.
    nonisolated(nonsending) func wait(_ ticket: Int) async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let now = state.withLock { s -> Bool in
                if s.granted.remove(ticket) != nil { return true }
                s.parked[ticket] = continuation
                return false
            }
            if now { continuation.resume() }
        }
    }

    /// Enqueues a new ticket and waits for the turn.
    nonisolated(nonsending) func acquire() async {
        let ticket = makeTicket()
        enqueue(ticket)
        await wait(ticket)
    }

    /// Gives up the turn, granting it to the next ticket in the queue.
    func release() {
        let wake = state.withLock { s -> CheckedContinuation<Void, Never>? in
            s.holder = nil
            return Scheduler.grantNext(&s)
        }
        wake?.resume()
    }

    private static func grantNext(_ s: inout State) -> CheckedContinuation<Void, Never>? {
        guard s.holder == nil, s.head < s.queue.count else { return nil }
        let ticket = s.queue[s.head]
        s.head += 1
        if s.head > 64 && s.head * 2 > s.queue.count {
            s.queue.removeFirst(s.head)
            s.head = 0
        }
        s.holder = ticket
        if let continuation = s.parked.removeValue(forKey: ticket) { return continuation }
        s.granted.insert(ticket)
        return nil
    }
}

/// Carries a non-Sendable value into a Swift `Task`.
///
/// Safe because the value is touched only by the task holding the scheduler's turn: the interpreter runs
/// one Python task at a time, and handing the turn over goes through the scheduler's `Mutex`, which orders
/// the memory accesses of the previous holder before those of the next.
struct TurnBound<T>: @unchecked Sendable {
    let value: T
}
