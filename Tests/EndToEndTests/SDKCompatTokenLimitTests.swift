import Foundation
import Testing

/// The real SDK against `poolplay serve` with `tpm=6000`: a request whose token reservation does not fit gets
/// a 429 naming tokens whose `retry-after-ms` is exactly what the SDK sleeps before its retry, and every
/// answer carries the six `x-ratelimit-*` headers in api.openai.com's formats. Checks from
/// `Tests/Compat/tokens.py`, run by `all.py`.
@Suite(
    "SDK compat: token rate limits",
    .enabled(if: SDKCompatVenv.anyAvailable, "needs .venv/openai3 or .venv/openai2 (bash scripts/setup-python.sh)"),
    .timeLimit(.minutes(3)))
struct SDKCompatTokenLimitTests {
    /// `20ms`, `1s`, `1.5s`, `6m0s`: the reset format of api.openai.com's headers.
    static func isResetText(_ text: String?) -> Bool {
        guard let text else { return false }
        return text.range(of: #"^([0-9]+ms|([0-9]+h)?([0-9]+m)?[0-9]+(\.[0-9]+)?s)$"#, options: .regularExpression) != nil
    }

    static func expectAPIFormat(_ headers: SDKCompatJSON, limit: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(headers["x-ratelimit-limit-tokens"].string == limit, "\(headers)", sourceLocation: sourceLocation)
        for name in ["x-ratelimit-limit-requests", "x-ratelimit-remaining-requests", "x-ratelimit-remaining-tokens"] {
            #expect(headers[name].string.flatMap(Int.init) != nil, "\(name): \(headers)", sourceLocation: sourceLocation)
        }
        for name in ["x-ratelimit-reset-requests", "x-ratelimit-reset-tokens"] {
            #expect(isResetText(headers[name].string), "\(name): \(headers)", sourceLocation: sourceLocation)
        }
    }

    @Test(
        "tpm=6000: a 429 naming tokens, retried after exactly its retry-after-ms; x-ratelimit-* in the API's format",
        .enabled("mock serves /_poolplay/knobs") { await SDKCompatRuns.features().has("knobsRoute") },
        arguments: SDKCompatVenv.available)
    func tokensPerMinute(venv: SDKCompatVenv) async throws {
        let run = try await SDKCompatRuns.run("all.py", venv: venv)
        let result = run["rate_limit_tpm"]
        expectNoError(result, run)
        Self.expectAPIFormat(result["firstRateLimit"], limit: "6000")
        Self.expectAPIFormat(result["secondRateLimit"], limit: "6000")
        let usage = try #require(result["firstUsageTotal"].int)
        let remaining = try #require(result["firstRateLimit"]["x-ratelimit-remaining-tokens"].string.flatMap(Int.init))
        #expect((6000 - usage)...(6000 - usage + 10) ~= remaining, "the reservation was settled by usage: \(result)")

        let rejected = result["rejected"]
        #expect(rejected["error"].string == "RateLimitError", "\(rejected)")
        #expect(rejected["code"].string == "rate_limit_exceeded")
        #expect(rejected["type"].string == "tokens")
        #expect(rejected["message"].string?.contains("tokens per min (TPM): Limit 6000") == true, "\(rejected)")
        #expect(Self.isResetText(rejected["headers"]["x-ratelimit-reset-tokens"].string), "\(rejected)")

        #expect(result["statuses"].ints == [200, 429, 429, 200], "\(result)")
        #expect(result["retryCounts"].stringsOrNil == ["0", "0", "0", "1"], "\(result)")
        let retries = result["retries"].array
        #expect(retries.count == 1, "\(result)")
        let retry = try #require(retries.first)
        let milliseconds = try #require(retry["retryAfterMs"].string.flatMap(Int.init), "\(retry)")
        #expect((1...1000).contains(milliseconds), "\(retry)")
        #expect(retry["retryAfter"].string == "1")
        #expect(retry["delay"].double == Double(milliseconds) / 1000, "the SDK's delay is retry-after-ms: \(retry)")
        #expect(result["sleeps"].array.map(\.double) == [Double(milliseconds) / 1000], "what it slept: \(result)")
    }
}
