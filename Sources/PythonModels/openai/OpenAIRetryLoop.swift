import PoolScript
import TrafficModels

extension OpenAIClientObject {
    /// What one attempt of the retry loop got back, short of a transport error (which it throws).
    enum AttemptOutcome {
        /// The call's result: parsed JSON, or a stream handed over at its 2xx head.
        case done(Value)
        /// An answer of 400 or more, read to its end.
        case errorResponse(ResponseObject)
    }

    /// The SDK's retry loop (`_base_client.py`, `request` and `_retry_request`), once for every call shape: plain
    /// and streamed, sync (``Direct`` inside a `BlockingCall`) and async (``Suspending``).
    ///
    /// Transport errors (`httpx.TransportError`) and the answers ``OpenAIRetryPolicy`` retries are tried again
    /// `max_retries` times after the policy's delay; then the SDK's error is raised: `APITimeoutError` or
    /// `APIConnectionError` with the last httpx error as `__cause__`, or the status error for the last answer.
    /// Other errors pass through untouched.
    func retrying(
        _ waiter: some CallWaiting, attempt: (_ retriesTaken: Int) async throws -> AttemptOutcome
    ) async throws -> Value {
        let policy = OpenAIRetryPolicy(maxRetries: maxRetries)
        let transportError = httpClient.stack.exceptions.transportError
        let timeoutException = httpClient.stack.exceptions.timeoutException
        var retriesTaken = 0
        while true {
            let failure: OpenAIRetryPolicy.Failure
            var finalError: PythonError
            do {
                switch try await attempt(retriesTaken) {
                case .done(let value):
                    return value
                case .errorResponse(let response):
                    failure = .status(response.response.status, headers: response.response.headers)
                    finalError = exceptions.statusError(response)
                }
            } catch let error as PythonError where error.type.isSubclass(of: transportError) {
                if error.type.isSubclass(of: timeoutException) {
                    failure = .timeout
                    finalError = PythonError(exceptions.apiTimeoutError, "Request timed out.")
                } else {
                    failure = .connectionError
                    finalError = PythonError(exceptions.apiConnectionError, "Connection error.")
                }
                // `raise APITimeoutError(request=request) from err` (`_base_client.py:1201`, `:1218`): the httpx
                // error of the last attempt is the cause.
                finalError.setCause(error)
            }
            guard case .retry(let seconds) = policy.decide(failure, retriesTaken: retriesTaken) else {
                throw finalError
            }
            let clock = self.clock
            try await waiter.wait { try await clock.sleep(for: .nanoseconds(Int64(seconds * 1e9))) }
            retriesTaken += 1
        }
    }
}
