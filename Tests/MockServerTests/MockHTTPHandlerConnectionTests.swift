import NIOCore
import NIOEmbedded
import Testing

@testable import MockServer

/// Keep-alive, close, latency, idle timeout and protocol errors, on virtual time.
@Suite struct MockHTTPHandlerConnectionTests {
    @Test func http11KeepsAliveByDefaultWithoutConnectionHeader() throws {
        let harness = try EmbeddedHarness()
        let first = try harness.exchange(Requests.get("/v1/models"))
        let second = try harness.exchange(Requests.get("/v1/models"))
        #expect(first.statusLine == "HTTP/1.1 200 OK")
        #expect(first.header("connection") == nil)
        #expect(second.header("x-request-id") == "req_2")
        #expect(harness.channel.isActive)
        #expect(harness.ledger.connections.map(\.requestsServed) == [2])
        #expect(harness.ledger.requests.map(\.connectionID) == [1, 1])
    }

    @Test func connectionCloseRequestIsHonoured() throws {
        let harness = try EmbeddedHarness()
        let response = try harness.exchange(Requests.get("/v1/models", headers: ["Connection: close"]))
        #expect(response.header("connection") == "close")
        #expect(!harness.channel.isActive)
        let connection = try #require(harness.ledger.connections.first)
        #expect(connection.closedBy == "server")
        #expect(connection.closeReason == ConnectionRecord.Reason.requestedClose)
    }

    @Test func http10ClosesUnlessKeepAliveIsAsked() throws {
        let keepAlive = try EmbeddedHarness()
        let kept = try keepAlive.exchange("GET /v1/models HTTP/1.0\r\nConnection: keep-alive\r\n\r\n")
        #expect(kept.statusLine.hasPrefix("HTTP/1.0 200"))
        #expect(kept.header("connection") == "keep-alive")
        #expect(keepAlive.channel.isActive)

        let plain = try EmbeddedHarness()
        let closed = try plain.exchange("GET /v1/models HTTP/1.0\r\n\r\n")
        #expect(closed.header("connection") == "close")
        #expect(!plain.channel.isActive)
    }

    @Test func maxRequestsPerConnectionClosesAfterTheNthResponse() throws {
        let harness = try EmbeddedHarness(configuration: .init(latency: .zero, maxRequestsPerConnection: 2))
        let first = try harness.exchange(Requests.get("/v1/models"))
        #expect(first.header("connection") == nil)
        let second = try harness.exchange(Requests.get("/v1/models"))
        #expect(second.header("connection") == "close")
        #expect(!harness.channel.isActive)
        let connection = try #require(harness.ledger.connections.first)
        #expect(connection.requestsServed == 2)
        #expect(connection.closeReason == ConnectionRecord.Reason.maxRequests)
    }

    @Test func latencyIsScheduledOnTheLoopAndReadLive() throws {
        let harness = try EmbeddedHarness(configuration: .init(latency: .milliseconds(200)))
        try harness.send(Requests.get("/v1/models"))
        harness.channel.embeddedEventLoop.advanceTime(by: .milliseconds(199))
        #expect(try harness.drainOutput().isEmpty)
        #expect(harness.ledger.requests.first?.endedAt == nil)
        #expect(harness.ledger.peakConcurrentRequests == 1)
        harness.channel.embeddedEventLoop.advanceTime(by: .milliseconds(1))
        let response = try #require(try harness.responses().first)
        #expect(response.header("openai-processing-ms") == "200")
        #expect(harness.ledger.requests.first?.endedAt == 0.2)

        harness.server.updateConfiguration { $0.latency = .milliseconds(50) }
        try harness.send(Requests.get("/v1/models"))
        harness.channel.embeddedEventLoop.advanceTime(by: .milliseconds(50))
        #expect(try harness.responses().first?.header("openai-processing-ms") == "50")
    }

    @Test func pipelinedRequestsAreAnsweredInOrderOneAtATime() throws {
        let harness = try EmbeddedHarness(configuration: .init(latency: .milliseconds(100)))
        let a = #"{"model":"m","messages":[{"role":"user","content":"first"}]}"#
        let b = #"{"model":"m","messages":[{"role":"user","content":"second"}]}"#
        try harness.send(Requests.chat(a) + Requests.chat(b))
        harness.channel.embeddedEventLoop.advanceTime(by: .milliseconds(100))
        #expect(try harness.responses().map(\.body).count == 1)
        harness.channel.embeddedEventLoop.advanceTime(by: .milliseconds(100))
        // The first response was drained above; the second arrives after its own latency.
        let second = try #require(try harness.responses().first)
        #expect(second.header("x-request-id") == "req_2")
        #expect(second.body.contains(#""content":"second""#))
        #expect(harness.ledger.peakConcurrentRequests == 1)
        #expect(harness.ledger.connections.map(\.requestsServed) == [2])
    }

    @Test func idleTimeoutClosesAnIdleKeepAliveConnection() throws {
        let harness = try EmbeddedHarness(configuration: .init(latency: .zero, idleTimeout: .milliseconds(100)))
        harness.channel.embeddedEventLoop.advanceTime(by: .milliseconds(60))
        _ = try harness.exchange(Requests.get("/v1/models"))  // restarts the idle clock at 60 ms
        harness.channel.embeddedEventLoop.advanceTime(by: .milliseconds(99))
        #expect(harness.channel.isActive)
        harness.channel.embeddedEventLoop.advanceTime(by: .milliseconds(1))
        #expect(!harness.channel.isActive)
        let connection = try #require(harness.ledger.connections.first)
        #expect(connection.closedBy == "server")
        #expect(connection.closeReason == ConnectionRecord.Reason.idleTimeout)
        #expect(connection.closedAt == 0.16)
    }

    @Test func idleTimerDoesNotRunWhileARequestIsInFlight() throws {
        let harness = try EmbeddedHarness(configuration: .init(latency: .seconds(1), idleTimeout: .milliseconds(100)))
        try harness.send(Requests.get("/v1/models"))
        harness.channel.embeddedEventLoop.advanceTime(by: .milliseconds(500))
        #expect(harness.channel.isActive)
        harness.channel.embeddedEventLoop.advanceTime(by: .milliseconds(500))
        #expect(try harness.responses().count == 1)
        #expect(harness.channel.isActive)
    }

    @Test func malformedRequestGets400AndTheConnectionCloses() throws {
        let harness = try EmbeddedHarness()
        try? harness.send("this is not http\r\n\r\n")
        let response = try #require(try harness.responses().first)
        #expect(response.status == 400)
        #expect(response.header("connection") == "close")
        let error = try #require(try response.json()["error"] as? [String: Any])
        #expect(error["type"] as? String == "invalid_request_error")
        #expect(!harness.channel.isActive)
        let connection = try #require(harness.ledger.connections.first)
        #expect(connection.closedBy == "server")
        #expect(connection.closeReason == ConnectionRecord.Reason.protocolError)
        #expect(harness.ledger.requests.isEmpty)
    }

    @Test func clientCloseDuringLatencyAbandonsTheRequest() throws {
        let harness = try EmbeddedHarness(configuration: .init(latency: .seconds(1)))
        try harness.send(Requests.get("/v1/models"))
        try harness.channel.close().wait()
        harness.channel.embeddedEventLoop.advanceTime(by: .seconds(2))
        let request = try #require(harness.ledger.requests.first)
        #expect(request.status == 0)
        #expect(request.endedAt == 0)
        let connection = try #require(harness.ledger.connections.first)
        #expect(connection.requestsServed == 0)
        #expect(connection.closedBy == "client")
        #expect(connection.closeReason == ConnectionRecord.Reason.clientEOF)
    }

    @Test func retryCountHeaderIsRecorded() throws {
        let harness = try EmbeddedHarness()
        _ = try harness.exchange(Requests.chat(headers: ["x-stainless-retry-count: 2"]))
        _ = try harness.exchange(Requests.get("/v1/models"))
        #expect(harness.ledger.requests.map(\.retryCount) == [2, nil])
    }

    @Test func clientHalfCloseDuringLatencyGetsTheResponseThenCloses() throws {
        let harness = try EmbeddedHarness(configuration: .init(latency: .milliseconds(100)))
        try harness.send(Requests.get("/v1/models"))
        harness.channel.pipeline.fireUserInboundEventTriggered(ChannelEvent.inputClosed)
        #expect(harness.channel.isActive)
        harness.channel.embeddedEventLoop.advanceTime(by: .milliseconds(100))
        #expect(try harness.responses().first?.status == 200)
        #expect(!harness.channel.isActive)
        let connection = try #require(harness.ledger.connections.first)
        #expect(connection.requestsServed == 1)
        #expect(connection.closedBy == "client")
        #expect(connection.closeReason == ConnectionRecord.Reason.clientEOF)
    }
}
