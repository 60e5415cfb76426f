import NIOCore
import NIOHTTP1
import PoolCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs one HTTP/1.1 exchange at a time on a client channel: writes a `PoolRequest` as request parts and
/// gathers the response parts into a `PoolResponse`.
///
/// It sits after NIO's `addHTTPClientHandlers()` and is driven by writing a `Command` into the pipeline (as
/// AHC's `HTTP1ClientChannelHandler` is driven by `HTTPExecutableRequest`). States:
///
/// ```
/// idle ─write─▶ sendingRequest ─end written─▶ waitingHead ─head─▶ readingBody ─end─▶ idle (keep-alive)
///                                                                               └──▶ closed (otherwise)
/// any state ─timeout / error / EOF─▶ closed
/// ```
///
/// Timeouts follow httpcore, which wraps each socket operation in its own timeout: the write timer covers
/// sending the whole request, the read timer starts once the request is written and restarts on every read.
final class HTTP1ClientChannelHandler: ChannelDuplexHandler {
    typealias InboundIn = HTTPClientResponsePart
    typealias OutboundIn = Command
    typealias OutboundOut = HTTPClientRequestPart

    /// One request to run, and the promise that receives its response or its `PoolError`.
    struct Command: Sendable {
        var request: PoolRequest
        var promise: EventLoopPromise<PoolResponse>
    }

    /// What the handler must remember about the request in flight.
    private struct Exchange {
        let id: Int
        let promise: EventLoopPromise<PoolResponse>
        let method: String
        let clientAskedToClose: Bool
        let readTimeout: TimeAmount?
    }

    private enum State {
        case idle
        case sendingRequest(Exchange)
        case waitingHead(Exchange)
        case readingBody(Exchange, HTTP1ResponseBuilder)
        /// No further request may run; a late `Command` fails with this error.
        case closed(PoolError)
    }

    private var state = State.idle
    private var context: ChannelHandlerContext?
    /// Bumped for each request, so that a timer or write completion of an earlier exchange is ignored.
    private var exchangeID = 0
    private var readTimer: Scheduled<Void>?
    private var writeTimer: Scheduled<Void>?

    init() {}

    func handlerAdded(context: ChannelHandlerContext) {
        self.context = context
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        fail(with: .remoteProtocolError(), context: context, close: false)
        self.context = nil
    }

    // MARK: Outbound

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        let command = unwrapOutboundIn(data)
        // From here on this handler owns `command.promise`; the write itself has been taken.
        promise?.succeed(())
        switch state {
        case .idle:
            start(command, context: context)
        case .closed(let error):
            command.promise.fail(error)
        case .sendingRequest, .waitingHead, .readingBody:
            command.promise.fail(PoolError.writeError("HTTP/1.1 connection is busy with another request."))
        }
    }

    private func start(_ command: Command, context: ChannelHandlerContext) {
        exchangeID += 1
        let request = command.request
        let exchange = Exchange(
            id: exchangeID,
            promise: command.promise,
            method: request.method.uppercased(),
            clientAskedToClose: HTTP1Framing.asksToClose(request.headers),
            readTimeout: request.timeouts.read.map(TimeAmount.init)
        )
        state = .sendingRequest(exchange)
        if let writeTimeout = request.timeouts.write {
            writeTimer = schedule(after: TimeAmount(writeTimeout), id: exchange.id, error: .writeTimeout)
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
        writeTimer?.cancel()
        writeTimer = nil
        switch result {
        case .failure(let error):
            fail(with: .writeError(Self.describe(error)), context: context, close: true)
        case .success:
            switch state {
            case .sendingRequest(let exchange):
                state = .waitingHead(exchange)
                restartReadTimer()
            case .waitingHead, .readingBody, .idle, .closed:
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
            state = .readingBody(exchange, HTTP1ResponseBuilder(head: head, requestMethod: exchange.method))
            restartReadTimer()
        case .readingBody:
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
            state = .readingBody(exchange, builder)
            restartReadTimer()
        case .sendingRequest, .waitingHead:
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
        case .sendingRequest, .waitingHead:
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
        case .idle, .sendingRequest, .closed: break
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

    private func finish(_ exchange: Exchange, _ builder: HTTP1ResponseBuilder, context: ChannelHandlerContext) {
        cancelTimers()
        let keepAlive = builder.serverAllowsReuse && !exchange.clientAskedToClose && context.channel.isActive
        state = keepAlive ? .idle : .closed(.remoteProtocolError())
        exchange.promise.succeed(builder.response(keepAlive: keepAlive))
        if !keepAlive {
            // httpcore closes a connection that cannot be reused as soon as the response closes.
            context.close(promise: nil)
        }
    }

    /// Fails the request in flight (if any), moves to `closed`, and optionally closes the channel.
    private func fail(with error: PoolError, context: ChannelHandlerContext, close: Bool) {
        cancelTimers()
        switch state {
        case .sendingRequest(let exchange), .waitingHead(let exchange), .readingBody(let exchange, _):
            state = .closed(error)
            exchange.promise.fail(error)
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
        readTimer?.cancel()
        readTimer = nil
        let exchange: Exchange
        switch state {
        case .waitingHead(let current), .readingBody(let current, _): exchange = current
        case .idle, .sendingRequest, .closed: return
        }
        if let timeout = exchange.readTimeout {
            readTimer = schedule(after: timeout, id: exchange.id, error: .readTimeout)
        }
    }

    private func schedule(after delay: TimeAmount, id: Int, error: PoolError) -> Scheduled<Void>? {
        guard let context else { return nil }
        return context.eventLoop.assumeIsolated().scheduleTask(in: delay) {
            // A timer that outlived its exchange (cancelled too late) must not touch the next one.
            guard id == self.exchangeID, self.isInFlight, let context = self.context else { return }
            self.fail(with: error, context: context, close: true)
        }
    }

    private var isInFlight: Bool {
        switch state {
        case .sendingRequest, .waitingHead, .readingBody: true
        case .idle, .closed: false
        }
    }

    private func cancelTimers() {
        readTimer?.cancel()
        readTimer = nil
        writeTimer?.cancel()
        writeTimer = nil
    }
}

@available(*, unavailable)
extension HTTP1ClientChannelHandler: Sendable {}
