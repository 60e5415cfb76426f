import NIOCore
import NIOHTTP1
import PoolCore
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs one HTTP/1.1 exchange at a time on a client channel: writes a `PoolRequest` as request parts, hands
/// back the response head, then hands out body bytes as the consumer asks for them (`Command.readBody`).
///
/// It sits after NIO's `addHTTPClientHandlers()` and is driven by writing a `Command` into the pipeline (as
/// AHC's `HTTP1ClientChannelHandler` is driven by `HTTPExecutableRequest`). States:
///
/// ```
/// idle ─send─▶ sendingRequest ─end written─▶ waitingHead ─head─▶ readingBody ─end─▶ bodyEnded ─drained─▶ idle
///                                                                                                  └──▶ closed
/// any state ─timeout / error / EOF─▶ closed
/// ```
///
/// Timeouts follow httpcore, which wraps each socket operation in its own timeout: the write timer covers
/// sending the whole request, the read timer runs while the head is awaited and, in the body, only while the
/// consumer waits for bytes (httpcore reads the socket only when the caller iterates), restarting on every read.
///
/// Backpressure: once `highWater` bytes are buffered and unclaimed, the handler holds NIO's `read()` until the
/// consumer takes them, so a slow consumer leaves the rest in the kernel's socket buffer, as httpcore does.
final class HTTP1ClientChannelHandler: ChannelDuplexHandler {
    typealias InboundIn = HTTPClientResponsePart
    typealias OutboundIn = Command
    typealias OutboundOut = HTTPClientRequestPart

    /// What the connection asks of the handler.
    enum Command: Sendable {
        /// Send a request; the promise receives the response head or the `PoolError`.
        case send(PoolRequest, EventLoopPromise<Started>)
        /// Hand out the next body part of the response in flight.
        case readBody(EventLoopPromise<PoolBodyPart>)
    }

    /// The head, and where the body's last parts wait when the channel goes away before the consumer took them.
    struct Started: Sendable {
        let head: PoolResponseHead
        let leftover: HTTP1BodyLeftover
    }

    /// Buffered, unclaimed body bytes above which the handler stops reading the socket.
    static let highWater = 256 * 1024

    /// What the handler must remember about the request in flight.
    private struct Exchange {
        let id: Int
        let promise: EventLoopPromise<Started>
        let leftover = HTTP1BodyLeftover()
        let method: String
        let clientAskedToClose: Bool
        let readTimeout: TimeAmount?
    }

    private enum State {
        case idle
        case sendingRequest(Exchange)
        case waitingHead(Exchange)
        case readingBody(Exchange, HTTP1ResponseBuilder)
        /// The whole body has arrived; the consumer has not yet taken all of it.
        case bodyEnded(HTTP1ResponseBuilder, keepAlive: Bool, HTTP1BodyLeftover)
        /// No further request may run; a late `Command` fails with this error.
        case closed(PoolError)
    }

    private var state = State.idle
    private var context: ChannelHandlerContext?
    /// Bumped for each request, so that a timer or write completion of an earlier exchange is ignored.
    private var exchangeID = 0
    private var readTimer = DeadlineTimer()
    private var writeTimer = DeadlineTimer()
    /// The consumer waiting for body bytes.
    private var bodyWaiter: EventLoopPromise<PoolBodyPart>?
    /// A `read()` held back by backpressure.
    private var readHeld = false

    init() {}

    func handlerAdded(context: ChannelHandlerContext) {
        self.context = context
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        fail(with: .remoteProtocolError(), context: context, close: false)
        readTimer.cancel()
        writeTimer.cancel()
        self.context = nil
    }

    // MARK: Outbound

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        // From here on this handler owns the command's promise; the write itself has been taken.
        promise?.succeed(())
        switch unwrapOutboundIn(data) {
        case .send(let request, let head):
            switch state {
            case .idle:
                start(request, promise: head, context: context)
            case .closed(let error):
                head.fail(error)
            case .sendingRequest, .waitingHead, .readingBody, .bodyEnded:
                head.fail(PoolError.writeError("HTTP/1.1 connection is busy with another request."))
            }
        case .readBody(let part):
            readBody(part, context: context)
        }
    }

    func read(context: ChannelHandlerContext) {
        if case .readingBody(_, let builder) = state, builder.buffered >= Self.highWater {
            readHeld = true
        } else {
            context.read()
        }
    }

    /// The consumer asks for the next body part: buffered bytes at once, the end once everything is taken,
    /// otherwise it waits (and the read timer runs).
    private func readBody(_ part: EventLoopPromise<PoolBodyPart>, context: ChannelHandlerContext) {
        switch state {
        case .readingBody(let exchange, var builder):
            guard bodyWaiter == nil else {
                part.fail(PoolError.readError("a body read is already waiting"))
                return
            }
            if builder.buffered > 0 {
                state = .idle
                let bytes = builder.take()
                state = .readingBody(exchange, builder)
                part.succeed(.bytes(bytes))
                if readHeld {
                    readHeld = false
                    context.read()
                }
            } else {
                bodyWaiter = part
                restartReadTimer()
            }
        case .bodyEnded(var builder, let keepAlive, let leftover):
            // The peer closed after the body ended and `channelInactive` moved what was left into `leftover`
            // before this read arrived: serve it from there, or its bytes would be lost behind an early end.
            if let stored = leftover.next() {
                switch stored {
                case .success(let value): part.succeed(value)
                case .failure(let error): part.fail(error)
                }
                return
            }
            if builder.buffered > 0 {
                state = .idle
                let bytes = builder.take()
                state = .bodyEnded(builder, keepAlive: keepAlive, leftover)
                part.succeed(.bytes(bytes))
                return
            }
            state = keepAlive ? .idle : .closed(.remoteProtocolError())
            part.succeed(.end(keepAlive: keepAlive))
            if !keepAlive {
                // httpcore closes a connection that cannot be reused as soon as the response closes.
                context.close(promise: nil)
            }
        case .closed(let error):
            part.fail(error)
        case .idle, .sendingRequest, .waitingHead:
            part.fail(PoolError.readError("no response body is being read"))
        }
    }

    private func start(_ request: PoolRequest, promise: EventLoopPromise<Started>, context: ChannelHandlerContext) {
        exchangeID += 1
        let exchange = Exchange(
            id: exchangeID,
            promise: promise,
            method: request.method.uppercased(),
            clientAskedToClose: HTTP1Framing.asksToClose(request.headers),
            readTimeout: request.timeouts.read.map(TimeAmount.init)
        )
        state = .sendingRequest(exchange)
        if let writeTimeout = request.timeouts.write {
            writeTimer.set(context.eventLoop.now + TimeAmount(writeTimeout)) { arm(\.writeTimer, at: $0, error: .writeTimeout) }
        }
        let id = exchange.id
        let written = context.eventLoop.makePromise(of: Void.self)
        written.futureResult.assumeIsolated().whenComplete { result in
            self.requestWritten(id: id, result: result)
        }
        context.write(wrapOutboundOut(.head(HTTP1Framing.requestHead(for: request))), promise: nil)
        if !request.body.isEmpty {
            context.write(wrapOutboundOut(.body(.byteBuffer(ByteBuffer(bytes: request.body)))), promise: nil)
        }
        context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: written)
    }

    private func requestWritten(id: Int, result: Result<Void, any Error>) {
        guard id == exchangeID, let context else { return }
        writeTimer.clear()
        switch result {
        case .failure(let error):
            fail(with: .writeError(Self.describe(error)), context: context, close: true)
        case .success:
            switch state {
            case .sendingRequest(let exchange):
                state = .waitingHead(exchange)
                restartReadTimer()
            case .waitingHead, .readingBody, .bodyEnded, .idle, .closed:
                // The response (or an error) overtook the end of the request; nothing left to do.
                break
            }
        }
    }

    // MARK: Inbound

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head): received(head, context: context)
        case .body(let buffer): received(buffer, context: context)
        case .end: receivedEnd(context: context)
        }
    }

    private func received(_ head: HTTPResponseHead, context: ChannelHandlerContext) {
        switch state {
        case .sendingRequest(let exchange), .waitingHead(let exchange):
            let builder = HTTP1ResponseBuilder(head: head, requestMethod: exchange.method)
            state = .readingBody(exchange, builder)
            restartReadTimer()
            exchange.promise.succeed(Started(head: builder.responseHead, leftover: exchange.leftover))
        case .readingBody, .bodyEnded:
            preconditionFailure("NIO's HTTP decoder sent a second response head before the end of the first")
        case .idle:
            receivedUnsolicited(context: context)
        case .closed:
            break
        }
    }

    private func received(_ buffer: ByteBuffer, context: ChannelHandlerContext) {
        switch state {
        case .readingBody(let exchange, var builder):
            state = .idle  // drop the state's reference so that `append` does not copy the body
            builder.append(buffer)
            if let waiter = bodyWaiter {
                bodyWaiter = nil
                let bytes = builder.take()
                state = .readingBody(exchange, builder)
                waiter.succeed(.bytes(bytes))
            } else {
                state = .readingBody(exchange, builder)
            }
            restartReadTimer()
        case .sendingRequest, .waitingHead, .bodyEnded:
            preconditionFailure("NIO's HTTP decoder sent a body part before the response head")
        case .idle:
            receivedUnsolicited(context: context)
        case .closed:
            break
        }
    }

    private func receivedEnd(context: ChannelHandlerContext) {
        switch state {
        case .readingBody(let exchange, let builder):
            finish(exchange, builder, context: context)
        case .sendingRequest, .waitingHead, .bodyEnded:
            preconditionFailure("NIO's HTTP decoder sent a response end before the response head")
        case .idle:
            receivedUnsolicited(context: context)
        case .closed:
            break
        }
    }

    /// Bytes nobody asked for: httpcore finds the idle socket readable and drops the connection.
    private func receivedUnsolicited(context: ChannelHandlerContext) {
        fail(with: .remoteProtocolError(), context: context, close: true)
    }

    func channelReadComplete(context: ChannelHandlerContext) {
        // Any bytes (even half a head) count as activity for the read timeout, as with a socket timeout.
        switch state {
        case .waitingHead, .readingBody: restartReadTimer()
        case .idle, .sendingRequest, .bodyEnded, .closed: break
        }
        context.fireChannelReadComplete()
    }

    func channelInactive(context: ChannelHandlerContext) {
        switch state {
        case .readingBody(let exchange, let builder) where builder.framing == .untilClose:
            // Without NIO's decoder (tests) the end of a read-until-close body is the close itself.
            finish(exchange, builder, context: context)
        case .readingBody(_, let builder):
            fail(with: .remoteProtocolError(builder.truncatedBodyMessage), context: context, close: false)
        case .bodyEnded(var builder, let keepAlive, let leftover):
            // The consumer may ask after the pipeline is gone: leave it what is left. The body ended before the
            // EOF, so h11 had both sides DONE: the pool's next pass finds the idle connection closed.
            leftover.store(
                (builder.buffered > 0 ? [.success(.bytes(builder.take()))] : []) + [.success(.end(keepAlive: keepAlive))])
            state = .bodyEnded(builder, keepAlive: keepAlive, leftover)
        case .idle, .sendingRequest, .waitingHead:
            // httpcore `http11.py:229-231`: EOF before any response bytes.
            fail(with: .remoteProtocolError(), context: context, close: false)
        case .closed:
            break
        }
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        fail(with: poolError(for: error), context: context, close: true)
    }

    // MARK: Completion

    /// The whole body has arrived: the exchange is done once the consumer has taken it all.
    private func finish(_ exchange: Exchange, _ builder: HTTP1ResponseBuilder, context: ChannelHandlerContext) {
        cancelTimers()
        let keepAlive = builder.serverAllowsReuse && !exchange.clientAskedToClose && context.channel.isActive
        state = .bodyEnded(builder, keepAlive: keepAlive, exchange.leftover)
        if let waiter = bodyWaiter {
            bodyWaiter = nil
            readBody(waiter, context: context)
        }
    }

    /// Fails the request in flight (if any), moves to `closed`, and optionally closes the channel.
    private func fail(with error: PoolError, context: ChannelHandlerContext, close: Bool) {
        cancelTimers()
        switch state {
        case .sendingRequest(let exchange), .waitingHead(let exchange):
            state = .closed(error)
            exchange.promise.fail(error)
        case .readingBody(let exchange, var builder):
            state = .closed(error)
            if let waiter = bodyWaiter {
                bodyWaiter = nil
                waiter.fail(error)
            } else {
                exchange.leftover.store(
                    (builder.buffered > 0 ? [.success(.bytes(builder.take()))] : []) + [.failure(error)])
            }
        case .bodyEnded(var builder, let keepAlive, let leftover):
            // Everything arrived; the consumer still gets the rest.
            leftover.store(
                (builder.buffered > 0 ? [.success(.bytes(builder.take()))] : []) + [.success(.end(keepAlive: keepAlive))])
            state = .bodyEnded(builder, keepAlive: keepAlive, leftover)
        case .idle:
            state = .closed(error)
        case .closed:
            return
        }
        if close {
            context.close(promise: nil)
        }
    }

    /// The httpx error for a channel error, worded for the phase the exchange is in.
    private func poolError(for error: any Error) -> PoolError {
        if let error = error as? PoolError { return error }
        if case .sendingRequest = state {
            // While the request is still going out, errors are ours: a refused write, or NIO's encoder
            // rejecting a header (httpx raises `LocalProtocolError` there; the nearest kind here is WriteError).
            return .writeError(Self.describe(error))
        }
        if let parserError = error as? HTTPParserError {
            switch (parserError, state) {
            case (.invalidEOFState, .readingBody(_, let builder)):
                return .remoteProtocolError(builder.truncatedBodyMessage)
            case (.invalidEOFState, _):
                return .remoteProtocolError()
            default:
                return .remoteProtocolError("malformed HTTP response: \(parserError)")
            }
        }
        return .readError(Self.describe(error))
    }

    /// `[Errno 104] Connection reset by peer`-style text for socket errors, as Python prints an `OSError`.
    static func describe(_ error: any Error) -> String {
        if let ioError = error as? IOError {
            return "[Errno \(ioError.errnoCode)] \(String(cString: strerror(ioError.errnoCode)))"
        }
        return String(describing: error)
    }

    // MARK: Timers

    private func restartReadTimer() {
        let exchange: Exchange
        switch state {
        case .waitingHead(let current): exchange = current
        case .readingBody(let current, _) where bodyWaiter != nil: exchange = current
        case .readingBody, .bodyEnded, .idle, .sendingRequest, .closed:
            readTimer.clear()
            return
        }
        guard let timeout = exchange.readTimeout, let context else { return readTimer.clear() }
        readTimer.set(context.eventLoop.now + timeout) { arm(\.readTimer, at: $0, error: .readTimeout) }
    }

    /// Schedules NIO's timer for the ``DeadlineTimer`` at `timer`; when it goes off, the timeout expires (and fails
    /// the exchange in flight with `error`) or is armed again for its later deadline.
    private func arm(
        _ timer: ReferenceWritableKeyPath<HTTP1ClientChannelHandler, DeadlineTimer>, at time: NIODeadline,
        error: PoolError
    ) -> Scheduled<Void>? {
        guard let context else { return nil }
        return context.eventLoop.assumeIsolated().scheduleTask(deadline: time) {
            switch self[keyPath: timer].fired(now: context.eventLoop.now) {
            case .nothing:
                break
            case .rearm(let later):
                let task = self.arm(timer, at: later, error: error)
                self[keyPath: timer].rearmed(at: later, task)
            case .expired:
                guard self.isInFlight, let context = self.context else { return }
                self.fail(with: error, context: context, close: true)
            }
        }
    }

    private var isInFlight: Bool {
        switch state {
        case .sendingRequest, .waitingHead, .readingBody: true
        case .bodyEnded, .idle, .closed: false
        }
    }

    /// The exchange is over: its timeouts stop (their armed timers stay for the next exchange; see ``DeadlineTimer``).
    private func cancelTimers() {
        readTimer.clear()
        writeTimer.clear()
    }
}

@available(*, unavailable)
extension HTTP1ClientChannelHandler: Sendable {}

/// The last parts of a body whose channel went away before the consumer asked for them (the pipeline is torn down
/// on close, so later commands cannot reach the handler). Filled once on the event loop, drained by the reader.
final class HTTP1BodyLeftover: Sendable {
    private let parts = Mutex<[Result<PoolBodyPart, PoolError>]>([])

    /// Keeps the first set stored; later calls (the pipeline's teardown after an EOF) have nothing newer.
    func store(_ new: [Result<PoolBodyPart, PoolError>]) {
        parts.withLock { if $0.isEmpty { $0 = new } }
    }

    /// The next stored part, if any; the final part stays so that reading again repeats it.
    func next() -> Result<PoolBodyPart, PoolError>? {
        parts.withLock { $0.isEmpty ? nil : ($0.count > 1 ? $0.removeFirst() : $0[0]) }
    }
}
