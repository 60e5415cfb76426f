import NIOCore
import Testing
import TrafficModels

@testable import MockServer

/// The text form of the knobs and the effect of each timing knob, on virtual time.
@Suite struct KnobTests {
    @Test func applyParsesEveryForm() throws {
        var c = MockServerConfiguration()
        try c.apply("latency", "100ms..300ms")
        #expect(c.latencyModel == .uniform(.milliseconds(100), .milliseconds(300)))
        try c.apply("latency", "p50:100ms,p99:900ms")
        #expect(c.latencyModel == .percentiles(p50: .milliseconds(100), p99: .milliseconds(900)))
        try c.apply("latency", "1.5s")
        #expect(c.latency == .milliseconds(1500))
        try c.apply("idle_timeout", "2s")
        #expect(c.idleTimeout == .seconds(2))
        try c.apply("max_requests_per_connection", "5")
        try c.apply("max_connections", "10")
        try c.apply("rps", "5")
        try c.apply("max_concurrent", "4")
        #expect([c.maxRequestsPerConnection, c.maxConcurrentConnections, c.requestsPerSecond, c.maxConcurrentRequests]
            == [5, 10, 5, 4])
        try c.apply("fault", "503@0.2,500/3")
        #expect(c.faults == [FaultRule(.status(503, shouldRetry: nil), .probability(0.2)), FaultRule(.status(500, shouldRetry: nil), .every(3))])
        try c.apply("done_delay", "300ms")
        try c.apply("connect_cost", "50ms")
        try c.apply("stream_ttfb", "100ms")
        try c.apply("stream_chunk_delay", "20ms")
        #expect([c.doneToEndDelay, c.connectCost, c.streamFirstByteDelay, c.streamChunkDelay]
            == [.milliseconds(300), .milliseconds(50), .milliseconds(100), .milliseconds(20)])
        try c.apply("api_key", "sk-x")
        #expect(c.apiKey == "sk-x")
        try c.apply("max_body", "2KiB")
        #expect(c.maxBodyBytes == 2048)
        try c.apply("idle_timeout", "none")
        #expect(c.idleTimeout == nil)
    }

    @Test func describeRoundTripsThroughApply() throws {
        var original = MockServerConfiguration()
        for (name, value) in [("latency", "p50:100ms,p99:900ms"), ("fault", "503+noretry@0.25,close/4"),
            ("rps", "7"), ("done_delay", "300ms"), ("idle_timeout", "2s")]
        {
            try original.apply(name, value)
        }
        var copy = MockServerConfiguration()
        for pair in original.describe().split(separator: " ") {
            let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
            if parts[0] == "api_key" { continue }
            try copy.apply(parts[0], parts[1])
        }
        #expect(copy == original)
    }

    @Test func errorsSayWhatIsWrong() {
        var c = MockServerConfiguration()
        #expect(throws: MockServerConfiguration.KnobError.self) { try c.apply("x", "1") }
        do {
            try c.apply("x", "1")
        } catch {
            #expect(error.message.hasPrefix("unknown knob 'x'; knobs are: latency, idle_timeout"))
        }
        do {
            try c.apply("latency", "fast")
        } catch {
            #expect(error.message.hasPrefix("latency: expected a duration such as 200ms"))
        }
        #expect(throws: MockServerConfiguration.KnobError.self) { try c.apply("fault", "600") }
        #expect(throws: MockServerConfiguration.KnobError.self) { try c.apply("rps", "0") }
        #expect(c == MockServerConfiguration())
    }

    @Test func knobHelpHasOneLinePerKnobThenThePerRequestHeaders() {
        let lines = MockServerConfiguration.knobHelp.split(separator: "\n")
        let names = MockServerConfiguration.knobNames
        #expect(lines.count > names.count)
        for (line, name) in zip(lines, names) { #expect(line.hasPrefix(name + "=")) }
        let rest = lines.dropFirst(names.count).joined(separator: " ")
        #expect(rest.hasPrefix("per request: a header x-poolplay-<knob>"))
        for name in MockServerConfiguration.perRequestKnobNames { #expect(rest.contains(name), "\(name)") }
    }

    @Test func streamDelaysFollowVirtualTime() throws {
        let harness = try EmbeddedHarness(configuration: try EmbeddedHarness.configuration([
            ("stream_ttfb", "100ms"), ("stream_chunk_delay", "20ms"), ("done_delay", "300ms"),
        ]))
        let body = #"{"model":"m","messages":[{"role":"user","content":"Hi"}],"stream":true}"#
        try harness.send(Requests.chat(body))
        var text = String(decoding: try harness.drainOutput(), as: UTF8.self)
        #expect(text.hasPrefix("HTTP/1.1 200 OK") && !text.contains("data:"))
        harness.advance(.milliseconds(99))
        #expect(try harness.drainOutput().isEmpty)
        harness.advance(.milliseconds(1))
        text = String(decoding: try harness.drainOutput(), as: UTF8.self)
        #expect(text.contains(#""role":"assistant""#) && !text.contains(#""content":"Hi""#))
        harness.advance(.milliseconds(60))  // Hi, finish, [DONE]
        text = String(decoding: try harness.drainOutput(), as: UTF8.self)
        #expect(text.hasSuffix("data: [DONE]\n\n\r\n"))
        harness.advance(.milliseconds(299))
        #expect(try harness.drainOutput().isEmpty)
        #expect(harness.ledger.requests.first?.status == 0)
        harness.advance(.milliseconds(1))
        #expect(String(decoding: try harness.drainOutput(), as: UTF8.self) == "0\r\n\r\n")
        #expect(harness.ledger.requests.first?.status == 200)
    }

    @Test func connectCostDelaysOnlyTheFirstResponse() throws {
        let harness = try EmbeddedHarness(configuration: try EmbeddedHarness.configuration([("connect_cost", "50ms")]))
        try harness.send(Requests.get("/v1/models"))
        #expect(try harness.responses().isEmpty)
        harness.advance(.milliseconds(50))
        #expect(try harness.responses().count == 1)
        #expect(try harness.exchange(Requests.get("/v1/models")).status == 200)
    }

    @Test func latencyHeaderOverridesPerRequest() throws {
        let harness = try EmbeddedHarness(configuration: .init(latency: .seconds(5)))
        try harness.send(Requests.get("/v1/models", headers: ["x-poolplay-latency: 30ms"]))
        harness.advance(.milliseconds(29))
        #expect(try harness.responses().isEmpty)
        harness.advance(.milliseconds(1))
        let response = try #require(try harness.responses().first)
        #expect(response.header("openai-processing-ms") == "30")
    }

    @Test func maxConnectionsClosesTheExtraConnection() throws {
        let first = try EmbeddedHarness(configuration: try EmbeddedHarness.configuration([("max_connections", "1")]))
        let second = try EmbeddedHarness(sharing: first)
        #expect(!second.channel.isActive)
        let closed = try #require(first.ledger.connections.last)
        #expect(closed.closeReason == ConnectionRecord.Reason.maxConnections)
        #expect(first.channel.isActive)
        #expect(try first.exchange(Requests.get("/v1/models")).status == 200)
    }
}
