import NIOCore

/// Counts the raw bytes a connection reads, for the ledger's per-connection and per-request byte
/// counts. Sits first in the pipeline (in front of the HTTP decoder), so it sees the wire bytes;
/// ``MockHTTPHandler`` reads the counter. The bytes written are counted by ``MockResponseEncoder``, which
/// every response byte passes through.
final class ByteCountingHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer

    /// Bytes read from the client so far.
    private(set) var bytesIn = 0

    init() {}

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        bytesIn += unwrapInboundIn(data).readableBytes
        context.fireChannelRead(data)
    }
}

@available(*, unavailable)
extension ByteCountingHandler: Sendable {}
