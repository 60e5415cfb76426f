import NIOCore
import Testing

@testable import MockServer

/// Injected faults, rate limits and the request log, on an `EmbeddedChannel`.
@Suite struct FaultAndRateLimitTests {
    static func harness(_ knobs: [(String, String)]) throws -> EmbeddedHarness {
        try EmbeddedHarness(configuration: try EmbeddedHarness.configuration(knobs))
    }

    @Test func everyThirdRequestFails() throws {
        let harness = try Self.harness([("fault", "500/3")])
        let statuses = try (0..<6).map { _ in try harness.exchange(Requests.get("/v1/models")).status }
        #expect(statuses == [200, 200, 500, 200, 200, 500])
        let failed = try harness.exchange(Requests.get("/v1/models"))  // 7th: fine
        #expect(failed.status == 200)
    }

    @Test func injectedStatusCarriesShouldRetryAndOpenAIShape() throws {
        let harness = try Self.harness([])
        let response = try harness.exchange(Requests.get("/v1/models", headers: ["x-poolplay-fault: 503+noretry"]))
        #expect(response.status == 503)
        #expect(response.header("x-should-retry") == "false")
        let error = try #require(try response.json()["error"] as? [String: Any])
        #expect(error["type"] as? String == "server_error")
        let retry = try harness.exchange(Requests.get("/v1/models", headers: ["x-poolplay-fault: 400+retry"]))
        #expect(retry.status == 400)
        #expect(retry.header("x-should-retry") == "true")
        #expect(harness.ledger.requests.map(\.status) == [503, 400])
    }

    @Test func probabilityIsSeededAndRoughlyRight() throws {
        func statuses() throws -> [Int] {
            let harness = try Self.harness([("fault", "503@0.5"), ("seed", "42")])
            return try (0..<40).map { _ in try harness.exchange(Requests.get("/v1/models")).status }
        }
        let first = try statuses()
        #expect(first == (try statuses()))
        let failures = first.filter { $0 == 503 }.count
        #expect((8...32).contains(failures))
    }

    @Test func closeFaultSendsNothingAndRecordsIt() throws {
        let harness = try Self.harness([("fault", "close")])
        try harness.send(Requests.get("/v1/models"))
        #expect(try harness.drainOutput().isEmpty)
        #expect(!harness.channel.isActive)
        #expect(harness.ledger.connections.first?.closeReason == ConnectionRecord.Reason.fault)
        #expect(harness.ledger.requests.first?.status == 0)
    }

    @Test func resetFaultSendsHalfTheBodyThenCloses() throws {
        let harness = try Self.harness([("fault", "reset")])
        try harness.send(Requests.get("/v1/models"))
        let text = String(decoding: try harness.drainOutput(), as: UTF8.self)
        let split = try #require(text.range(of: "\r\n\r\n"))
        let length = try #require(text.split(separator: "\r\n").first { $0.lowercased().hasPrefix("content-length:") })
        let declared = try #require(Int(length.split(separator: " ").last ?? ""))
        #expect(text[split.upperBound...].utf8.count == declared / 2)
        #expect(!harness.channel.isActive)
    }

    @Test func slowFaultDribblesTheBody() throws {
        let harness = try Self.harness([("fault", "slow")])
        try harness.send(Requests.get("/v1/models"))
        var bytes = try harness.drainOutput()
        #expect(try ParsedResponse.parseAll(bytes).isEmpty)
        harness.advance(.milliseconds(500))
        bytes += try harness.drainOutput()
        #expect(try ParsedResponse.parseAll(bytes).isEmpty)
        harness.advance(.milliseconds(250))
        bytes += try harness.drainOutput()
        let response = try #require(try ParsedResponse.parseAll(bytes).first)
        #expect(try response.json()["object"] as? String == "list")
    }

    @Test func malformedFaultBreaksTheJSONOrOneFrame() throws {
        let harness = try Self.harness([("fault", "malformed")])
        let plain = try harness.exchange(Requests.get("/v1/models"))
        #expect(plain.status == 200)
        #expect(throws: (any Error).self) { try plain.json() }
        let body = #"{"model":"m","messages":[],"stream":true}"#
        try harness.send(Requests.chat(body))
        let text = String(decoding: try harness.drainOutput(), as: UTF8.self)
        #expect(text.contains("data: {\"choices\": [malformed\n\n"))
        #expect(text.hasSuffix("data: [DONE]\n\n\r\n0\r\n\r\n"))
    }

    @Test func rpsLimitAnswers429WithRetryHeaders() throws {
        let harness = try Self.harness([("rps", "2")])
        let ok = try harness.exchange(Requests.get("/v1/models"))
        #expect(ok.header("x-ratelimit-limit-requests") == "2")
        #expect(ok.header("x-ratelimit-remaining-requests") == "1")
        #expect(ok.header("x-ratelimit-reset-requests") == "1s")
        #expect(ok.header("x-ratelimit-limit-tokens") != nil)
        #expect(ok.header("x-ratelimit-remaining-tokens") != nil)
        #expect(ok.header("x-ratelimit-reset-tokens") != nil)
        harness.advance(.milliseconds(400))
        #expect(try harness.exchange(Requests.get("/v1/models")).status == 200)
        let limited = try harness.exchange(Requests.get("/v1/models"))
        #expect(limited.status == 429)
        #expect(limited.header("retry-after-ms") == "600")
        #expect(limited.header("retry-after") == "1")
        #expect(limited.header("x-ratelimit-remaining-requests") == "0")
        let error = try #require(try limited.json()["error"] as? [String: Any])
        #expect(error["code"] as? String == "rate_limit_exceeded")
        #expect(error["type"] as? String == "requests")
        harness.advance(.milliseconds(600))
        #expect(try harness.exchange(Requests.get("/v1/models")).status == 200)
    }

    @Test func concurrencyLimitAnswers429WhileAnotherRequestIsInProgress() throws {
        var configuration = try EmbeddedHarness.configuration([("max_concurrent", "1")])
        configuration.latency = .milliseconds(100)
        let first = try EmbeddedHarness(configuration: configuration)
        let second = try EmbeddedHarness(sharing: first)
        try first.send(Requests.get("/v1/models"))
        let limited = try second.exchange(Requests.get("/v1/models"))  // 429s are not delayed
        #expect(limited.status == 429)
        #expect(limited.header("retry-after-ms") != nil)
        first.advance(.milliseconds(100))
        #expect(try first.responses().first?.status == 200)
        try second.send(Requests.get("/v1/models"))
        first.advance(.milliseconds(100))
        #expect(try second.responses().first?.status == 200)
    }

    @Test func requestLogYieldsEachFinishedRequest() async throws {
        let harness = try Self.harness([])
        let log = harness.server.requestLog()
        _ = try harness.exchange(Requests.get("/v1/models"))
        _ = try harness.exchange(Requests.get("/v1/nope"))
        _ = try harness.exchange(Requests.get("/_poolplay/ledger"))
        harness.server.finishRequestLogs()
        var records: [RequestRecord] = []
        for await record in log { records.append(record) }
        #expect(records.map(\.path) == ["/v1/models", "/v1/nope"])
        #expect(records.map(\.status) == [200, 404])
        #expect(records.allSatisfy { $0.endedAt != nil })
    }
}
