import NIOCore
import NIOHTTP1

extension MockHTTPHandler {
    /// Answers a malformed request with an OpenAI-shaped 400 and `Connection: close`, then closes;
    /// any other error closes the connection. Errors never leave the connection.
    ///
    /// Like NIO's `HTTPServerProtocolErrorHandler`, the 400 is written synchronously: after a parse
    /// error the decoder accepts no more input, and the 400 may only be sent when no response has
    /// started. An I/O error (typically ECONNRESET) is recorded as a client reset.
    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        guard error is HTTPParserError else {
            let isIO = error is IOError
            closeNow(
                context: context,
                by: isIO ? ConnectionRecord.Closer.client : ConnectionRecord.Closer.server,
                reason: isIO ? ConnectionRecord.Reason.clientReset : "error: \(error)"
            )
            return
        }
        if canSendErrorResponse {
            abandonExchange(context: context, status: 400, served: true)
            let response = MockResponse.error(.malformedRequest)
            var body = context.channel.allocator.buffer(capacity: response.body.utf8.count)
            body.writeString(response.body)
            var headers = response.headers
            headers.replaceOrAdd(name: "content-length", value: String(body.readableBytes))
            headers.replaceOrAdd(name: "connection", value: "close")
            let head = HTTPResponseHead(version: .http1_1, status: response.status, headers: headers)
            context.write(wrapOutboundOut(.head(head)), promise: nil)
            context.write(wrapOutboundOut(.body(.byteBuffer(body))), promise: nil)
            closeAfterResponse(context: context, reason: ConnectionRecord.Reason.protocolError)
        } else {
            closeNow(
                context: context,
                by: ConnectionRecord.Closer.server,
                reason: ConnectionRecord.Reason.protocolError
            )
        }
    }
}
