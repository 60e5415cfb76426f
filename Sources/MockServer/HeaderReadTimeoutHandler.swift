import NIOCore

/// Closes slowloris connections: once the first byte of a request head arrives, the whole head must
/// arrive within ``MockServerConfiguration/headerReadTimeout``.
///
/// Sits first in the pipeline, in front of the HTTP decoder, because only raw bytes show that a head
/// has *started*. ``MockHTTPHandler`` tells it when a head is complete (``headReceived()``) and when the
/// connection waits for the next one (``awaitHead()``). On expiry it sends ``Expired`` down the
/// pipeline, and ``MockHTTPHandler`` records the close and closes.
final class HeaderReadTimeoutHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer

    /// The user event sent when a request head took too long.
    struct Expired: Sendable {}

    private let server: MockServerState
    private var awaitingHead = true
    /// When the head being awaited started arriving; `nil` until its first byte.
    private var headStartedAt: NIODeadline?
    /// At most one pending check per connection: a finished head does not cancel it (scheduling and
    /// cancelling a timer per request costs more than the request); when it fires it re-arms for the head
    /// in progress, if any.
    private var timer: Scheduled<Void>?

    init(server: MockServerState) {
        self.server = server
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        if awaitingHead, headStartedAt == nil {
            let now = context.eventLoop.now
            headStartedAt = now
            if timer == nil, let timeout = server.configuration.headerReadTimeout {
                arm(context: context, at: now + TimeAmount(timeout), timeout: timeout)
            }
        }
        context.fireChannelRead(data)
    }

    /// Checks at `deadline` whether the head in progress started `timeout` or more ago.
    private func arm(context: ChannelHandlerContext, at deadline: NIODeadline, timeout: Duration) {
        timer = context.eventLoop.assumeIsolated().scheduleTask(deadline: deadline) {
            self.timer = nil
            guard self.awaitingHead, let started = self.headStartedAt else { return }
            let expiry = started + TimeAmount(timeout)
            if context.eventLoop.now >= expiry {
                context.fireUserInboundEventTriggered(Expired())
            } else {
                self.arm(context: context, at: expiry, timeout: timeout)
            }
        }
    }

    /// A complete head arrived: stop the clock (the pending check finds nothing to do).
    func headReceived() {
        awaitingHead = false
        headStartedAt = nil
    }

    /// The connection is idle again: the next byte starts the clock.
    func awaitHead() {
        awaitingHead = true
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        timer?.cancel()
        timer = nil
    }
}

@available(*, unavailable)
extension HeaderReadTimeoutHandler: Sendable {}
