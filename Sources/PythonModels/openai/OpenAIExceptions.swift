import PoolScript

/// openai's exception classes (`openai/_exceptions.py`).
final class OpenAIExceptions {
    let openAIError, apiError, apiStatusError, apiConnectionError, apiTimeoutError, apiResponseValidationError,
        badRequestError, authenticationError, permissionDeniedError, notFoundError, conflictError,
        unprocessableEntityError, rateLimitError, internalServerError: ExceptionClass

    init() {
        func make(_ name: String, _ base: ExceptionClass) -> ExceptionClass {
            ExceptionClass(name: name, module: "openai", base: base)
        }
        openAIError = make("OpenAIError", .exception)
        apiError = make("APIError", openAIError)
        apiStatusError = make("APIStatusError", apiError)
        apiConnectionError = make("APIConnectionError", apiError)
        apiTimeoutError = make("APITimeoutError", apiConnectionError)
        apiResponseValidationError = make("APIResponseValidationError", apiError)
        badRequestError = make("BadRequestError", apiStatusError)
        authenticationError = make("AuthenticationError", apiStatusError)
        permissionDeniedError = make("PermissionDeniedError", apiStatusError)
        notFoundError = make("NotFoundError", apiStatusError)
        conflictError = make("ConflictError", apiStatusError)
        unprocessableEntityError = make("UnprocessableEntityError", apiStatusError)
        rateLimitError = make("RateLimitError", apiStatusError)
        internalServerError = make("InternalServerError", apiStatusError)
    }

    var all: [ExceptionClass] {
        [
            openAIError, apiError, apiStatusError, apiConnectionError, apiTimeoutError, apiResponseValidationError,
            badRequestError, authenticationError, permissionDeniedError, notFoundError, conflictError,
            unprocessableEntityError, rateLimitError, internalServerError,
        ]
    }

    /// `_make_status_error_from_response` (`openai/_base_client.py:481-507`, 3.57.0): the text is
    /// `Error code: N`, plus ` - MESSAGE` when the body is JSON with a non-empty string `error.message` (or a
    /// top-level `message`); the error carries `status_code` and `body` (the `error` object, `_client.py:642`).
    func statusError(_ response: ResponseObject) -> PythonError {
        let requestID = response.response.headers.first { $0.name.lowercased() == "x-request-id" }?.value
        var e = statusError(
            status: response.response.status, text: response.text.trimmingCharacters(in: .whitespacesAndNewlines),
            requestID: requestID)
        e.attributes["response"] = .object(response)
        return e
    }

    func statusError(status: Int, text: String, requestID: String? = nil) -> PythonError {
        var message = "Error code: \(status)"
        var body: Value = .str(text)
        if let json = try? JSON.parse(text) {
            body = json
            var error = json
            if case .dict(let dict) = json, let inner = dict[.str("error")] { error = inner }
            if case .dict(let fields) = error, case .str(let text)? = fields[.str("message")], !text.isEmpty {
                message += " - " + text
            }
            if case .dict(let dict) = json { body = dict[.str("error")] ?? json }
        }
        var e = PythonError(statusError(status), message)
        e.attributes = [
            "status_code": .int(status), "body": body, "message": .str(message),
            "request_id": requestID.map(Value.str) ?? Value.none,
        ]
        if case .dict(let fields) = body {
            for name in ["code", "param", "type"] { e.attributes[name] = fields[.str(name)] ?? Value.none }
        }
        return e
    }

    /// `_make_status_error` in `openai/_client.py`: the class for a status code.
    func statusError(_ status: Int) -> ExceptionClass {
        switch status {
        case 400: badRequestError
        case 401: authenticationError
        case 403: permissionDeniedError
        case 404: notFoundError
        case 409: conflictError
        case 422: unprocessableEntityError
        case 429: rateLimitError
        case 500...: internalServerError
        default: apiStatusError
        }
    }
}
