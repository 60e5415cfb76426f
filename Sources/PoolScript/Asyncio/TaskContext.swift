import Synchronization

/// Handed to a running coroutine body. `suspend` is the only place a task gives up its turn.
public final class TaskContext {
    let interpreter: Interpreter
    /// The asyncio task this context runs in; nil for the top level of `run`.
    let task: PyTask?
    /// Nested Python calls in this task, for RecursionError.
    var depth = 0

    init(interpreter: Interpreter, task: PyTask?) {
        self.interpreter = interpreter
        self.task = task
    }

    /// Gives up the turn, awaits `operation` (real I/O: a socket, a timer), then waits in the FIFO ready
    /// queue for the turn again, as an asyncio task awaiting a future does. Touch host state only before or
    /// after `operation`, while holding the turn.
    nonisolated(nonsending) public func suspend<T: Sendable>(_ operation: @escaping @Sendable () async throws -> T)
        async throws -> T
    {
        let scheduler = interpreter.scheduler
        let interrupts = interpreter.interruptHandle
        scheduler.release()
        // The operation runs in a task of its own so Ctrl-C (`interrupt()`) can cancel it wherever this Python task
        // runs — including the top level, which is no asyncio task.
        let work = Task { try await operation() }
        let registration = interrupts.register { work.cancel() }
        if interrupts.isInterrupted { work.cancel() }
        let result = await withTaskCancellationHandler {
            await work.result
        } onCancel: {
            work.cancel()
        }
        interrupts.unregister(registration)
        await scheduler.acquire()
        if interpreter.interruptHandle.isInterrupted { throw PythonError(.keyboardInterrupt, "") }
        try deliverCancellation()
        return try result.get()
    }

    /// Gives up the turn until host work reports, through the callback `register` receives, that it is done —
    /// an asyncio task awaiting a future. The callback makes the task ready at once, on the thread that calls it,
    /// so tasks resume in the order the host finished their work (a pool handing out connections), as asyncio's
    /// `call_soon` orders them.
    ///
    /// - Parameter cancel: called when the task is cancelled (`task.cancel()`, Ctrl-C) while it waits, to stop the
    ///   work (a request cancelled in its pool). The task wakes either way, and `CancelledError` or
    ///   `KeyboardInterrupt` is raised once it runs again.
    nonisolated(nonsending) public func awaitHost(
        _ register: (@escaping @Sendable () -> Void) -> Void,
        cancel: @escaping @Sendable () -> Void
    ) async throws {
        let target = blockedTask
        let interrupted = await park(
            { wake in
                register(wake)
                // `task.cancel()` wakes the task here and stops the work, leaving its Swift task alone.
                target?.cancelWaiter = {
                    cancel()
                    wake()
                    return false
                }
            }, cancel: cancel)
        target?.cancelWaiter = nil
        if interrupted || interpreter.interruptHandle.isInterrupted { throw PythonError(.keyboardInterrupt, "") }
        try deliverPendingCancellation()
    }

    /// `await asyncio.sleep(seconds)` for `seconds > 0`: a loop timer wakes the task (see `LoopTimers`); cancelling
    /// the task cancels the timer.
    nonisolated(nonsending) func sleep(_ seconds: Double) async throws {
        let timers = interpreter.timers
        let id = Mutex<Int?>(nil)
        try await awaitHost(
            { wake in id.withLock { $0 = timers.schedule(after: seconds, wake) } },
            cancel: { if let timer = id.withLock({ $0 }) { timers.cancel(timer) } })
    }

    /// True in a green thread (a `ThreadPoolExecutor` worker, `asyncio.to_thread`): a blocking call there blocks
    /// only its thread, so a host waits as for an async call instead of holding the turn.
    public var isGreenThread: Bool { task?.isGreenThread == true }

    /// Where the host posts I/O events for this interpreter's loop (``EventLoopHandle``).
    public var loop: EventLoopHandle { interpreter.loop }

    /// Raises `CancelledError` once if `task.cancel()` was called.
    func deliverCancellation() throws {
        if let task, task.cancelRequested {
            task.cancelRequested = false
            throw cancelledError(task.cancelMessage)
        }
    }

    /// `await asyncio.sleep(0)`: goes to the back of the ready queue at once, as asyncio's bare yield does.
    nonisolated(nonsending) func yieldTurn() async throws {
        let scheduler = interpreter.scheduler
        let ticket = scheduler.makeTicket()
        scheduler.enqueue(ticket)
        scheduler.release()
        await scheduler.wait(ticket)
        try deliverCancellation()
    }

    /// Gives up the turn until `register`'s wake-up callback is called by another task (which holds the
    /// turn then). The wake-up enqueues this task's ticket synchronously, so ordering stays deterministic.
    ///
    /// Ctrl-C (`InterruptHandle.interrupt()`) — or, at the top level, cancelling the Swift task that runs the
    /// script — wakes the waiter whatever it waits for and raises `KeyboardInterrupt`, so a script stuck in
    /// `await asyncio.gather(...)`, on a task or on a lock can always be stopped. Callers must not assume
    /// what they waited for has happened when this throws.
    nonisolated(nonsending) func block(_ register: (@escaping @Sendable () -> Void) -> Void) async throws {
        if await park(register, cancel: nil) { throw PythonError(.keyboardInterrupt, "") }
    }

    /// Gives up the turn until `register`'s callback, Ctrl-C or — when `cancel` is given — `task.cancel()` wakes
    /// the task; returns true when Ctrl-C (or, at the top level, cancelling the Swift task that runs the script)
    /// woke it. `cancel` runs first in both of those cases. Without `cancel`, `task.cancel()` does not wake an
    /// asyncio task here: CancelledError waits for its next suspension.
    private nonisolated(nonsending) func park(
        _ register: (@escaping @Sendable () -> Void) -> Void,
        cancel: (@Sendable () -> Void)?
    ) async -> Bool {
        let scheduler = interpreter.scheduler
        let interrupts = interpreter.interruptHandle
        let ticket = scheduler.makeTicket()
        let wake = WakeOnce()
        register {
            if wake.claim(interrupted: false) { scheduler.enqueue(ticket) }
        }
        let stop: @Sendable () -> Void = {
            cancel?()
            if wake.claim(interrupted: true) { scheduler.enqueue(ticket) }
        }
        let registration = interrupts.register(cancel: stop)
        if interrupts.isInterrupted { stop() }
        scheduler.release()
        if task == nil {
            // The top level is no asyncio task: Swift cancellation of `run`'s task means the REPL wants it stopped.
            await withTaskCancellationHandler { await scheduler.wait(ticket) } onCancel: { stop() }
        } else if let cancel {
            // `task.cancel()` cancels what the task awaits and wakes it, as cancelling an asyncio task cancels the
            // future it waits on; CancelledError is raised when it runs.
            await withTaskCancellationHandler { await scheduler.wait(ticket) } onCancel: {
                cancel()
                if wake.claim(interrupted: false) { scheduler.enqueue(ticket) }
            }
        } else {
            await scheduler.wait(ticket)
        }
        interrupts.unregister(registration)
        return wake.wasInterrupted
    }
}

/// Who woke a blocked task first: the thing it waited for, or Ctrl-C. Later wake-ups are ignored, so its
/// ticket is enqueued exactly once.
final class WakeOnce: Sendable {
    /// 0: waiting, 1: woken by what it waited for, 2: woken by an interrupt.
    private let state = Atomic<Int>(0)

    /// True for the first caller only.
    func claim(interrupted: Bool) -> Bool {
        state.compareExchange(expected: 0, desired: interrupted ? 2 : 1, ordering: .sequentiallyConsistent).exchanged
    }

    var wasInterrupted: Bool { state.load(ordering: .sequentiallyConsistent) == 2 }
}
