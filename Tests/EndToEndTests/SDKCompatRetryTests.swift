import Foundation
import Testing

/// Retries as the real SDK makes them, counted in the server's ledger: each attempt is a request row whose
/// `retryCount` is the SDK's `x-stainless-retry-count` ('0', '1', '2'). Faults are asked for per request
/// with the `x-poolplay-fault` header; each test is enabled only when the probe sees that fault answered.
/// `Tests/Compat/retries.py` caps the SDK's sleep at 20 ms but reports the delay the SDK computed.
@Suite(
    "SDK compat: retries in the ledger",
    .enabled(if: SDKCompatVenv.anyAvailable, "needs .venv/openai3 or .venv/openai2 (bash scripts/setup-python.sh)"),
    .timeLimit(.minutes(3)))
struct SDKCompatRetryTests {
    /// One retried fault: 3 attempts (max_retries=2) on the same keep-alive connection.
    private func expectRetried(
        _ check: String, status: Int, error: String, venv: SDKCompatVenv,
        sourceLocation: SourceLocation = #_sourceLocation
    ) async throws -> SDKCompatJSON {
        let run = try await SDKCompatRuns.run("all.py", venv: venv)
        let result = run[check]
        #expect(result["error"].string == error, "\(result)\n\(run.diagnostics)", sourceLocation: sourceLocation)
        #expect(result["status_code"].int == status, "\(result)", sourceLocation: sourceLocation)
        #expect(result["attempts"].int == 3, "\(result)", sourceLocation: sourceLocation)
        #expect(result["statuses"].ints == [status, status, status], "\(result)", sourceLocation: sourceLocation)
        #expect(result["retryCounts"].stringsOrNil == ["0", "1", "2"], "\(result)", sourceLocation: sourceLocation)
        #expect(result["connectionsUsed"].int == 1, "status retries reuse the connection: \(result)", sourceLocation: sourceLocation)
        #expect(result["delays"].array.count == 2, "\(result)", sourceLocation: sourceLocation)
        return result
    }

    /// One fault the SDK does not retry: a single attempt with retry count '0'.
    private func expectNotRetried(
        _ check: String, status: Int, error: String, venv: SDKCompatVenv,
        sourceLocation: SourceLocation = #_sourceLocation
    ) async throws {
        let run = try await SDKCompatRuns.run("all.py", venv: venv)
        let result = run[check]
        #expect(result["error"].string == error, "\(result)\n\(run.diagnostics)", sourceLocation: sourceLocation)
        #expect(result["attempts"].int == 1, "\(result)", sourceLocation: sourceLocation)
        #expect(result["statuses"].ints == [status], "\(result)", sourceLocation: sourceLocation)
        #expect(result["retryCounts"].stringsOrNil == ["0"], "\(result)", sourceLocation: sourceLocation)
        #expect(result["delays"].array.isEmpty, "\(result)", sourceLocation: sourceLocation)
    }

    @Test(
        "503 and 500 raise InternalServerError after 3 attempts, retry counts 0, 1, 2",
        .enabled("mock injects x-poolplay-fault: 503/500") { await SDKCompatRuns.features().has("fault503", "fault500") },
        arguments: SDKCompatVenv.available)
    func serverErrors(venv: SDKCompatVenv) async throws {
        _ = try await expectRetried("fault_503", status: 503, error: "InternalServerError", venv: venv)
        _ = try await expectRetried("fault_500", status: 500, error: "InternalServerError", venv: venv)
    }

    @Test(
        "429 raises RateLimitError after 3 attempts; a retry-after-ms header sets the SDK's delay exactly",
        .enabled("mock injects x-poolplay-fault: 429") { await SDKCompatRuns.features().has("fault429") },
        arguments: SDKCompatVenv.available)
    func rateLimited(venv: SDKCompatVenv) async throws {
        let result = try await expectRetried("fault_429", status: 429, error: "RateLimitError", venv: venv)
        #expect(result["retryAfterMs"].string == "1000", "\(result)")
        #expect(result["retryAfter"].string == "1", "\(result)")
        #expect(result["delays"].array.compactMap(\.double) == [1.0, 1.0], "retry-after-ms sets the delay: \(result)")
    }

    @Test(
        "400 is not retried",
        .enabled("mock injects x-poolplay-fault: 400") { await SDKCompatRuns.features().has("fault400") },
        arguments: SDKCompatVenv.available)
    func badRequest(venv: SDKCompatVenv) async throws {
        try await expectNotRetried("fault_400", status: 400, error: "BadRequestError", venv: venv)
    }

    @Test(
        "x-should-retry overrides the status: false stops a 500's retries (500+noretry), true retries a 400 (400+retry)",
        .enabled("mock sends x-should-retry on request") {
            await SDKCompatRuns.features().has("shouldRetryFalse", "shouldRetryTrue")
        },
        arguments: SDKCompatVenv.available)
    func shouldRetryHeader(venv: SDKCompatVenv) async throws {
        try await expectNotRetried("fault_500_no_retry", status: 500, error: "InternalServerError", venv: venv)
        _ = try await expectRetried("fault_400_force_retry", status: 400, error: "BadRequestError", venv: venv)
    }

    @Test(
        "each error status raises the SDK's class for it; 408, 409 and 5xx are retried, the others are not",
        .enabled("mock injects x-poolplay-fault: <status>") { await SDKCompatRuns.features().has("fault400") },
        arguments: SDKCompatVenv.available)
    func statusClasses(venv: SDKCompatVenv) async throws {
        let table: [(status: Int, error: String, retried: Bool)] = [
            (401, "AuthenticationError", false), (403, "PermissionDeniedError", false), (404, "NotFoundError", false),
            (408, "APIStatusError", true), (409, "ConflictError", true), (413, "APIStatusError", false),
            (422, "UnprocessableEntityError", false), (431, "APIStatusError", false),
            (502, "InternalServerError", true),
        ]
        for row in table {
            if row.retried {
                _ = try await expectRetried("status_\(row.status)", status: row.status, error: row.error, venv: venv)
            } else {
                try await expectNotRetried("status_\(row.status)", status: row.status, error: row.error, venv: venv)
            }
        }
    }

    @Test(
        "a connection closed without a response: APIConnectionError after 3 attempts, each on a new connection",
        .enabled("mock injects x-poolplay-fault: close") { await SDKCompatRuns.features().has("faultClose") },
        arguments: SDKCompatVenv.available)
    func closedWithoutResponse(venv: SDKCompatVenv) async throws {
        let run = try await SDKCompatRuns.run("all.py", venv: venv)
        let result = run["fault_close"]
        #expect(result["error"].string == "APIConnectionError", "\(result)\n\(run.diagnostics)")
        #expect(result["attempts"].int == 3, "\(result)")
        #expect(result["retryCounts"].stringsOrNil == ["0", "1", "2"], "\(result)")
        #expect(result["connectionsUsed"].int == 3, "httpcore drops a connection the server closed: \(result)")
        #expect(result["delays"].array.count == 2, "\(result)")
    }
}
