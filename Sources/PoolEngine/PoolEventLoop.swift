/// Who applies what a pool's connections report, and when.
///
/// A pool's own steps (a request arriving, a caller closing or cancelling its response) run on the caller's
/// thread of control. What the network reports — a connect finished, a response arrived, a pool timeout fired —
/// reaches the pool through ``post(_:)``.
///
/// Under asyncio those reports are I/O events: the selector is polled only between loop iterations, after every
/// callback that was ready when the iteration began has run (`asyncio/base_events.py`, `_run_once`). A session
/// running Python passes its interpreter's loop here, so a burst built by `asyncio.gather` is fully queued before
/// the first connect completes, as in CPython. A sync client's pool (`httpx.Client`) uses ``ImmediateEventLoop``:
/// its I/O runs on the calling thread, not on a loop.
public protocol PoolEventLoop: Sendable {
    /// Runs `work` when the loop next polls for I/O, while no Python code runs. `work` must not block.
    func post(_ work: @escaping @Sendable () -> Void)

    /// Runs `work` where the next step of the task that is running now would run: at the back of the loop's ready
    /// queue (asyncio's `call_soon`). Call it outside the pool's lock: ``ImmediateEventLoop`` runs it at once.
    func callSoon(_ work: @escaping @Sendable () -> Void)
}

/// Applies every report at once, on the thread that made it (sync clients, and tests of the engine alone).
public struct ImmediateEventLoop: PoolEventLoop {
    public init() {}

    public func post(_ work: @escaping @Sendable () -> Void) { work() }

    public func callSoon(_ work: @escaping @Sendable () -> Void) { work() }
}
