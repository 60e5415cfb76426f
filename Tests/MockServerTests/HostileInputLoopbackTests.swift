import Foundation
import Testing

@testable import MockServer

/// Each hostile input of issue 4 over a real socket, each followed by a good request that is served:
/// non-HTTP bytes, a malformed request line, oversize headers, an oversize body, invalid JSON, and a
/// client reset mid-request. (Slowloris: ``MockServerLoopbackStreamTests``.)
@Suite struct HostileInputLoopbackTests {
    /// Sends `bad` on a fresh connection and returns the response the server sent before closing, if any.
    private func sendAndReadUntilClose(_ bad: String, port: Int) async throws -> ParsedResponse? {
        let bytes = try await withRawConnection(port: port) { session in
            try await session.send(bad)
            return try await session.readUntilServerCloses()
        }
        return try ParsedResponse.parseAll(bytes).first
    }

    private func expectGoodRequestServed(port: Int, sourceLocation: SourceLocation = #_sourceLocation) async throws {
        let status = try await withRawConnection(port: port) { session in
            try await session.send(Requests.chat())
            return try await session.readResponse().status
        }
        #expect(status == 200, sourceLocation: sourceLocation)
    }

    @Test func everyBadInputIsAnsweredOrClosedAndTheNextGoodRequestIsServed() async throws {
        var configuration = MockServerConfiguration(latency: .zero)
        configuration.maxHeaderBytes = 4096
        configuration.maxBodyBytes = 64 << 10
        let server = try await MockServer.start(configuration: configuration)
        do {
            // Non-HTTP bytes (a TLS ClientHello's first bytes, then binary noise): 400 or a plain close.
            let tls = try await sendAndReadUntilClose("\u{16}\u{03}\u{01}\u{02}\u{00}\u{01}\u{00}\u{01}\u{fc}\u{03}\u{03}\r\n\r\n", port: server.port)
            #expect(tls == nil || tls?.status == 400)
            try await expectGoodRequestServed(port: server.port)

            let requestLine = try await sendAndReadUntilClose("GET\r\nHost: x\r\n\r\n", port: server.port)
            #expect(requestLine?.status == 400)
            try await expectGoodRequestServed(port: server.port)

            let header = try await sendAndReadUntilClose(
                Requests.get("/v1/models", headers: ["X-Big: " + String(repeating: "a", count: 8192)]), port: server.port)
            #expect(header?.status == 431)
            try await expectGoodRequestServed(port: server.port)

            // The head declares 70 KiB (over the 64 KiB limit); the 413 comes before any body byte is read.
            let declared = Requests.chat(String(repeating: "b", count: 70 << 10))
            let headOnly = String(declared[..<declared.range(of: "\r\n\r\n")!.upperBound])
            let bigBody = try await sendAndReadUntilClose(headOnly, port: server.port)
            #expect(bigBody?.status == 413)
            try await expectGoodRequestServed(port: server.port)

            // Invalid JSON is an ordinary 400: the connection stays usable.
            let (invalid, next) = try await withRawConnection(port: server.port) { session in
                try await session.send(Requests.chat("{not json"))
                let invalid = try await session.readResponse()
                try await session.send(Requests.chat())
                return (invalid, try await session.readResponse())
            }
            #expect(invalid.status == 400)
            #expect((try invalid.json()["error"] as? [String: Any])?["type"] as? String == "invalid_request_error")
            #expect(next.status == 200)

            // A client that resets with half its body sent.
            try await withRawConnection(port: server.port, resetOnClose: true) { session in
                let head = Requests.chat(String(repeating: "c", count: 100))
                try await session.send(String(head.dropLast(90)))
            }
            let afterReset = try await server.waitForLedger { ledger in
                ledger.openConnections == 0 && ledger.requests.contains { $0.status == 0 && $0.endedAt != nil }
            }
            #expect(afterReset.connections.last?.closedBy == ConnectionRecord.Closer.client)
            try await expectGoodRequestServed(port: server.port)

            let ledger = try await server.waitForLedger { $0.openConnections == 0 }
            #expect(ledger.requests.filter { $0.status == 200 }.count == 6)
            #expect(ledger.connections.allSatisfy { !$0.isOpen })
        } catch {
            try await server.shutdown()
            throw error
        }
        try await server.shutdown()
    }
}
