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
        let tooLarge = (error as? HTTPParserError) == .headerOverflow
        reject(tooLarge ? .headersTooLarge(limit: server.configuration.maxHeaderBytes) : .malformedRequest,
            context: context)
    }

    /// 431 when the head is over ``MockServerConfiguration/maxHeaderBytes`` (request line plus header
    /// lines), 413 when the declared `content-length` is over ``MockServerConfiguration/maxBodyBytes``.
    func rejectOversizeHead(_ head: HTTPRequestHead, context: ChannelHandlerContext) {
        let configuration = server.requestSizeLimits
        let size = head.uri.utf8.count + 16 + head.headers.reduce(0) { $0 + $1.name.utf8.count + $1.value.utf8.count + 4 }
        if size > configuration.maxHeaderBytes {
            reject(.headersTooLarge(limit: configuration.maxHeaderBytes), context: context)
        } else if let length = head.headers.first(name: "content-length").flatMap({ Int($0) }),
            length > configuration.maxBodyBytes
        {
            reject(.bodyTooLarge(limit: configuration.maxBodyBytes), context: context)
        }
    }

    /// Answers with `error` and `Connection: close` at once (no latency), then closes; the request is
    /// recorded with that status. When a response has already started, just closes.
    func reject(_ error: OpenAIError, context: ChannelHandlerContext) {
        if canSendErrorResponse {
            abandonExchange(context: context, status: Int(error.status.code), served: true)
            let response = MockResponse.error(error)
            var body = context.channel.allocator.buffer(capacity: response.body.utf8.count)
            body.writeString(response.body)
            var headers = response.headers
            headers.replaceOrAdd(name: "content-length", value: String(body.readableBytes))
            headers.replaceOrAdd(name: "connection", value: "close")
            let head = HTTPResponseHead(version: .http1_1, status: response.status, headers: headers)
            context.write(wrapOutboundOut(.head(head)), promise: nil)
            context.write(wrapOutboundOut(.body(.byteBuffer(body))), promise: nil)
            let tooLarge = error.status == .payloadTooLarge || error.status == .requestHeaderFieldsTooLarge
            closeAfterResponse(
                context: context,
                reason: tooLarge ? ConnectionRecord.Reason.tooLarge : ConnectionRecord.Reason.protocolError)
        } else {
            closeNow(
                context: context,
                by: ConnectionRecord.Closer.server,
                reason: ConnectionRecord.Reason.protocolError
            )
        }
    }
}
