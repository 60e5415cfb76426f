import PoolEngine
import PoolScript

/// How a Python call waits for I/O. An async call (`AsyncOpenAI`, `httpx.AsyncClient`) suspends its asyncio task
/// (``Suspending``); a sync call runs its whole operation in ``blockingCall(_:)`` while the interpreter waits, and
/// awaits I/O directly inside it (``Direct``). Code written once over this protocol serves both.
protocol CallWaiting {
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

/// A sync call's wait, inside ``blockingCall(_:)``: the interpreter is already blocked, so the I/O is awaited as is.
struct Direct: CallWaiting {
    nonisolated(nonsending) func wait<T: Sendable>(
        _ operation: @escaping @Sendable () async throws -> T
    ) async throws -> T {
        try await operation()
    }

    nonisolated(nonsending) func waitUntilFinished(_ pending: PendingRequest) async throws {
        _ = try? await pending.streamedResponse()
    }
}

/// Carries interpreter objects into the work a sync call blocks on.
///
/// Sending them is safe: the interpreter has one logical thread of control, and during ``blockingCall(_:)`` that
/// thread is parked on a semaphore until the work has ended. The objects are never used from two threads at once,
/// and the semaphore orders the uses before, during and after the call.
private struct BlockedCallerBox<T>: @unchecked Sendable {
    var value: T
}

/// Runs `body` to completion for a sync Python call, blocking the interpreter as the call blocks in Python.
func blockingCall<T>(_ body: @escaping () async throws -> T) throws -> T {
    let work = BlockedCallerBox(value: body)
    return try blockingWait { BlockedCallerBox(value: try await work.value()) }.value
}
