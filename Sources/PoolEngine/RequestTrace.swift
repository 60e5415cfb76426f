import PoolCore
import Synchronization

/// A request's `extensions={"trace": callback}`: the request stops at each of httpcore's trace points until the task
/// that sent it has run the callback, so a `task.cancel()` made there meets the request where CPython's does.
///
/// The pool pauses the request (``pause(_:_:)``) and the requesting task, woken through ``whenPaused(_:)``, reads
/// ``pausedEvent``, runs the callback, then either ``resume()``s the request or — when its task was cancelled in the
/// callback — ``cancel()``s it at that point: the pool then applies what the cancellation does at the request's next
/// suspension in httpcore (`ConnectionPool+CancelWindows.swift` lists where that is, point by point). Requests
/// without a callback have no trace and never pause.
public final class RequestTrace: Sendable {
    /// httpcore's trace points of one HTTP/1.1 request, in order (`connection.py:125-128`, `http11.py:92-134`,
    /// `:344`). A request on a reused connection skips the two connect points.
    public enum Point: Int, Sendable, CaseIterable {
        case connectTCPStarted, connectTCPComplete
        case sendRequestHeadersStarted, sendRequestHeadersComplete
        case sendRequestBodyStarted, sendRequestBodyComplete
        case receiveResponseHeadersStarted, receiveResponseHeadersComplete
        case receiveResponseBodyStarted, receiveResponseBodyComplete
        case responseClosedStarted, responseClosedComplete

        /// The event name the callback receives, e.g. `http11.send_request_headers.started`.
        public var name: String {
            switch self {
            case .connectTCPStarted: "connection.connect_tcp.started"
            case .connectTCPComplete: "connection.connect_tcp.complete"
            case .sendRequestHeadersStarted: "http11.send_request_headers.started"
            case .sendRequestHeadersComplete: "http11.send_request_headers.complete"
            case .sendRequestBodyStarted: "http11.send_request_body.started"
            case .sendRequestBodyComplete: "http11.send_request_body.complete"
            case .receiveResponseHeadersStarted: "http11.receive_response_headers.started"
            case .receiveResponseHeadersComplete: "http11.receive_response_headers.complete"
            case .receiveResponseBodyStarted: "http11.receive_response_body.started"
            case .receiveResponseBodyComplete: "http11.receive_response_body.complete"
            case .responseClosedStarted: "http11.response_closed.started"
            case .responseClosedComplete: "http11.response_closed.complete"
            }
        }
    }

    /// A value in an event's `info` dict, as httpcore passes it.
    public enum Value: Sendable {
        case none
        case string(String)
        case int(Int)
        case double(Double)
        /// httpcore's `Request` (`<Request [b'GET']>`).
        case request(method: String)
        /// The connected network stream (`<httpcore._backends.anyio.AnyIOStream object at 0x…>`).
        case networkStream
        /// `(b'HTTP/1.1', 200, b'OK', [(b'Content-Length', b'2')])`.
        case responseHead(PoolResponseHead)
    }

    /// One trace point reached: its name and its `info` dict, in httpcore's key order.
    public struct Event: Sendable {
        public let point: Point
        public let info: [(key: String, value: Value)]
    }

    /// How a paused request goes on.
    enum Resumption: Sendable {
        /// The callback returned and the task was not cancelled.
        case proceed
        /// The task was cancelled in the callback: the cancellation lands at the request's next suspension.
        case cancelled
        /// The callback raised: the exception propagates from the trace point itself, through whatever cleanup
        /// surrounds it there (``failed()``).
        case raised
        /// The pool gave up on the request meanwhile (its Swift task was cancelled): stop quietly.
        case stopped
    }

    private struct State {
        var paused: (event: Event, continuation: CheckedContinuation<Resumption, Never>)?
        var watchers: [@Sendable () -> Void] = []
        var stopped = false
        /// A cancellation landed where the request goes on until its next suspension (``markCancelled()``).
        var cancelled = false
    }

    private let state = Mutex(State())

    public init() {}

    // MARK: The requesting task

    /// The trace point the request is waiting at, if any.
    public var pausedEvent: Event? { state.withLock { $0.paused?.event } }

    /// Calls `callback` when the request pauses at a trace point — at once if it is paused now — on the thread that
    /// pauses it. Registered callbacks are called once.
    public func whenPaused(_ callback: @escaping @Sendable () -> Void) {
        let now: Bool = state.withLock { state in
            if state.paused != nil { return true }
            state.watchers.append(callback)
            return false
        }
        if now { callback() }
    }

    /// The callback returned: the request goes on to its next trace point.
    public func resume() { resolve(.proceed) }

    /// The task was cancelled in the callback (or while the request waited here): the cancellation lands where the
    /// request suspends next. Returns false when the request is not paused (the caller cancels it the usual way).
    @discardableResult
    public func cancel() -> Bool { resolve(.cancelled) }

    /// The callback raised (a `CancelledError` too, when it awaited after cancelling its task): the exception
    /// propagates from the trace point. Returns false when the request is not paused.
    @discardableResult
    public func failed() -> Bool { resolve(.raised) }

    // MARK: The pool

    /// Records that a cancellation landed but the request goes on to its next suspension; it pauses no more.
    func markCancelled() { state.withLock { $0.cancelled = true } }

    /// Whether ``markCancelled()`` was called.
    var isCancelled: Bool { state.withLock { $0.cancelled } }

    /// Waits at `point` until the requesting task has run its callback.
    func pause(_ point: Point, _ info: [(key: String, value: Value)] = []) async -> Resumption {
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Resumption, Never>) in
                let watchers: [@Sendable () -> Void]? = state.withLock { state in
                    guard !state.stopped else { return nil }
                    state.paused = (Event(point: point, info: info), continuation)
                    defer { state.watchers.removeAll() }
                    return state.watchers
                }
                guard let watchers else { return continuation.resume(returning: .stopped) }
                for watcher in watchers { watcher() }
            }
        } onCancel: {
            resolve(.stopped)
        }
    }

    /// Resumes the paused request, if any; true when one was paused.
    @discardableResult
    private func resolve(_ resumption: Resumption) -> Bool {
        let continuation = state.withLock { state in
            if case .stopped = resumption { state.stopped = true }
            defer { state.paused = nil }
            return state.paused?.continuation
        }
        continuation?.resume(returning: resumption)
        return continuation != nil
    }
}
