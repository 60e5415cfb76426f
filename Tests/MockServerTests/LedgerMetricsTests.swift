import NIOCore
import Testing

@testable import MockServer

/// The ledger's bytes per connection and per request, time to first byte, and tokens counted.
@Suite struct LedgerMetricsTests {
    @Test func bytesPerRequestAndConnectionMatchTheWire() throws {
        let harness = try EmbeddedHarness(configuration: .init(latency: .milliseconds(40)))
        let first = Requests.get("/v1/models")
        try harness.send(first)
        harness.advance(.milliseconds(40))
        let firstOut = try harness.drainOutput()
        let second = Requests.chat()
        try harness.send(second)
        harness.advance(.milliseconds(40))
        let secondOut = try harness.drainOutput()
        let requests = harness.ledger.requests
        #expect(requests.map(\.bytesIn) == [first.utf8.count, second.utf8.count])
        #expect(requests.map(\.bytesOut) == [firstOut.count, secondOut.count])
        #expect(requests.map(\.timeToFirstByte) == [0.04, 0.04])
        let connection = try #require(harness.ledger.connections.first)
        #expect(connection.bytesIn == first.utf8.count + second.utf8.count)
        #expect(connection.bytesOut == firstOut.count + secondOut.count)
    }

    @Test func streamedResponsesCountTheirChunkFraming() throws {
        let harness = try EmbeddedHarness()
        try harness.send(Requests.chat(#"{"model":"m","messages":[],"stream":true}"#))
        let output = try harness.drainOutput()
        #expect(harness.ledger.requests.first?.bytesOut == output.count)
    }

    @Test func tokensCountedAgainstTheLimitAreRecorded() throws {
        let harness = try EmbeddedHarness(configuration: try EmbeddedHarness.configuration([("tpm", "1000")]))
        _ = try harness.exchange(Requests.chat())
        _ = try harness.exchange(Requests.get("/v1/models"))
        // "Be brief.ping 1" is 4 prompt tokens; the reply "ping 1" is 2.
        #expect(harness.ledger.requests.map(\.tokens) == [6, 0])
        let plain = try EmbeddedHarness()
        _ = try plain.exchange(Requests.chat())
        #expect(plain.ledger.requests.first?.tokens == nil)
    }
}
