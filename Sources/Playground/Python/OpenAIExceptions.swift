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
