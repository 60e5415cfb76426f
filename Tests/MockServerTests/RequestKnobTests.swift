import Testing

@testable import MockServer

/// Knobs per request (`x-poolplay-<knob>` headers), the retry headers of every 429, and the knobs admin route.
@Suite struct RequestKnobTests {
    static let stream = #"{"model":"m","messages":[{"role":"user","content":"Hi"}],"stream":true}"#

    @Test func doneDelayHeaderHoldsOnlyThatStreamsTerminator() throws {
        let harness = try EmbeddedHarness()
        try harness.send(Requests.chat(Self.stream, headers: ["X-PoolPlay-Done-Delay: 300ms"]))
        var text = String(decoding: try harness.drainOutput(), as: UTF8.self)
        #expect(text.hasSuffix("data: [DONE]\n\n\r\n"))
        harness.advance(.milliseconds(299))
        #expect(try harness.drainOutput().isEmpty)
        harness.advance(.milliseconds(1))
        #expect(String(decoding: try harness.drainOutput(), as: UTF8.self) == "0\r\n\r\n")
        try harness.send(Requests.chat(Self.stream))
        text = String(decoding: try harness.drainOutput(), as: UTF8.self)
        #expect(text.hasSuffix("data: [DONE]\n\n\r\n0\r\n\r\n"))
        #expect(harness.server.configuration.doneToEndDelay == .zero)
    }

    @Test func doneMarkerOffEndsTheChatStreamWithoutDONE() throws {
        let harness = try EmbeddedHarness()
        try harness.send(Requests.chat(Self.stream, headers: ["x-poolplay-done-marker: off"]))
        let text = String(decoding: try harness.drainOutput(), as: UTF8.self)
        #expect(!text.contains("[DONE]"))
        #expect(text.contains(#""finish_reason":"stop""#))
        #expect(text.hasSuffix("\n\n\r\n0\r\n\r\n"))
        var configuration = MockServerConfiguration()
        try configuration.apply("done_marker", "off")
        #expect(!configuration.streamDoneMarker)
        #expect(configuration.describe().contains("done_marker=off"))
        #expect(throws: MockServerConfiguration.KnobError.self) { try configuration.apply("done_marker", "maybe") }
    }

    @Test func latencyHeaderTakesARange() throws {
        let harness = try EmbeddedHarness()
        try harness.send(Requests.get("/v1/models", headers: ["x-poolplay-latency: 100ms..200ms"]))
        harness.advance(.milliseconds(99))
        #expect(try harness.responses().isEmpty)
        harness.advance(.milliseconds(101))
        #expect(try harness.responses().first?.status == 200)
    }

    @Test func aBadOrUnknownKnobHeaderIsA400ThatSaysWhy() throws {
        let harness = try EmbeddedHarness()
        let bad = try harness.exchange(Requests.get("/v1/models", headers: ["x-poolplay-latency: soon"]))
        #expect(bad.status == 400)
        let error = try #require(try bad.json()["error"] as? [String: Any])
        #expect(error["code"] as? String == "invalid_poolplay_header")
        #expect((error["message"] as? String)?.hasPrefix("Invalid header x-poolplay-latency: latency: expected") == true)
        let unknown = try harness.exchange(Requests.get("/v1/models", headers: ["x-poolplay-rps: 1"]))
        #expect(unknown.status == 400)
        let message = try #require((try unknown.json()["error"] as? [String: Any])?["message"] as? String)
        #expect(message.contains("x-poolplay-done-delay"))
        let fault = try harness.exchange(Requests.get("/v1/models", headers: ["x-poolplay-fault: 999"]))
        #expect(fault.status == 400)
        #expect(harness.ledger.requests.map(\.status) == [400, 400, 400])
    }

    @Test func everyKindOf429CarriesRetryAfterMsRetryAfterAndRateLimitHeaders() throws {
        let injected = try EmbeddedHarness()
        let fault = try injected.exchange(Requests.get("/v1/models", headers: ["x-poolplay-fault: 429"]))
        #expect(fault.status == 429)
        #expect(fault.header("retry-after-ms") == "1000")
        #expect(fault.header("retry-after") == "1")
        #expect(fault.header("x-ratelimit-limit-requests") != nil)

        let rps = try EmbeddedHarness(configuration: try EmbeddedHarness.configuration([("rps", "1")]))
        _ = try rps.exchange(Requests.get("/v1/models"))
        rps.advance(.microseconds(400_500))
        let limited = try rps.exchange(Requests.get("/v1/models"))
        #expect(limited.status == 429)
        #expect(limited.header("retry-after-ms") == "600", "599.5 ms rounds up")
        #expect(limited.header("retry-after") == "1")
        #expect(limited.header("x-ratelimit-remaining-requests") == "0")
        #expect(limited.header("x-ratelimit-reset-requests") != nil)

        var configuration = try EmbeddedHarness.configuration([("max_concurrent", "1")])
        configuration.latency = .milliseconds(100)
        let first = try EmbeddedHarness(configuration: configuration)
        let second = try EmbeddedHarness(sharing: first)
        try first.send(Requests.get("/v1/models"))
        let busy = try second.exchange(Requests.get("/v1/models"))
        #expect(busy.status == 429)
        #expect(busy.header("retry-after-ms") == "100")
        #expect(busy.header("retry-after") == "1")
        #expect(busy.header("x-ratelimit-limit-tokens") != nil)
    }

    @Test func settingRPSStartsAFreshWindow() throws {
        let harness = try EmbeddedHarness()
        _ = try harness.exchange(Requests.get("/v1/models"))  // counted in a window while rps is off
        harness.server.updateConfiguration { $0.requestsPerSecond = 1 }
        let first = try harness.exchange(Requests.get("/v1/models"))
        #expect(first.status == 200)
        #expect(first.header("x-ratelimit-reset-requests") == "1s")
        #expect(try harness.exchange(Requests.get("/v1/models")).status == 429)
    }

    @Test func knobsRouteShowsAndChangesKnobsLive() throws {
        let harness = try EmbeddedHarness()
        let shown = try harness.exchange(Requests.get("/_poolplay/knobs"))
        #expect((try shown.json()["knobs"] as? String)?.contains("rps=none") == true)
        let changed = try harness.exchange(Requests.post("/_poolplay/knobs", body: "rps=2 api_key=sk-test"))
        #expect(changed.status == 200)
        #expect((try changed.json()["knobs"] as? String)?.contains("rps=2") == true)
        #expect(harness.server.configuration.requestsPerSecond == 2)
        #expect(harness.server.configuration.apiKey == "sk-test")
        let rejected = try harness.exchange(Requests.post("/_poolplay/knobs", body: "rps=3 speed=fast"))
        #expect(rejected.status == 400)
        #expect(harness.server.configuration.requestsPerSecond == 2, "all or nothing")
        #expect(try harness.exchange(Requests.post("/_poolplay/knobs", body: "api_key=none")).status == 200)
        #expect(harness.ledger.totalRequests == 0, "admin routes are not recorded")
    }
}
