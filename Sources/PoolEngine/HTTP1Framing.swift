import NIOHTTP1
import PoolCore

/// The HTTP/1.1 header rules the connection applies on the way out and on the way in.
///
/// These mirror what httpx adds before a request reaches httpcore (`httpx/_models.py`, `Request._prepare`): a
/// `Host` header first when the caller gave none, and a `Content-Length` when the request has a body (or is a
/// `POST`/`PUT`/`PATCH`, which httpx always frames, with `Content-Length: 0` when empty). Everything the caller
/// gave is kept, in order.
enum HTTP1Framing {
    /// The request head for `request`: its method and target, HTTP/1.1, and its headers with `Host` and
    /// `Content-Length` added when missing.
    ///
    /// - Parameter request: the pool's request.
    /// - Returns: the head to hand to NIO's `HTTPRequestEncoder`. Because it always carries a `Content-Length`
    ///   when there is a body, the encoder never switches to chunked transfer encoding.
    static func requestHead(for request: PoolRequest) -> HTTPRequestHead {
        var headers = HTTPHeaders()
        if !request.headers.contains(where: { $0.name.lowercased() == "host" }) {
            headers.add(name: "Host", value: hostHeader(for: request.origin))
        }
        for header in request.headers {
            headers.add(name: header.name, value: header.value)
        }
        let framed = request.headers.contains { header in
            let name = header.name.lowercased()
            return name == "content-length" || name == "transfer-encoding"
        }
        let alwaysFramed = ["POST", "PUT", "PATCH"].contains(request.method.uppercased())
        if !framed && (!request.body.isEmpty || alwaysFramed) {
            headers.add(name: "Content-Length", value: String(request.body.count))
        }
        return HTTPRequestHead(
            version: .http1_1,
            method: HTTPMethod(rawValue: request.method),
            uri: request.target,
            headers: headers
        )
    }

    /// The `Host` value httpx sends: `url.netloc`, which leaves out the scheme's default port.
    ///
    /// - Parameter origin: the origin the request goes to.
    /// - Returns: `127.0.0.1:8000` for a non-default port, `example.com` for port 80 on `http`.
    static func hostHeader(for origin: Origin) -> String {
        let defaultPort = origin.scheme.lowercased() == "https" ? 443 : 80
        return origin.port == defaultPort ? origin.host : "\(origin.host):\(origin.port)"
    }

    /// Whether a header list carries `Connection: close` (any letter case, any position in a token list).
    ///
    /// - Parameter headers: request headers in the pool's `(name, value)` form.
    /// - Returns: true when the client asked the server to close after this exchange; h11 then moves the
    ///   client side to `MUST_CLOSE`, so httpcore will not reuse the connection (`http11.py:238-250`).
    static func asksToClose(_ headers: [(name: String, value: String)]) -> Bool {
        headers.contains { header in
            header.name.lowercased() == "connection"
                && header.value.split(separator: ",").contains {
                    $0.trimmingSpaces().lowercased() == "close"
                }
        }
    }

    /// How a response body ends, decided from its head (RFC 9112 §6.3, as h11's `_body_framing` does).
    enum BodyFraming: Equatable {
        /// No body: a `HEAD` request, or status 1xx, 204 or 304.
        case none
        /// `Transfer-Encoding: chunked`.
        case chunked
        /// `Content-Length: n`.
        case contentLength(Int)
        /// Neither: the body runs until the server closes, so the connection can never be reused.
        case untilClose
    }

    /// The framing of a response to a request with method `method`.
    ///
    /// - Parameters:
    ///   - head: the response head.
    ///   - requestMethod: the request's method; a `HEAD` response has no body whatever its headers say.
    /// - Returns: the framing, used for the keep-alive decision and for the wording of a truncated body.
    static func framing(of head: HTTPResponseHead, requestMethod: String) -> BodyFraming {
        let status = head.status.code
        if requestMethod.uppercased() == "HEAD" || (100..<200).contains(status) || status == 204 || status == 304 {
            return .none
        }
        let encodings = head.headers["transfer-encoding"]
        if !encodings.isEmpty, encodings.joined(separator: ",").lowercased().split(separator: ",").contains(where: {
            $0.trimmingSpaces() == "chunked"
        }) {
            return .chunked
        }
        if let length = head.headers.first(name: "content-length").flatMap({ Int($0.trimmingSpaces()) }) {
            return .contentLength(length)
        }
        return .untilClose
    }
}

extension StringProtocol {
    /// The string without leading and trailing spaces and tabs (no Foundation in this target).
    fileprivate func trimmingSpaces() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        guard let start = firstIndex(where: { !isSpace($0) }), let end = lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return String(self[start...end])
    }
}
