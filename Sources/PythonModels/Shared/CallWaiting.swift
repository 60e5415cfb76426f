import PoolEngine
import PoolScript

/// How a Python call waits for I/O. An async call (`AsyncOpenAI`, `httpx.AsyncClient`) suspends its asyncio task
/// (``Suspending``); a sync call returns a `BlockingCall`, which the interpreter runs holding the turn, and awaits
/// I/O directly inside it (``Direct``): the event loop is blocked, as a sync call blocks it in CPython. Code written
/// once over this protocol serves both.
protocol CallWaiting {
    /// The task (or the blocking call's caller) that waits.
    var context: TaskContext { get }

    nonisolated(nonsending) func wait<T: Sendable>(
        _ operation: @escaping @Sendable () async throws -> T
    ) async throws -> T

    /// Waits until the pool has finished `pending` (its response head is in, or it failed). Read the outcome
    /// from `pending` afterwards; that no longer waits.
    nonisolated(nonsending) func waitUntilFinished(_ pending: PendingRequest) async throws
}

/// An asyncio task's wait: other tasks run meanwhile, and Ctrl-C cancels it.
struct Suspending: CallWaiting {
    let context: TaskContext

    nonisolated(nonsending) func wait<T: Sendable>(
        _ operation: @escaping @Sendable () async throws -> T
    ) async throws -> T {
        try await context.suspend(operation)
    }

    /// The task is made ready by the pool itself, when it finishes the request: tasks resume in the order the pool
    /// served them, as asyncio's futures wake their tasks. Cancelling the task cancels the request in its pool.
    nonisolated(nonsending) func waitUntilFinished(_ pending: PendingRequest) async throws {
        try await context.awaitHost({ wake in pending.whenFinished(wake) }, cancel: { pending.cancel() })
    }
}

/// A sync call's wait, inside a `BlockingCall`: the caller holds the turn, so the I/O is awaited as is and the
/// whole loop waits with it — except in a green thread (a `ThreadPoolExecutor` worker, `asyncio.to_thread`), where
/// a blocking call blocks only its thread: there it waits as ``Suspending`` does, and other threads and tasks run.
struct Direct: CallWaiting {
    let context: TaskContext

    init(_ context: TaskContext) {
        self.context = context
    }

    nonisolated(nonsending) func wait<T: Sendable>(
        _ operation: @escaping @Sendable () async throws -> T
    ) async throws -> T {
        if context.isGreenThread { return try await Suspending(context: context).wait(operation) }
        return try await operation()
    }

    nonisolated(nonsending) func waitUntilFinished(_ pending: PendingRequest) async throws {
        if context.isGreenThread { return try await Suspending(context: context).waitUntilFinished(pending) }
        _ = try? await pending.streamedResponse()
    }
}
