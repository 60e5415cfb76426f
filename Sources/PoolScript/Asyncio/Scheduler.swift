import Synchronization

/// The interpreter's asyncio loop: one turn, handed out in FIFO order, and an inbox of I/O events applied
/// between iterations.
///
/// Exactly one Python task holds the turn at a time, as on asyncio's single-threaded loop. A task gives the
/// turn up only in `release()` (via `TaskContext.suspend`, or while waiting for another task) and gets it
/// back by enqueuing a ticket and waiting until the ticket is granted. Tickets of new tasks are enqueued
/// synchronously when the task is created, so the order in which tasks run never depends on when Swift
/// happens to start a `Task`.
///
/// **Iterations.** asyncio's `_run_once` (`asyncio/base_events.py`) polls the selector, then runs exactly the
/// callbacks that were ready when the iteration began; what they make ready runs in the next iteration, after the
/// next poll. The scheduler keeps the same rhythm: it counts the tickets of the current iteration, and only when
/// they have all run does it apply what the network reported meanwhile (``post(_:)``). So the 2000 tasks a
/// `gather` starts all enter the pool's queue before the first connect completes, as in CPython.
final class Scheduler: Sendable {
    private struct State {
        var holder: Int?
        var queue: [Int] = []
        var head = 0
        var granted: Set<Int> = []
        var parked: [Int: CheckedContinuation<Void, Never>] = [:]
        var nextTicket = 0
        /// Tickets of the current iteration not yet granted.
        var remainingInIteration = 0
        /// I/O events posted since the last poll, oldest first.
        var inbox: [@Sendable () -> Void] = []
        /// True right after a poll: the next boundary starts an iteration before polling again.
        var justPolled = false
        /// Host callbacks in the ready queue (``callSoon(_:)``), by ticket.
        var callbacks: [Int: @Sendable () -> Void] = [:]
    }

    /// What the scheduler does next, decided under the lock and done outside it.
    private enum Step {
        case nothing
        case resume(CheckedContinuation<Void, Never>)
        case poll([@Sendable () -> Void])
        /// A host callback's turn: run it, then give the turn on.
        case run(@Sendable () -> Void)
    }

    /// The holder while the loop applies I/O events: no task runs meanwhile.
    private static let pollingHolder = -1

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
        let step = state.withLock { s -> Step in
            s.queue.append(ticket)
            return Scheduler.next(&s)
        }
        perform(step)
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
        let step = state.withLock { s -> Step in
            s.holder = nil
            return Scheduler.next(&s)
        }
        perform(step)
    }

    /// Queues an I/O event: it runs at the next poll, while no task holds the turn — at once if the loop is idle.
    /// Events run in the order they were posted. They must not block; they may make tasks ready (``enqueue(_:)``).
    func post(_ event: @escaping @Sendable () -> Void) {
        let step = state.withLock { s -> Step in
            s.inbox.append(event)
            return Scheduler.next(&s)
        }
        perform(step)
    }

    /// Queues `callback` at the back of the ready queue, as asyncio's `call_soon`: it runs in its turn (in the next
    /// iteration when posted by a running task), holding the turn, with no Python code running. It must not block.
    func callSoon(_ callback: @escaping @Sendable () -> Void) {
        let step = state.withLock { s -> Step in
            s.nextTicket += 1
            s.callbacks[s.nextTicket] = callback
            s.queue.append(s.nextTicket)
            return Scheduler.next(&s)
        }
        perform(step)
    }

    private func perform(_ first: Step) {
        var step = first
        while true {
            switch step {
            case .nothing:
                return
            case .resume(let continuation):
                continuation.resume()
                return
            case .poll(let events):
                for event in events { event() }
                step = state.withLock { s -> Step in
                    s.holder = nil
                    return Scheduler.next(&s)
                }
            case .run(let callback):
                callback()
                step = state.withLock { s -> Step in
                    s.holder = nil
                    return Scheduler.next(&s)
                }
            }
        }
    }

    private static func next(_ s: inout State) -> Step {
        guard s.holder == nil else { return .nothing }
        if s.remainingInIteration == 0 {
            let ready = s.queue.count - s.head
            if !s.inbox.isEmpty && (!s.justPolled || ready == 0) {
                s.holder = pollingHolder
                s.justPolled = true
                let events = s.inbox
                s.inbox.removeAll()
                return .poll(events)
            }
            s.justPolled = false
            s.remainingInIteration = ready
            if ready == 0 { return .nothing }
        }
        s.remainingInIteration -= 1
        let ticket = s.queue[s.head]
        s.head += 1
        if s.head > 64 && s.head * 2 > s.queue.count {
            s.queue.removeFirst(s.head)
            s.head = 0
        }
        s.holder = ticket
        if let callback = s.callbacks.removeValue(forKey: ticket) { return .run(callback) }
        if let continuation = s.parked.removeValue(forKey: ticket) { return .resume(continuation) }
        s.granted.insert(ticket)
        return .nothing
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
