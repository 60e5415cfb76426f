import NIOHTTP1
import TrafficModels

/// The errors of limits and injected faults, worded as api.openai.com words its own.
extension OpenAIError {
    /// 429 `rate_limit_exceeded`, type `requests` (openai-wire §6).
    static func rateLimited(_ what: String, limit: Int) -> OpenAIError {
        OpenAIError(
            status: .tooManyRequests,
            message: "Rate limit reached for the PoolPlay mock on \(what): Limit \(limit). Please try again later.",
            type: "requests",
            code: "rate_limit_exceeded"
        )
    }

    /// 429 `rate_limit_exceeded` from a per-minute bucket, worded as api.openai.com words it:
    /// `… on tokens per min (TPM): Limit 6000, Used 5900, Requested 250. Please try again in 1.5s.`
    /// Type `tokens` for the token limit, `requests` otherwise.
    static func rateLimitedPerMinute(
        _ what: String, tokens: Bool, limit: Int, used: Int, requested: Int, retryAfter: Duration
    ) -> OpenAIError {
        OpenAIError(
            status: .tooManyRequests,
            message: "Rate limit reached for the PoolPlay mock in organization org-poolplay on \(what): "
                + "Limit \(limit), Used \(used), Requested \(requested). "
                + "Please try again in \(DurationText.formatReset(retryAfter)).",
            type: tokens ? "tokens" : "requests",
            code: "rate_limit_exceeded"
        )
    }

    /// An injected status: 500 and 503 with OpenAI's server wording, 429 as a rate limit, others generic.
    static func injected(_ code: Int) -> OpenAIError {
        let status = HTTPResponseStatus(statusCode: code)
        switch code {
        case 429: return .rateLimited("requests (injected fault)", limit: 0)
        case 503:
            return OpenAIError(
                status: status, message: "The server is overloaded or not ready yet. (injected fault)",
                type: "server_error", code: nil)
        case 500...599:
            return OpenAIError(
                status: status, message: "The server had an error while processing your request. (injected fault)",
                type: "server_error", code: nil)
        default:
            return OpenAIError(
                status: status, message: "\(status.reasonPhrase) (injected fault)", type: "invalid_request_error",
                code: nil)
        }
    }

    /// 400: an `x-poolplay-<knob>` request header the mock cannot apply.
    static func invalidKnobHeader(_ name: String, _ problem: String) -> OpenAIError {
        OpenAIError(
            status: .badRequest, message: "Invalid header \(name.lowercased()): \(problem)",
            type: "invalid_request_error", code: "invalid_poolplay_header")
    }

    /// 413: the request body is over ``MockServerConfiguration/maxBodyBytes``.
    static func bodyTooLarge(limit: Int) -> OpenAIError {
        OpenAIError(
            status: .payloadTooLarge, message: "The request body is larger than the limit of \(limit) bytes.",
            type: "invalid_request_error", code: "request_too_large")
    }

    /// 431: the request head is over ``MockServerConfiguration/maxHeaderBytes``.
    static func headersTooLarge(limit: Int) -> OpenAIError {
        OpenAIError(
            status: .requestHeaderFieldsTooLarge,
            message: "The request headers are larger than the limit of \(limit) bytes.",
            type: "invalid_request_error", code: "request_headers_too_large")
    }
}
