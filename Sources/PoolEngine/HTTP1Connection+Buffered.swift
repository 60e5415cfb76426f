import NIOCore
import PoolCore
import Synchronization

/// A whole response, read to the end of its body.
struct BufferedExchange: Sendable {
    let head: PoolResponseHead
    let bytes: [UInt8]
    let keepAlive: Bool
}

/// How a buffered exchange failed: before the head arrived (httpcore's `send` raised) or while the body was read.
enum BufferedFailure: Error {
    case beforeHead(PoolError)
    case inBody(PoolError)
}

/// Cancels a buffered exchange that runs on its channel's event loop rather than in a task: closing the channel
/// ends it, and the error it then reports reads as `PoolError.cancelled`, as a cancelled task's would.
final class ChannelCancellation: Sendable {
    private let connection: HTTP1Connection
    private let cancelled = Atomic<Bool>(false)

    init(_ connection: HTTP1Connection) {
        self.connection = connection
    }

    var isCancelled: Bool { cancelled.load(ordering: .acquiring) }

    func cancel() {
        cancelled.store(true, ordering: .releasing)
        connection.close()
    }
}

extension HTTP1Connection {
    /// httpx's `send(stream=False)` on the channel's event loop: sends `request`, reads the body to its end and calls
    /// `completion` there, once. No task runs it and no part of it hops to another thread, which is what a
    /// keep-alive request spends most of its time on otherwise (``send(_:)`` then one `read()` per body part).
    ///
    /// Errors are ``BufferedFailure``s, mapped as ``send(_:)`` and the body reader map them; after
    /// `cancellation` fires they read `.cancelled`.
    ///
    /// Order, for a burst to keep CPython's lock-step: the send is queued on the event loop (always through `execute`,
    /// even on the loop itself, so a send started later never overtakes one started earlier), and with an
    /// ``ExchangeOrder`` the ends found in one pass of the event loop go on in sending order. A factory's connections
    /// share one event loop, as asyncio's sockets share one selector (``NIOConnectionFactory``).
    func sendBuffered(
        _ request: PoolRequest, cancellation: ChannelCancellation,
        completion: @escaping @Sendable (Result<BufferedExchange, BufferedFailure>) -> Void
    ) {
        let channel = self.channel
        let order = self.order
        channel.eventLoop.execute {
            let report: @Sendable (Result<BufferedExchange, BufferedFailure>) -> Void
            if let order {
                let sequence = order.nextSequence()
                report = { result in order.ended(sequence) { completion(result) } }
            } else {
                report = completion
            }
            let head = Self.hand(channel, of: HTTP1ClientChannelHandler.Started.self) { .send(request, $0) }
            head.whenComplete { result in
                switch result {
                case .success(let started):
                    Self.readBody(channel, started, [], cancellation, report)
                case .failure(let error):
                    report(.failure(.beforeHead(Self.poolError(error, cancellation))))
                }
            }
        }
    }

    /// Reads body parts one command at a time, each continuing in the previous one's callback.
    private static func readBody(
        _ channel: any Channel, _ started: HTTP1ClientChannelHandler.Started, _ bytes: [UInt8],
        _ cancellation: ChannelCancellation,
        _ completion: @escaping @Sendable (Result<BufferedExchange, BufferedFailure>) -> Void
    ) {
        @Sendable func handle(_ part: Result<PoolBodyPart, any Error>, stored: Bool) {
            switch part {
            case .success(.bytes(let chunk)):
                readBody(channel, started, bytes + chunk, cancellation, completion)
            case .success(.end(let keepAlive)):
                completion(.success(BufferedExchange(head: started.head, bytes: bytes, keepAlive: keepAlive)))
            case .failure(let error):
                // The channel went away: its last parts may wait in the leftover (as `Body.read()` looks).
                if !stored, !cancellation.isCancelled, let part = started.leftover.next() {
                    return handle(part.mapError { $0 }, stored: true)
                }
                completion(.failure(.inBody(poolError(error, cancellation))))
            }
        }
        if let part = started.leftover.next() { return handle(part.mapError { $0 }, stored: true) }
        hand(channel, of: PoolBodyPart.self) { .readBody($0) }.whenComplete { handle($0, stored: false) }
    }

    /// Hands a command to the handler; the future fails with `remoteProtocolError` when it never got there.
    private static func hand<Value: Sendable>(
        _ channel: any Channel, of: Value.Type, _ command: (EventLoopPromise<Value>) -> HTTP1ClientChannelHandler.Command
    ) -> EventLoopFuture<Value> {
        let promise = channel.eventLoop.makePromise(of: Value.self)
        let handedOver = channel.eventLoop.makePromise(of: Void.self)
        handedOver.futureResult.whenFailure { _ in promise.fail(PoolError.remoteProtocolError()) }
        channel.writeAndFlush(command(promise), promise: handedOver)
        return promise.futureResult
    }

    private static func poolError(_ error: any Error, _ cancellation: ChannelCancellation) -> PoolError {
        if cancellation.isCancelled { return .cancelled }
        return error as? PoolError ?? .readError(HTTP1ClientChannelHandler.describe(error))
    }
}
