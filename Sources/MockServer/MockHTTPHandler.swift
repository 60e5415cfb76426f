import NIOCore
import NIOHTTP1

/// Serves one HTTP/1.1 connection: aggregates each request, answers it after the configured latency,
/// applies keep-alive, idle-timeout and max-requests rules, and writes everything to the ledger.
///
/// Sits after NIO's `HTTPServerPipelineHandler`, which hands over one request at a time and holds
/// pipelined ones back until the previous response's `.end` is written, so responses go out in order.
/// The latency and the idle timeout are tasks scheduled on the connection's event loop, so a slow
/// response never blocks other connections.
///
/// Ledger writes happen *before* the bytes that reveal them go out (a response's request is finished
/// before its `.end` is written; a server close is recorded before `close()`), so a client that has
/// read a response or seen EOF always finds the ledger already up to date.
final class MockHTTPHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    /// A request being received or answered.
    struct Exchange {
        var request: MockRequest
        var match: Route.Match
        /// The ledger id; `nil` for admin routes, which are not recorded.
        var requestID: Int?
        /// The knobs for this request (the server's, with its `x-poolplay-<knob>` headers applied); set when
        /// the request is complete. Boxed: an exchange is copied several times per request, and one
        /// reference copies cheaper than the configuration's many fields.
        var configuration: Knobs?
        /// Tokens kept against the `tpm` limit after settling; `nil` without a limit.
        var tokens: Int?
        /// When the response head was written, and whether the body is chunked (its end adds `0\r\n\r\n`).
        var firstByteAt: Double?
        var chunked = false
        /// The connection's bytes written when this response started.
        var bytesOutAtStart = 0
    }

    /// A request's configuration, shared by the copies of its ``Exchange``.
    final class Knobs: Sendable {
        let value: MockServerConfiguration
        init(_ value: MockServerConfiguration) { self.value = value }
    }

    /// Where the connection is. Parts arrive in order `head, body*, end` (the HTTP decoder and the
    /// pipeline handler guarantee it), so other combinations are preconditions.
    enum State {
        /// Waiting for a request head; the idle timer may run. Next: `receiving`, `closed`.
        case idle
        /// A head arrived, the body is accumulating. Next: `responding`, `closed`.
        case receiving(Exchange)
        /// The request is complete; the response waits for its latency task (`nil` when sent at once).
        /// Next: `idle` (keep-alive), `closed`.
        case responding(Exchange, Scheduled<Void>?)
        /// The server decided to close, or the channel went inactive. Terminal; input is ignored.
        case closed
    }

    let server: MockServerState
    var state: State = .idle
    var connectionID = 0
    var responsesWritten = 0
    private var idleTimer: Scheduled<Void>?
    /// The client half-closed while a response was pending: close once it is written.
    var inputClosed = false
    /// The connection's counter of bytes read (first in the pipeline); `nil` in pipelines without one.
    var bytes: ByteCountingHandler?
    /// The connection's response encoder, which counts the bytes written and is told each request's method;
    /// `nil` in pipelines with NIO's encoder instead.
    var encoder: MockResponseEncoder?
    /// The connection's header-read timeout (in front of the decoder); `nil` in pipelines without one.
    var headerTimeout: HeaderReadTimeoutHandler?
    /// The connection's bytes read when the previous request finished (the start of the next one's).
    var bytesInMark = 0

    init(server: MockServerState) {
        self.server = server
    }

    // MARK: Connection lifecycle

    func channelActive(context: ChannelHandlerContext) {
        let port = context.remoteAddress?.port ?? 0
        bytes = try? context.pipeline.syncOperations.handler(type: ByteCountingHandler.self)
        headerTimeout = try? context.pipeline.syncOperations.handler(type: HeaderReadTimeoutHandler.self)
        encoder = try? context.pipeline.syncOperations.handler(type: MockResponseEncoder.self)
        let now = self.now(context)
        connectionID = server.record { $0.connectionOpened(clientPort: port, at: now) }
        context.fireChannelActive()
        guard server.register(context.channel, id: connectionID) else {
            closeNow(context: context, by: ConnectionRecord.Closer.server, reason: ConnectionRecord.Reason.shutdown)
            return
        }
        if let limit = server.configuration.maxConcurrentConnections, server.openConnections > limit {
            closeNow(context: context, by: ConnectionRecord.Closer.server, reason: ConnectionRecord.Reason.maxConnections)
            return
        }
        scheduleIdleTimer(context: context)
    }

    func channelInactive(context: ChannelHandlerContext) {
        abandonExchange(context: context)
        state = .closed
        server.unregister(id: connectionID)
        let shuttingDown = server.isShuttingDown
        recordClose(
            context: context,
            by: shuttingDown ? ConnectionRecord.Closer.server : ConnectionRecord.Closer.client,
            reason: shuttingDown ? ConnectionRecord.Reason.shutdown : ConnectionRecord.Reason.clientEOF
        )
        context.fireChannelInactive()
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        idleTimer?.cancel()
        idleTimer = nil
    }

    /// Handles a client half-close (`ChannelEvent.inputClosed`, delivered in order by NIO's pipeline
    /// handler when `allowRemoteHalfClosure` is on): finish the pending response, then close.
    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if event is HeaderReadTimeoutHandler.Expired {
            closeNow(context: context, by: ConnectionRecord.Closer.server, reason: ConnectionRecord.Reason.headerTimeout)
            return
        }
        guard case .inputClosed = event as? ChannelEvent else {
            context.fireUserInboundEventTriggered(event)
            return
        }
        switch state {
        case .responding:
            inputClosed = true
        case .idle, .receiving:
            closeNow(context: context, by: ConnectionRecord.Closer.client, reason: ConnectionRecord.Reason.clientEOF)
        case .closed:
            break
        }
    }

    // MARK: Requests

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let part = unwrapInboundIn(data)
        switch (state, part) {
        case (.closed, _):
            return
        case (.idle, .head(let head)):
            idleTimer?.cancel()
            idleTimer = nil
            encoder?.requestArrived(method: head.method)
            let request = MockRequest(head: head, body: context.channel.allocator.buffer(capacity: 0))
            let match = Route.match(method: head.method, path: request.path)
            var requestID: Int?
            if !match.isAdmin {
                let now = self.now(context)
                let connectionID = self.connectionID
                let phase = server.advanceScenario(at: context.eventLoop.now)
                requestID = server.record {
                    $0.requestStarted(
                        connectionID: connectionID,
                        method: head.method.rawValue,
                        path: request.path,
                        retryCount: request.retryCount,
                        phase: phase,
                        at: now
                    )
                }
            }
            state = .receiving(Exchange(request: request, match: match, requestID: requestID))
            headerTimeout?.headReceived()
            rejectOversizeHead(head, context: context)
        case (.receiving(var exchange), .body(var chunk)):
            state = .idle  // drop the enum's reference so the buffer is not copied on write
            exchange.request.body.writeBuffer(&chunk)
            state = .receiving(exchange)
            let limit = server.requestSizeLimits.maxBodyBytes
            if exchange.request.body.readableBytes > limit {
                reject(.bodyTooLarge(limit: limit), context: context)
            }
        case (.receiving(let exchange), .end):
            requestComplete(context: context, exchange: exchange)
        case (.idle, .body), (.idle, .end), (.receiving, .head), (.responding, _):
            preconditionFailure("Invalid request part \(part) in state \(state)")
        }
    }

    // MARK: Closing

    /// Records the close, writes `.end`, and closes once it is flushed.
    func closeAfterResponse(
        context: ChannelHandlerContext,
        by closer: String = ConnectionRecord.Closer.server,
        reason: String
    ) {
        state = .closed
        recordClose(context: context, by: closer, reason: reason)
        context.writeAndFlush(wrapOutboundOut(.end(nil))).assumeIsolated().whenComplete { _ in
            context.close(promise: nil)
        }
    }

    /// Records a close and closes the channel at once.
    func closeNow(context: ChannelHandlerContext, by closer: String, reason: String) {
        abandonExchange(context: context)
        state = .closed
        recordClose(context: context, by: closer, reason: reason)
        context.close(promise: nil)
    }

    /// Records the close in the ledger; only the first call per connection counts.
    func recordClose(context: ChannelHandlerContext, by closer: String, reason: String) {
        idleTimer?.cancel()
        idleTimer = nil
        let now = self.now(context)
        let id = connectionID
        let (bytesIn, bytesOut) = (bytes?.bytesIn ?? 0, encoder?.bytesOut ?? 0)
        server.record { book in
            book.connectionBytes(id: id, bytesIn: bytesIn, bytesOut: bytesOut)
            book.connectionClosed(id: id, by: closer, reason: reason, at: now)
        }
    }

    /// Whether no response has started, so an error response may still be written.
    var canSendErrorResponse: Bool {
        switch state {
        case .idle, .receiving: true
        case .responding, .closed: false
        }
    }

    /// Cancels a pending response and marks its request finished: by default without a response
    /// (status 0, not counted as served).
    func abandonExchange(context: ChannelHandlerContext, status: Int = 0, served: Bool = false) {
        let exchange: Exchange?
        switch state {
        case .idle, .closed:
            exchange = nil
        case .receiving(let current):
            exchange = current
        case .responding(let current, let task):
            task?.cancel()
            exchange = current
        }
        if let id = exchange?.requestID {
            server.finishRequest(id: id, status: status, served: served, at: now(context))
        }
    }

    // MARK: Timers and time

    /// (Re)starts the idle timer with the idle timeout configured right now (or `timeout`, the one a
    /// request just read: saves a second read of the configuration per request), if any.
    func scheduleIdleTimer(context: ChannelHandlerContext, timeout: Duration?? = nil) {
        idleTimer?.cancel()
        idleTimer = nil
        guard let timeout = timeout ?? server.configuration.idleTimeout else { return }
        idleTimer = context.eventLoop.assumeIsolated().scheduleTask(in: TimeAmount(timeout)) {
            guard case .idle = self.state else { return }
            self.closeNow(
                context: context,
                by: ConnectionRecord.Closer.server,
                reason: ConnectionRecord.Reason.idleTimeout
            )
        }
    }

    /// Seconds since server start, on the event loop's clock (virtual on `EmbeddedEventLoop`).
    func now(_ context: ChannelHandlerContext) -> Double {
        server.seconds(at: context.eventLoop.now)
    }
}

@available(*, unavailable)
extension MockHTTPHandler: Sendable {}

extension Duration {
    /// Whole milliseconds, rounded down.
    var milliseconds: Int64 {
        let (seconds, attoseconds) = components
        return seconds * 1000 + attoseconds / 1_000_000_000_000_000
    }
}
