import PoolCore
import Synchronization

/// A request handed to a ``ConnectionPool``: await its response, or cancel it.
///
/// The request is already in the pool's FIFO queue (or assigned) when ``ConnectionPool/submit(_:)`` returns; nothing
/// here starts it. ``response()`` may be awaited by several tasks; all see the same result.
public final class PendingRequest: Sendable {
    private enum State {
        case waiting([CheckedContinuation<PoolResponse, any Error>])
        case finished(Result<PoolResponse, PoolError>)
    }

    /// The pool's ID for this request (1, 2, 3, … in submission order).
    public let id: Int
    private let onCancel: @Sendable (Int) -> Void
    private let state = Mutex<State>(.waiting([]))

    init(id: Int, onCancel: @escaping @Sendable (Int) -> Void) {
        self.id = id
        self.onCancel = onCancel
    }

    /// Waits for the whole response.
    ///
    /// - Throws: `PoolError` — `.poolTimeout`, `.connectError`, a transport error, `.cancelled` (also when the
    ///   awaiting task is cancelled, which cancels the request as asyncio cancellation would), or `.poolClosed`.
    public func response() async throws -> PoolResponse {
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<PoolResponse, any Error>) in
                let finished: Result<PoolResponse, PoolError>? = state.withLock { state in
                    switch state {
                    case .waiting(var waiters):
                        waiters.append(continuation)
                        state = .waiting(waiters)
                        return nil
                    case .finished(let result):
                        return result
                    }
                }
                if let finished { continuation.resume(with: finished.mapError { $0 as any Error }) }
            }
        } onCancel: {
            cancel()
        }
    }

    /// Cancels the request: it leaves the queue, or takes its half-used connection down with it
    /// (`connection_pool.py:248-256`). No effect once it has finished.
    public func cancel() {
        onCancel(id)
    }

    /// True once a response or an error is available.
    public var isFinished: Bool {
        state.withLock { state in
            switch state {
            case .waiting: false
            case .finished: true
            }
        }
    }

    /// Delivers the result to every waiter, once; later calls are ignored.
    func finish(_ result: Result<PoolResponse, PoolError>) {
        let waiters: [CheckedContinuation<PoolResponse, any Error>] = state.withLock { state in
            switch state {
            case .waiting(let waiters):
                state = .finished(result)
                return waiters
            case .finished:
                return []
            }
        }
        for waiter in waiters { waiter.resume(with: result.mapError { $0 as any Error }) }
    }
}
