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
    private var timer: Scheduled<Void>?

    init(server: MockServerState) {
        self.server = server
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        if awaitingHead, timer == nil, let timeout = server.configuration.headerReadTimeout {
            timer = context.eventLoop.assumeIsolated().scheduleTask(in: TimeAmount(timeout)) {
                self.timer = nil
                guard self.awaitingHead else { return }
                context.fireUserInboundEventTriggered(Expired())
            }
        }
        context.fireChannelRead(data)
    }

    /// A complete head arrived: stop the clock.
    func headReceived() {
        awaitingHead = false
        timer?.cancel()
        timer = nil
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
