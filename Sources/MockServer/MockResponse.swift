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

    /// A JSON response with `content-type: application/json`, which the SDK's strict mode requires.
    static func json(_ value: JSONValue, status: HTTPResponseStatus = .ok) -> MockResponse {
        MockResponse(status: status, headers: ["content-type": "application/json"], body: value.serialized())
    }

    /// An OpenAI-shaped error response.
    static func error(_ error: OpenAIError) -> MockResponse {
        .json(error.body, status: error.status)
    }
}
