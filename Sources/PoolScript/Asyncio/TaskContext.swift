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

    /// Raises `CancelledError` once if `task.cancel()` was called.
    func deliverCancellation() throws {
        if let task, task.cancelRequested {
            task.cancelRequested = false
            throw PythonError(.cancelledError, "")
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
        let scheduler = interpreter.scheduler
        let interrupts = interpreter.interruptHandle
        let ticket = scheduler.makeTicket()
        let wake = WakeOnce()
        register {
            if wake.claim(interrupted: false) { scheduler.enqueue(ticket) }
        }
        let stop: @Sendable () -> Void = {
            if wake.claim(interrupted: true) { scheduler.enqueue(ticket) }
        }
        let registration = interrupts.register(cancel: stop)
        if interrupts.isInterrupted { stop() }
        scheduler.release()
        if task == nil {
            // The top level is no asyncio task: Swift cancellation of `run`'s task means the REPL wants it stopped.
            await withTaskCancellationHandler { await scheduler.wait(ticket) } onCancel: { stop() }
        } else {
            // An asyncio task's Swift task is also cancelled by `task.cancel()`, which asyncio delivers as
            // CancelledError at the next suspension, not here.
            await scheduler.wait(ticket)
        }
        interrupts.unregister(registration)
        if wake.wasInterrupted { throw PythonError(.keyboardInterrupt, "") }
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
