/// A host's door into an interpreter's event loop: I/O events posted here run between loop iterations, while no
/// Python code runs (see `Scheduler`). Any thread may post.
public struct EventLoopHandle: Sendable {
    let scheduler: Scheduler

    /// Runs `event` at the loop's next poll for I/O — at once if the loop is idle. Events run in the order they were
    /// posted; they must not block.
    public func post(_ event: @escaping @Sendable () -> Void) {
        scheduler.post(event)
    }

    /// Runs `callback` in its turn at the back of the ready queue, as asyncio's `call_soon` (a task's next step
    /// would run there); no Python code runs meanwhile. It must not block.
    public func callSoon(_ callback: @escaping @Sendable () -> Void) {
        scheduler.callSoon(callback)
    }
}
