import NIOCore
import Testing

@testable import MockServer

/// `rpm` and `tpm`: per-minute buckets, token reservations settled by usage, and OpenAI's headers.
@Suite struct TokenLimitTests {
    static func harness(_ knobs: [(String, String)]) throws -> EmbeddedHarness {
        try EmbeddedHarness(configuration: try EmbeddedHarness.configuration(knobs))
    }

    /// A chat body whose prompt is `promptTokens` tokens (4 characters each) and that asks for `maxTokens`.
    static func chat(promptTokens: Int, maxTokens: Int) -> String {
        let text = String(repeating: "abcd", count: promptTokens)
        return Requests.chat(
            #"{"model":"mock-gpt","messages":[{"role":"system","content":"\#(text)"}],"max_completion_tokens":\#(maxTokens)}"#)
    }

    @Test func reservationIsSettledByUsage() throws {
        let harness = try Self.harness([("tpm", "6000")])
        let ok = try harness.exchange(Self.chat(promptTokens: 100, maxTokens: 1000))
        #expect(ok.status == 200)
        // usage: 100 prompt tokens + 2 for the default reply "Hello"; the 1000 reserved are given back.
        #expect(ok.header("x-ratelimit-limit-tokens") == "6000")
        #expect(ok.header("x-ratelimit-remaining-tokens") == "5898")
        #expect(ok.header("x-ratelimit-reset-tokens") == "1.02s")
    }

    @Test func tokensOverTheLimitGet429NamingTokensWithAnExactWait() throws {
        let harness = try Self.harness([("tpm", "6000")])  // 100 tokens per second
        #expect(try harness.exchange(Self.chat(promptTokens: 5898, maxTokens: 0)).status == 200)
        // 5898 + 2 kept: 100 left. Asking for 1 + 299 needs 200 more: 2 s.
        let limited = try harness.exchange(Self.chat(promptTokens: 1, maxTokens: 299))
        #expect(limited.status == 429)
        #expect(limited.header("retry-after-ms") == "2000")
        #expect(limited.header("retry-after") == "2")
        #expect(limited.header("x-ratelimit-remaining-tokens") == "100")
        #expect(limited.header("x-ratelimit-reset-tokens") == "59s")
        let error = try #require(try limited.json()["error"] as? [String: Any])
        #expect(error["code"] as? String == "rate_limit_exceeded")
        #expect(error["type"] as? String == "tokens")
        let message = try #require(error["message"] as? String)
        #expect(message.contains("tokens per min (TPM): Limit 6000, Used 5900, Requested 300"))
        #expect(message.contains("Please try again in 2s"))
        harness.advance(.milliseconds(1999))
        #expect(try harness.exchange(Self.chat(promptTokens: 1, maxTokens: 299)).status == 429)
        harness.advance(.milliseconds(1))
        #expect(try harness.exchange(Self.chat(promptTokens: 1, maxTokens: 299)).status == 200)
    }

    @Test func modelsCountOnlyAgainstRequests() throws {
        let harness = try Self.harness([("rpm", "3"), ("tpm", "100")])
        let first = try harness.exchange(Requests.get("/v1/models"))
        #expect(first.header("x-ratelimit-limit-requests") == "3")
        #expect(first.header("x-ratelimit-remaining-requests") == "2")
        #expect(first.header("x-ratelimit-reset-requests") == "20s")
        #expect(first.header("x-ratelimit-remaining-tokens") == "100")
        #expect(try harness.exchange(Requests.get("/v1/models")).status == 200)
        #expect(try harness.exchange(Requests.get("/v1/models")).status == 200)
        let limited = try harness.exchange(Requests.get("/v1/models"))
        #expect(limited.status == 429)
        #expect(limited.header("retry-after-ms") == "20000")
        let error = try #require(try limited.json()["error"] as? [String: Any])
        #expect((error["message"] as? String)?.contains("requests per min (RPM): Limit 3, Used 3, Requested 1") == true)
        #expect(error["type"] as? String == "requests")
    }

    @Test func embeddingsReserveTheirInputOnly() throws {
        let harness = try Self.harness([("tpm", "1000")])
        let response = try harness.exchange(
            Requests.post("/v1/embeddings", body: #"{"model":"m","input":"abcdabcd","encoding_format":"float"}"#))
        #expect(response.status == 200)
        #expect(response.header("x-ratelimit-remaining-tokens") == "998")
    }

    @Test func knobsParseAndDescribe() throws {
        var configuration = MockServerConfiguration()
        try configuration.apply("rpm", "500")
        try configuration.apply("tpm", "30000")
        #expect(configuration.describe().contains("rpm=500 tpm=30000"))
        try configuration.apply("tpm", "none")
        #expect(configuration.tokensPerMinute == nil)
        #expect(throws: MockServerConfiguration.KnobError.self) { try configuration.apply("rpm", "0") }
    }
}
