import NIOCore
import NIOHTTP1
import PoolCore

/// Buffers the body of one HTTP/1.1 response between the socket and the consumer.
///
/// A value type held inside `HTTP1ClientChannelHandler`'s state; the handler moves it out of the state before
/// appending, so the body buffer is never copied.
struct HTTP1ResponseBuilder {
    let head: HTTPResponseHead
    let framing: HTTP1Framing.BodyFraming
    /// Received bytes the consumer has not taken yet.
    private var body: ByteBuffer
    /// Every body byte received so far (for h11's truncation message).
    private(set) var received = 0

    init(head: HTTPResponseHead, requestMethod: String) {
        self.head = head
        self.framing = HTTP1Framing.framing(of: head, requestMethod: requestMethod)
        self.body = ByteBuffer()
    }

    /// Appends one body part.
    mutating func append(_ buffer: ByteBuffer) {
        received += buffer.readableBytes
        body.writeImmutableBuffer(buffer)
    }

    /// Bytes waiting for the consumer.
    var buffered: Int { body.readableBytes }

    /// Hands out every buffered byte.
    mutating func take() -> [UInt8] {
        let bytes = body.readBytes(length: body.readableBytes) ?? []
        body.discardReadBytes()
        return bytes
    }

    /// Whether the server allows another request on this connection, judged from the response alone.
    ///
    /// NIO's `isKeepAlive` is h11's rule: HTTP/1.1 unless `Connection: close`, HTTP/1.0 only with
    /// `Connection: keep-alive`. A body that runs until close can never be followed by another response.
    var serverAllowsReuse: Bool {
        head.isKeepAlive && framing != .untilClose
    }

    /// The status line and headers.
    var responseHead: PoolResponseHead {
        PoolResponseHead(
            status: head.status.code.toInt,
            reason: head.status.reasonPhrase,
            httpVersion: "HTTP/\(head.version.major).\(head.version.minor)",
            headers: head.headers.map { (name: $0.name, value: $0.value) }
        )
    }

    /// The message httpx shows when the server closed in the middle of this body.
    ///
    /// h11's wording (`h11/_readers.py`, `ContentLengthReader.read_eof` and `ChunkedReader.read_eof`), which
    /// httpx raises as `httpx.RemoteProtocolError`.
    var truncatedBodyMessage: String {
        let prefix = "peer closed connection without sending complete message body"
        switch framing {
        case .contentLength(let expected):
            return "\(prefix) (received \(received) bytes, expected \(expected))"
        case .chunked:
            return "\(prefix) (incomplete chunked read)"
        case .none, .untilClose:
            return prefix
        }
    }
}

extension UInt {
    fileprivate var toInt: Int { Int(self) }
}
