import NIOCore
import Testing

@testable import MockServer

/// The mock's own response encoder: NIO's framing rules, one buffer per response.
@Suite struct MockResponseEncoderTests {
    /// Every buffer the server has written so far, as text, one element per write.
    private func writes(_ harness: EmbeddedHarness) throws -> [String] {
        var writes: [String] = []
        while let data = try harness.channel.readOutbound(as: IOData.self) {
            guard case .byteBuffer(let buffer) = data else {
                Issue.record("unexpected file region")
                continue
            }
            writes.append(String(buffer: buffer))
        }
        return writes
    }

    @Test func aResponseIsOneWriteOfHeadAndBody() throws {
        let harness = try EmbeddedHarness()
        try harness.send(Requests.get("/v1/models"))
        let writes = try writes(harness)
        try #require(writes.count == 1)
        let response = try #require(try ParsedResponse.parseAll(Array(writes[0].utf8)).first)
        #expect(response.statusLine == "HTTP/1.1 200 OK")
        #expect(response.header("content-length") == String(response.body.utf8.count))
        #expect(response.header("transfer-encoding") == nil)
        #expect(harness.ledger.requests.first?.bytesOut == writes[0].utf8.count)
    }

    @Test func theAnswerToHEADKeepsItsFramingHeadersButSendsNoBody() throws {
        let harness = try EmbeddedHarness()
        try harness.send(
            (["HEAD /v1/models HTTP/1.1", "Host: 127.0.0.1"]).joined(separator: "\r\n") + "\r\n\r\n"
                + Requests.get("/v1/models"))
        let output = try writes(harness).joined()
        let parts = output.components(separatedBy: "\r\n\r\n")
        // The 405's head, then at once the next response's head: no body bytes in between.
        #expect(parts[0].hasPrefix("HTTP/1.1 405 Method Not Allowed\r\n"))
        #expect(parts[0].contains("\r\ncontent-length: "))
        #expect(parts[1].hasPrefix("HTTP/1.1 200 OK\r\n"))
        #expect(harness.ledger.requests.map(\.status) == [405, 200])
        #expect(harness.ledger.requests.map(\.bytesOut).reduce(0, +) == output.utf8.count)
    }

    @Test func aStreamIsChunkedOverHTTP11() throws {
        let harness = try EmbeddedHarness()
        try harness.send(Requests.chat(#"{"model":"m","messages":[],"stream":true}"#))
        let output = try writes(harness).joined()
        let head = try #require(output.components(separatedBy: "\r\n\r\n").first)
        #expect(head.contains("\r\ntransfer-encoding: chunked"))
        #expect(!head.contains("content-length"))
        // The last frame as a chunk of 14 (hex e) bytes, then the terminating chunk.
        #expect(output.hasSuffix("\r\ne\r\ndata: [DONE]\n\n\r\n0\r\n\r\n"))
    }

    @Test func aStreamOverHTTP10IsNotChunkedAndEndsWithTheClose() throws {
        let harness = try EmbeddedHarness()
        let body = #"{"model":"m","messages":[],"stream":true}"#
        try harness.send(
            ["POST /v1/chat/completions HTTP/1.0", "Content-Type: application/json", "Content-Length: \(body.utf8.count)"]
                .joined(separator: "\r\n") + "\r\n\r\n" + body)
        let output = try writes(harness).joined()
        let parts = output.components(separatedBy: "\r\n\r\n")
        #expect(parts[0].hasPrefix("HTTP/1.0 200 OK\r\n"))
        #expect(!parts[0].contains("transfer-encoding"))
        #expect(parts[0].contains("\r\nconnection: close"))
        #expect(output.hasSuffix("data: [DONE]\n\n"))
        #expect(harness.ledger.connections.first?.closeReason == ConnectionRecord.Reason.requestedClose)
    }

    @Test func anInjectedStatusGetsItsReasonPhrase() throws {
        let harness = try EmbeddedHarness()
        try harness.send(Requests.get("/v1/models", headers: ["x-poolplay-fault: 503"]))
        let output = try writes(harness).joined()
        #expect(output.hasPrefix("HTTP/1.1 503 Service Unavailable\r\n"))
    }
}
