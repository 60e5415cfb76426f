import NIOCore
import PoolCore
import Synchronization

/// An HTTP/1.1 connection over one NIO channel: httpcore's `AsyncHTTP11Connection` for the pool.
///
/// The async face of `HTTP1ClientChannelHandler` (AHC splits `HTTP1Connection` and its handler the same way):
/// `execute` hands a command to the channel and awaits the promise the handler fulfils. One request at a time;
/// a second concurrent `execute` fails with `httpx.WriteError` instead of queueing, because queueing is the
/// pool's job.
///
/// Closing follows httpcore: a response that cannot be followed by another (`Connection: close` from either side,
/// a body delimited by the close, an error, a timeout) closes the socket before `execute` returns, and the
/// response says `keepAlive == false`.
public final class HTTP1Connection: PoolConnection {
    private let channel: any Channel
    /// Set from the channel's close future (an event-loop thread), read by the pool from any thread.
    private let closed = Atomic<Bool>(false)

    public let localPort: Int?

    /// Wraps a connected channel whose pipeline ends with NIO's HTTP client handlers and an
    /// `HTTP1ClientChannelHandler`.
    init(channel: any Channel) {
        self.channel = channel
        self.localPort = channel.localAddress?.port
        channel.closeFuture.whenComplete { [weak self] _ in
            self?.closed.store(true, ordering: .releasing)
        }
    }

    /// True once the channel closed, whoever closed it; for an idle connection that means the server sent EOF.
    ///
    /// A flag only: the pool looks at it at its next assignment pass, like httpcore's readability probe of an
    /// idle socket (`http11.py:274-286`).
    public var hasPeerClosed: Bool {
        closed.load(ordering: .acquiring)
    }

    /// Sends `request` and reads the whole response.
    ///
    /// - Parameter request: the request; `timeouts.read` and `timeouts.write` apply here.
    /// - Returns: the complete response; `keepAlive` says whether the connection stays usable.
    /// - Throws: `PoolError` — `.readTimeout`, `.writeTimeout`, `.remoteProtocolError(…)`, `.readError(…)`,
    ///   `.writeError(…)`, or `.cancelled` when the calling task is cancelled (the connection is then closed,
    ///   as httpcore closes a connection whose request was cancelled mid-flight).
    public func execute(_ request: PoolRequest) async throws -> PoolResponse {
        let channel = self.channel
        let response = channel.eventLoop.makePromise(of: PoolResponse.self)
        // The write promise fails only when the command never reached the handler (the channel was already
        // closed and its handlers removed); otherwise the handler owns `response` and always completes it.
        let handedOver = channel.eventLoop.makePromise(of: Void.self)
        handedOver.futureResult.whenFailure { _ in
            response.fail(PoolError.remoteProtocolError())
        }
        do {
            return try await withTaskCancellationHandler {
                channel.writeAndFlush(
                    HTTP1ClientChannelHandler.Command(request: request, promise: response),
                    promise: handedOver
                )
                return try await response.futureResult.get()
            } onCancel: {
                channel.close(promise: nil)
            }
        } catch {
            if Task.isCancelled { throw PoolError.cancelled }
            if let error = error as? PoolError { throw error }
            throw PoolError.readError(HTTP1ClientChannelHandler.describe(error))
        }
    }

    /// Closes the socket. Safe to call any number of times, from any thread.
    public func close() {
        channel.close(promise: nil)
    }
}
