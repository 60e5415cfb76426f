/// Handed to a running coroutine body. `suspend` is the only place a task gives up its turn.
public final class TaskContext {
    public let interpreter: Interpreter
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
    nonisolated(nonsending) func block(_ register: (@escaping () -> Void) -> Void) async {
        let scheduler = interpreter.scheduler
        let ticket = scheduler.makeTicket()
        var woken = false
        register {
            if !woken {
                woken = true
                scheduler.enqueue(ticket)
            }
        }
        scheduler.release()
        await scheduler.wait(ticket)
    }
}
