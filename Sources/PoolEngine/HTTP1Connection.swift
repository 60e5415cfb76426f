import NIOCore
import PoolCore
import Synchronization

/// An HTTP/1.1 connection over one NIO channel: httpcore's `AsyncHTTP11Connection` for the pool.
///
/// The async face of `HTTP1ClientChannelHandler` (AHC splits `HTTP1Connection` and its handler the same way):
/// `send` and each body read hand a command to the channel and await the promise the handler fulfils. One request
/// at a time; a second concurrent `send` fails with `httpx.WriteError` instead of queueing, because queueing is the
/// pool's job.
///
/// Closing follows httpcore: a response that cannot be followed by another (`Connection: close` from either side,
/// a body delimited by the close, an error, a timeout) closes the socket when its body ends, and the end says
/// `keepAlive == false`.
public final class HTTP1Connection: PoolConnection {
    let channel: any Channel
    /// Where the ends of ``sendBuffered(_:cancellation:completion:)`` are put in sending order; nil: each is reported
    /// at once.
    let order: ExchangeOrder?
    /// Set from the channel's close future (an event-loop thread), read by the pool from any thread.
    private let closed = Atomic<Bool>(false)

    public let localPort: Int?

    /// Wraps a connected channel whose pipeline ends with NIO's HTTP client handlers and an
    /// `HTTP1ClientChannelHandler`.
    init(channel: any Channel, order: ExchangeOrder? = nil) {
        self.channel = channel
        self.order = order
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

    /// Sends `request` and waits for the response head; the body follows through the returned reader.
    ///
    /// - Parameter request: the request; `timeouts.read` and `timeouts.write` apply here and to each body read.
    /// - Returns: the head, and a reader that hands out the body and finally `.end(keepAlive:)`.
    /// - Throws: `PoolError` — `.readTimeout`, `.writeTimeout`, `.remoteProtocolError(…)`, `.readError(…)`,
    ///   `.writeError(…)`, or `.cancelled` when the calling task is cancelled (the connection is then closed,
    ///   as httpcore closes a connection whose request was cancelled mid-flight).
    public func send(_ request: PoolRequest) async throws -> (head: PoolResponseHead, body: any PoolResponseBody) {
        let channel = self.channel
        let started = try await Self.run(on: channel, of: HTTP1ClientChannelHandler.Started.self) { .send(request, $0) }
        return (started.head, Body(channel: channel, leftover: started.leftover))
    }

    /// Hands a command to the handler and awaits its promise; cancelling the task closes the channel.
    static func run<Value: Sendable>(
        on channel: any Channel, of: Value.Type,
        _ command: (EventLoopPromise<Value>) -> HTTP1ClientChannelHandler.Command
    ) async throws -> Value {
        let promise = channel.eventLoop.makePromise(of: Value.self)
        // The write promise fails only when the command never reached the handler (the channel was already
        // closed and its handlers removed); otherwise the handler owns `promise` and always completes it.
        let handedOver = channel.eventLoop.makePromise(of: Void.self)
        handedOver.futureResult.whenFailure { _ in
            promise.fail(PoolError.remoteProtocolError())
        }
        let message = command(promise)
        do {
            return try await withTaskCancellationHandler {
                channel.writeAndFlush(message, promise: handedOver)
                return try await promise.futureResult.get()
            } onCancel: {
                channel.close(promise: nil)
            }
        } catch {
            if Task.isCancelled { throw PoolError.cancelled }
            if let error = error as? PoolError { throw error }
            throw PoolError.readError(HTTP1ClientChannelHandler.describe(error))
        }
    }

    /// The body reader: each `read()` is one `Command.readBody` on the channel.
    struct Body: PoolResponseBody {
        let channel: any Channel
        let leftover: HTTP1BodyLeftover

        func read() async throws -> PoolBodyPart {
            if let part = leftover.next() { return try part.get() }
            do {
                return try await HTTP1Connection.run(on: channel, of: PoolBodyPart.self) { .readBody($0) }
            } catch let error as PoolError where error != .cancelled {
                if let part = leftover.next() { return try part.get() }
                throw error
            }
        }
    }

    /// Closes the socket. Safe to call any number of times, from any thread.
    public func close() {
        channel.close(promise: nil)
    }
}
