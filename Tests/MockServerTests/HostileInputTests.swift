import NIOCore
import Testing

@testable import MockServer

/// 413, 431 and the header read timeout: each closes the bad connection, and the server goes on serving.
@Suite struct HostileInputTests {
    @Test func declaredBodyOverTheLimitIs413ThenNextConnectionIsServed() throws {
        let bad = try EmbeddedHarness(configuration: try EmbeddedHarness.configuration([("max_body", "1KiB")]))
        let response = try bad.exchange(Requests.chat(String(repeating: " ", count: 2000) + Requests.chatBody))
        #expect(response.status == 413)
        #expect(response.header("connection") == "close")
        #expect(try (response.json()["error"] as? [String: Any])?["code"] as? String == "request_too_large")
        #expect(!bad.channel.isActive)
        #expect(bad.ledger.connections.first?.closeReason == ConnectionRecord.Reason.tooLarge)
        #expect(bad.ledger.requests.first?.status == 413)
        let good = try EmbeddedHarness(sharing: bad)
        #expect(try good.exchange(Requests.chat()).status == 200)
    }

    @Test func chunkedBodyOverTheLimitIs413() throws {
        let harness = try EmbeddedHarness(configuration: try EmbeddedHarness.configuration([("max_body", "16")]))
        let chunk = String(repeating: "x", count: 20)
        let raw = "POST /v1/chat/completions HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n"
            + "14\r\n\(chunk)\r\n0\r\n\r\n"
        #expect(try harness.exchange(raw).status == 413)
        #expect(!harness.channel.isActive)
    }

    @Test func headersOverTheLimitAre431() throws {
        let bad = try EmbeddedHarness(configuration: try EmbeddedHarness.configuration([("max_header", "1KiB")]))
        let response = try bad.exchange(Requests.get("/v1/models", headers: ["x-big: " + String(repeating: "a", count: 2000)]))
        #expect(response.status == 431)
        #expect(!bad.channel.isActive)
        let good = try EmbeddedHarness(sharing: bad)
        #expect(try good.exchange(Requests.get("/v1/models")).status == 200)
    }

    @Test func headersOverTheParserLimitAre431Too() throws {
        let harness = try EmbeddedHarness()
        let huge = (0..<100).map { "x-h\($0): " + String(repeating: "a", count: 1000) }
        let response = try harness.exchange(Requests.get("/v1/models", headers: huge))
        #expect(response.status == 431)
    }

    @Test func slowlorisIsClosedButAnIdleConnectionIsNot() throws {
        let slow = try EmbeddedHarness(configuration: try EmbeddedHarness.configuration([("header_timeout", "2s")]))
        let idle = try EmbeddedHarness(sharing: slow)
        #expect(try idle.exchange(Requests.get("/v1/models")).status == 200)
        try slow.send("GET /v1/models HTTP/1.1\r\nHost: a\r\n")
        slow.advance(.milliseconds(1999))
        #expect(slow.channel.isActive)
        slow.advance(.milliseconds(1))
        #expect(!slow.channel.isActive)
        let record = try #require(slow.ledger.connections.first { $0.id == 1 })
        #expect(record.closeReason == ConnectionRecord.Reason.headerTimeout)
        #expect(record.closedBy == ConnectionRecord.Closer.server)
        slow.advance(.seconds(10))
        #expect(idle.channel.isActive)
        // The kept-alive connection is timed again from the first byte of its next head.
        try idle.send("GET /v1/models HTTP/1.1\r\n")
        slow.advance(.seconds(2))
        #expect(!idle.channel.isActive)
        let good = try EmbeddedHarness(sharing: slow, port: 40_002)
        #expect(try good.exchange(Requests.get("/v1/models")).status == 200)
    }
}
