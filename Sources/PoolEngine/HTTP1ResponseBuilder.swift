import NIOCore
import NIOHTTP1
import PoolCore

/// Collects the parts of one HTTP/1.1 response (head, body chunks) until its end.
///
/// A value type held inside `HTTP1ClientChannelHandler`'s state; the handler moves it out of the state before
/// appending, so the body buffer is never copied.
struct HTTP1ResponseBuilder {
    let head: HTTPResponseHead
    let framing: HTTP1Framing.BodyFraming
    private(set) var body: ByteBuffer

    init(head: HTTPResponseHead, requestMethod: String) {
        self.head = head
        self.framing = HTTP1Framing.framing(of: head, requestMethod: requestMethod)
        self.body = ByteBuffer()
    }

    /// Appends one body part.
    mutating func append(_ buffer: ByteBuffer) {
        body.writeImmutableBuffer(buffer)
    }

    /// Whether the server allows another request on this connection, judged from the response alone.
    ///
    /// NIO's `isKeepAlive` is h11's rule: HTTP/1.1 unless `Connection: close`, HTTP/1.0 only with
    /// `Connection: keep-alive`. A body that runs until close can never be followed by another response.
    var serverAllowsReuse: Bool {
        head.isKeepAlive && framing != .untilClose
    }

    /// The finished response.
    ///
    /// - Parameter keepAlive: the handler's verdict (both sides done, nobody asked to close).
    func response(keepAlive: Bool) -> PoolResponse {
        PoolResponse(
            status: head.status.code.toInt,
            reason: head.status.reasonPhrase,
            httpVersion: "HTTP/\(head.version.major).\(head.version.minor)",
            headers: head.headers.map { (name: $0.name, value: $0.value) },
            body: Array(body.readableBytesView),
            keepAlive: keepAlive
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
            return "\(prefix) (received \(body.readableBytes) bytes, expected \(expected))"
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
