import Foundation
import Testing

/// The real SDK against `poolplay serve api_key=sk-poolplay-compat`: a wrong key is the SDK's
/// `AuthenticationError` with api.openai.com's wording; 429s from the `rps` and `max_concurrent` knobs carry
/// `retry-after-ms`, which the SDK uses as its exact retry delay, and every attempt is a ledger row with its
/// `x-stainless-retry-count`. Checks from `Tests/Compat/limits.py`, run by `all.py`.
@Suite(
    "SDK compat: API key and rate limits",
    .enabled(if: SDKCompatVenv.anyAvailable, "needs .venv/openai3 or .venv/openai2 (bash scripts/setup-python.sh)"),
    .timeLimit(.minutes(3)))
struct SDKCompatLimitTests {
    static let wrongKeyMessage =
        "Incorrect API key provided: sk-*****1234. You can find your API key at https://platform.openai.com/account/api-keys."

    @Test(
        "a wrong key raises AuthenticationError with the exact message, once; the right key works",
        .enabled("mock serves /_poolplay/knobs") { await SDKCompatRuns.features().has("knobsRoute") },
        arguments: SDKCompatVenv.available)
    func apiKey(venv: SDKCompatVenv) async throws {
        let run = try await SDKCompatRuns.run("all.py", venv: venv)
        let wrong = run["auth_wrong_key"]
        #expect(wrong["error"].string == "AuthenticationError", "\(wrong)\n\(run.diagnostics)")
        #expect(wrong["status_code"].int == 401)
        #expect(wrong["code"].string == "invalid_api_key")
        #expect(wrong["type"].string == "invalid_request_error")
        #expect(wrong["bodyMessage"].string == Self.wrongKeyMessage)
        switch venv {
        case .openai3:
            #expect(wrong["str"].string == "Error code: 401 - \(Self.wrongKeyMessage)")
        case .openai2:
            #expect(wrong["str"].string == "Error code: 401 - {'error': {'message': '\(Self.wrongKeyMessage)', "
                + "'type': 'invalid_request_error', 'param': None, 'code': 'invalid_api_key'}}")
        }
        #expect(wrong["statuses"].ints == [401], "401 is not retried: \(wrong)")
        #expect(wrong["retryCounts"].stringsOrNil == ["0"])

        let empty = run["auth_no_header"]
        #expect(empty["error"].string == "AuthenticationError", "\(empty)")
        #expect(empty["bodyMessage"].string?.hasPrefix("You didn't provide an API key.") == true, "\(empty)")

        let right = run["auth_right_key"]
        expectNoError(right, run)
        #expect(right["models"].int == 5)
        #expect(right["statuses"].ints == [200])
    }

    @Test(
        "rps=1: the 429's retry-after-ms is the SDK's delay, and the retry after it gets a 200",
        .enabled("mock serves /_poolplay/knobs") { await SDKCompatRuns.features().has("knobsRoute") },
        arguments: SDKCompatVenv.available)
    func requestsPerSecond(venv: SDKCompatVenv) async throws {
        let run = try await SDKCompatRuns.run("all.py", venv: venv)
        let result = run["rate_limit_rps"]
        expectNoError(result, run)
        #expect(result["statuses"].ints == [200, 429, 200], "\(result)")
        #expect(result["retryCounts"].stringsOrNil == ["0", "0", "1"], "\(result)")
        #expect(result["connectionsUsed"].int == 1, "a 429 keeps the connection: \(result)")
        let first = result["firstRateLimit"]
        #expect(first["x-ratelimit-limit-requests"].string == "1")
        #expect(first["x-ratelimit-remaining-requests"].string == "0")
        for name in ["x-ratelimit-reset-requests", "x-ratelimit-limit-tokens", "x-ratelimit-remaining-tokens",
            "x-ratelimit-reset-tokens"]
        {
            #expect(first[name].string != nil, "\(name): \(first)")
        }
        let retries = result["retries"].array
        #expect(retries.count == 1, "\(result)")
        let retry = try #require(retries.first)
        let milliseconds = try #require(retry["retryAfterMs"].string.flatMap(Int.init), "\(retry)")
        #expect((1...1000).contains(milliseconds), "\(retry)")
        #expect(retry["delay"].double == Double(milliseconds) / 1000, "the SDK waits exactly retry-after-ms: \(retry)")
        #expect(retry["retryAfter"].string == "1")
        #expect(retry["rateLimit"]["x-ratelimit-remaining-requests"].string == "0")
    }

    @Test(
        "max_concurrent=1: a call made while another holds the slot gets 429 three times, each retry-after-ms 100",
        .enabled("mock serves /_poolplay/knobs") { await SDKCompatRuns.features().has("knobsRoute") },
        arguments: SDKCompatVenv.available)
    func concurrentRequests(venv: SDKCompatVenv) async throws {
        let run = try await SDKCompatRuns.run("all.py", venv: venv)
        let result = run["rate_limit_concurrent"]
        #expect(result["error"].string == "RateLimitError", "\(result)\n\(run.diagnostics)")
        #expect(result["status_code"].int == 429)
        #expect(result["code"].string == "rate_limit_exceeded")
        let view = result["rejectedView"]
        #expect(view["statuses"].ints == [0, 429, 429, 429], "the slow call is still in progress: \(view)")
        #expect(view["retryCounts"].stringsOrNil == ["0", "0", "1", "2"], "\(view)")
        let retries = result["retries"].array
        #expect(retries.count == 2, "\(result)")
        for retry in retries {
            #expect(retry["retryAfterMs"].string == "100", "\(retry)")
            #expect(retry["delay"].double == 0.1, "\(retry)")
            #expect(retry["rateLimit"]["x-ratelimit-limit-requests"].string != nil, "\(retry)")
        }
        #expect(result["slowModel"].string == "mock-gpt", "the slot holder still gets its answer: \(result)")
    }
}
