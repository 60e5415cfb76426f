import PoolCore
import Synchronization

/// A response whose body is still on the wire: httpcore's `PoolByteStream` as the caller holds it.
///
/// The request stays active in the pool — its connection ACTIVE — from assignment until ``close()``
/// (`connection_pool.py:409-420`). Closing after the body was read to its end returns a reusable connection to
/// IDLE; closing earlier closes the connection, because its socket still holds unread bytes (httpcore
/// `http11.py:238-250`: reusable only when both sides are DONE). A read error or a cancelled read ends the request
/// and takes the connection down at once.
public final class PoolStreamedResponse: Sendable {
    private enum State {
        /// Reading; nothing has failed yet.
        case open
        /// The body was read to its end.
        case ended(keepAlive: Bool)
        /// A read failed; the pool already closed the connection.
        case failed(PoolError)
        case closed
    }

    /// The pool's ID for the request.
    public let id: Int
    /// Status line and headers.
    public let head: PoolResponseHead
    private let body: any PoolResponseBody
    private let pool: Pool
    private let state = Mutex<State>(.open)

    /// What the response tells its pool.
    struct Pool: Sendable {
        /// The caller closed the response: `keepAlive` is true only after a complete body on a reusable connection.
        let closed: @Sendable (Int, _ keepAlive: Bool) -> Void
        /// Reading failed with this error.
        let failed: @Sendable (Int, PoolError) -> Void
        /// The reading task was cancelled.
        let cancelled: @Sendable (Int) -> Void

        /// For a body already read and released: nothing left to tell.
        static let detached = Pool(closed: { _, _ in }, failed: { _, _ in }, cancelled: { _ in })
    }

    init(id: Int, head: PoolResponseHead, body: any PoolResponseBody, pool: Pool) {
        self.id = id
        self.head = head
        self.body = body
        self.pool = pool
    }

    /// The next bytes of the body, or nil at its end.
    ///
    /// - Throws: the transport's `PoolError` (`.readTimeout` per read, `.remoteProtocolError(…)` for a truncated
    ///   body), `.cancelled` when the calling task is cancelled (the connection closes and the slot is released,
    ///   as when an asyncio task is cancelled inside `aiter_bytes()`), or `.readError` after ``close()``.
    public func read() async throws -> [UInt8]? {
        let current = state.withLock { $0 }
        switch current {
        case .open: break
        case .ended: return nil
        case .failed(let error): throw error
        case .closed:
            throw PoolError.readError("Attempted to read or stream content, but the stream has been closed.")
        }
        do {
            let part = try await withTaskCancellationHandler {
                try await body.read()
            } onCancel: { [pool, id] in
                pool.cancelled(id)
            }
            switch part {
            case .bytes(let bytes):
                return bytes
            case .end(let keepAlive):
                state.withLock { if case .open = $0 { $0 = .ended(keepAlive: keepAlive) } }
                return nil
            }
        } catch {
            var poolError = error as? PoolError ?? .readError(String(describing: error))
            if Task.isCancelled { poolError = .cancelled }
            state.withLock { if case .open = $0 { $0 = .failed(poolError) } }
            pool.failed(id, poolError)
            throw poolError
        }
    }

    /// Reads the rest of the body.
    public func readAll() async throws -> [UInt8] {
        var bytes: [UInt8] = []
        while let chunk = try await read() { bytes += chunk }
        return bytes
    }

    /// Releases the request: the connection goes IDLE when the body was read to its end and may be reused, and
    /// closes otherwise. Idempotent.
    public func close() {
        let previous: State = state.withLock { state in
            defer { state = .closed }
            return state
        }
        switch previous {
        case .open: pool.closed(id, false)
        case .ended(let keepAlive): pool.closed(id, keepAlive)
        case .failed, .closed: break
        }
    }

    /// After the end of the body: whether the connection may serve another request.
    var keepAliveAtEnd: Bool {
        state.withLock { if case .ended(let keepAlive) = $0 { keepAlive } else { false } }
    }

    /// True after ``close()``.
    public var isClosed: Bool {
        state.withLock { if case .closed = $0 { true } else { false } }
    }

    /// True once the body was read to its end (httpx's `is_stream_consumed` is set when iteration starts; the
    /// playground tracks that itself).
    public var isComplete: Bool {
        state.withLock { if case .ended = $0 { true } else { false } }
    }
}

/// A body already read to its end: its bytes, then the end.
final class BufferedBody: PoolResponseBody {
    private let parts: Mutex<[PoolBodyPart]>

    init(bytes: [UInt8], keepAlive: Bool) {
        parts = Mutex((bytes.isEmpty ? [] : [.bytes(bytes)]) + [.end(keepAlive: keepAlive)])
    }

    func read() async throws -> PoolBodyPart {
        parts.withLock { $0.count > 1 ? $0.removeFirst() : $0[0] }
    }
}
