import NIOHTTP1

/// An error response in OpenAI's shape: `{"error":{"message":…,"type":…,"param":null,"code":…}}`.
///
/// The SDK unwraps `body["error"]` and exposes `e.message`, `e.type`, `e.param` and `e.code`; which
/// statuses it retries is decided by the status alone (408, 409, 429 and ≥500 are retried; see
/// `openai/_base_client.py` `_should_retry`). Messages follow what api.openai.com sends.
struct OpenAIError: Error, Hashable {
    var status: HTTPResponseStatus
    var message: String
    var type: String
    var param: String?
    var code: String?

    /// The JSON body.
    var body: JSONValue {
        .object([
            (
                "error",
                .object([
                    ("message", .string(message)),
                    ("type", .string(type)),
                    ("param", param.map(JSONValue.string) ?? .null),
                    ("code", code.map(JSONValue.string) ?? .null),
                ])
            )
        ])
    }

    /// 400: the body is not JSON (or not a JSON object).
    static let invalidJSON = OpenAIError(
        status: .badRequest,
        message: "We could not parse the JSON body of your request. The OpenAI API expects a JSON payload, "
            + "but what was sent was not valid JSON.",
        type: "invalid_request_error",
        code: nil
    )

    /// 400: a required body field is missing or has the wrong type.
    static func missingParameter(_ name: String) -> OpenAIError {
        OpenAIError(
            status: .badRequest,
            message: "Missing required parameter: '\(name)'.",
            type: "invalid_request_error",
            code: "missing_required_parameter"
        )
    }

    /// 400: a parameter this mock does not support yet.
    static func unsupported(_ what: String) -> OpenAIError {
        OpenAIError(
            status: .badRequest,
            message: "\(what) is not supported by the PoolPlay mock server yet.",
            type: "invalid_request_error",
            code: "unsupported_parameter"
        )
    }

    /// 400: the HTTP request itself could not be parsed; the connection is closed after it.
    static let malformedRequest = OpenAIError(
        status: .badRequest,
        message: "Malformed HTTP request.",
        type: "invalid_request_error",
        code: nil
    )

    /// 401: no `Authorization: Bearer …` header.
    static let missingAPIKey = OpenAIError(
        status: .unauthorized,
        message: "You didn't provide an API key. You need to provide your API key in an Authorization header "
            + "using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).",
        type: "invalid_request_error",
        code: nil
    )

    /// 401: a bearer token other than the configured key; the token is redacted as api.openai.com does.
    static func invalidAPIKey(_ key: String) -> OpenAIError {
        let redacted = key.count > 8 ? "\(key.prefix(3))*****\(key.suffix(4))" : "*****"
        return OpenAIError(
            status: .unauthorized,
            message: "Incorrect API key provided: \(redacted). You can find your API key at "
                + "https://platform.openai.com/account/api-keys.",
            type: "invalid_request_error",
            code: "invalid_api_key"
        )
    }

    /// 404: no route for this path.
    static func invalidURL(method: String, path: String) -> OpenAIError {
        OpenAIError(
            status: .notFound,
            message: "Invalid URL (\(method) \(path))",
            type: "invalid_request_error",
            code: nil
        )
    }

    /// 404: the model does not exist.
    static func modelNotFound(_ model: String) -> OpenAIError {
        OpenAIError(
            status: .notFound,
            message: "The model '\(model)' does not exist or you do not have access to it.",
            type: "invalid_request_error",
            code: "model_not_found"
        )
    }

    /// 405: the path exists but not for this method.
    static func methodNotAllowed(method: String, path: String) -> OpenAIError {
        OpenAIError(
            status: .methodNotAllowed,
            message: "Invalid method for URL (\(method) \(path))",
            type: "invalid_request_error",
            code: "method_not_allowed"
        )
    }
}
