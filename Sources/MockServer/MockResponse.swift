import NIOCore
import NIOHTTP1

/// A complete request as the handler aggregated it: head plus body.
struct MockRequest: Sendable {
    var head: HTTPRequestHead
    var body: ByteBuffer

    /// The path without query string.
    var path: String { Route.path(ofURI: head.uri) }

    /// The SDK's `x-stainless-retry-count`, when present and numeric.
    var retryCount: Int? { head.headers.first(name: "x-stainless-retry-count").flatMap { Int($0) } }
}

/// A complete response before the connection-level headers (`content-length`, `connection`,
/// `x-request-id`, `openai-processing-ms`) are added by the handler.
struct MockResponse: Sendable, Equatable {
    var status: HTTPResponseStatus
    var headers: HTTPHeaders
    var body: String
    /// ``body``'s bytes, ready to write, when the responder has them cached (the `GET /v1/models` body);
    /// `nil` otherwise. When set, they are exactly `body`'s UTF-8.
    var bodyBytes: ByteBuffer? = nil
    /// When set, the response is streamed: no `content-length`, `transfer-encoding: chunked`, and each
    /// element written as its own chunk (an SSE frame such as `data: {...}\n\n`); ``body`` is ignored.
    var frames: [String]? = nil
    /// The tokens the body's usage reports (prompt plus completion), which a `tpm` limit keeps; `nil`
    /// for answers without usage (errors, models).
    var usageTokens: Int? = nil

    /// A JSON response with `content-type: application/json`, which the SDK's strict mode requires.
    static func json(_ value: JSONValue, status: HTTPResponseStatus = .ok) -> MockResponse {
        MockResponse(status: status, headers: ["content-type": "application/json"], body: value.serialized())
    }

    /// An OpenAI-shaped error response.
    static func error(_ error: OpenAIError) -> MockResponse {
        .json(error.body, status: error.status)
    }
}

extension MockResponse {
    /// A server-sent-events response (`text/event-stream; charset=utf-8`, `cache-control: no-cache`),
    /// framed as api.openai.com does: one chunk per event.
    static func eventStream(_ frames: [String]) -> MockResponse {
        MockResponse(
            status: .ok,
            headers: ["content-type": "text/event-stream; charset=utf-8", "cache-control": "no-cache"],
            body: "",
            frames: frames
        )
    }
}

extension MockResponse {
    /// Adds the two headers the SDK reads for a retry delay (openai-wire §3): `retry-after-ms` (checked
    /// first, exact) and `retry-after` in whole seconds. Both round up, so a client that waits as told
    /// never comes back before the limit has room.
    mutating func addRetryAfter(_ delay: Duration) {
        let (seconds, attoseconds) = delay.components
        let nanoseconds = max(1, seconds * 1_000_000_000 + (attoseconds + 999_999_999) / 1_000_000_000)
        let milliseconds = (nanoseconds + 999_999) / 1_000_000
        headers.add(name: "retry-after-ms", value: String(milliseconds))
        headers.add(name: "retry-after", value: String((milliseconds + 999) / 1000))
    }
}
