import NIOCore

/// Counts the raw bytes a connection reads and writes, for the ledger's per-connection and per-request
/// byte counts. Sits first in the pipeline (in front of the HTTP codec), so it sees the wire bytes;
/// ``MockHTTPHandler`` reads the counters. Writes count when they are handed to the socket channel
/// (before the flush), so a response's bytes are known before its request is recorded as finished.
final class ByteCountingHandler: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer
    typealias OutboundIn = IOData
    typealias OutboundOut = IOData

    /// Bytes read from the client so far.
    private(set) var bytesIn = 0
    /// Bytes written to the client so far.
    private(set) var bytesOut = 0

    init() {}

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        bytesIn += unwrapInboundIn(data).readableBytes
        context.fireChannelRead(data)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        bytesOut += unwrapOutboundIn(data).readableBytes
        context.write(data, promise: promise)
    }
}

@available(*, unavailable)
extension ByteCountingHandler: Sendable {}
