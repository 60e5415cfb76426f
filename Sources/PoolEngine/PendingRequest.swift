import PoolCore
import Synchronization

/// A request handed to a ``ConnectionPool``: await its response (whole, or streamed), or cancel it.
///
/// The request is already in the pool's FIFO queue (or assigned) when ``ConnectionPool/submit(_:)`` returns; nothing
/// here starts it. ``streamedResponse()`` may be awaited by several tasks; all see the same response object.
public final class PendingRequest: Sendable {
    private enum State {
        case waiting([CheckedContinuation<PoolStreamedResponse, any Error>], [@Sendable () -> Void])
        case finished(Result<PoolStreamedResponse, PoolError>)
    }

    /// The pool's ID for this request (1, 2, 3, … in submission order).
    public let id: Int
    private let onCancel: @Sendable (Int) -> Void
    private let state = Mutex<State>(.waiting([], []))

    /// True when the caller reads the body itself (``ConnectionPool/submit(_:stream:)`` with `stream: true`).
    public let streaming: Bool

    init(id: Int, streaming: Bool, onCancel: @escaping @Sendable (Int) -> Void) {
        self.id = id
        self.streaming = streaming
        self.onCancel = onCancel
    }

    /// Waits for the whole response: the streamed response, read to its end, then closed (what httpx's
    /// `send(stream=False)` does). Await it from one task at a time.
    ///
    /// - Throws: `PoolError` — `.poolTimeout`, `.connectError`, a transport error, `.cancelled` (also when the
    ///   awaiting task is cancelled, which cancels the request as asyncio cancellation would), or `.poolClosed`.
    public func response() async throws -> PoolResponse {
        let streamed = try await streamedResponse()
        let body: [UInt8]
        do {
            body = try await streamed.readAll()
        } catch {
            streamed.close()
            throw error
        }
        let keepAlive = streamed.isComplete && streamed.keepAliveAtEnd
        streamed.close()
        let head = streamed.head
        return PoolResponse(
            status: head.status, reason: head.reason, httpVersion: head.httpVersion, headers: head.headers,
            body: body, keepAlive: keepAlive)
    }

    /// Waits for the response head; the body stays on the connection, which stays ACTIVE until the response is
    /// closed (``PoolStreamedResponse/close()``).
    ///
    /// - Throws: as ``response()``.
    public func streamedResponse() async throws -> PoolStreamedResponse {
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<PoolStreamedResponse, any Error>) in
                let finished: Result<PoolStreamedResponse, PoolError>? = state.withLock { state in
                    switch state {
                    case .waiting(var waiters, let callbacks):
                        waiters.append(continuation)
                        state = .waiting(waiters, callbacks)
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
    public var isFinished: Bool { result != nil }

    /// The response (at its head) or the error, once the request has finished.
    public var result: Result<PoolStreamedResponse, PoolError>? {
        state.withLock { state in
            switch state {
            case .waiting: nil
            case .finished(let result): result
            }
        }
    }

    /// Calls `callback` once the request has finished — at once if it has — on the thread that finishes it, before
    /// any awaiting task resumes. An event loop uses it to make a task ready in the order the pool decided.
    public func whenFinished(_ callback: @escaping @Sendable () -> Void) {
        let now: Bool = state.withLock { state in
            switch state {
            case .waiting(let waiters, var callbacks):
                callbacks.append(callback)
                state = .waiting(waiters, callbacks)
                return false
            case .finished:
                return true
            }
        }
        if now { callback() }
    }

    /// Delivers the result to every waiter, once; later calls are ignored.
    func finish(_ result: Result<PoolStreamedResponse, PoolError>) {
        let (waiters, callbacks) = state.withLock { state in
            switch state {
            case .waiting(let waiters, let callbacks):
                state = .finished(result)
                return (waiters, callbacks)
            case .finished:
                return ([], [])
            }
        }
        for callback in callbacks { callback() }
        for waiter in waiters { waiter.resume(with: result.mapError { $0 as any Error }) }
    }
}
