import Foundation
import Testing

@testable import MockServer

/// Streams, the request log and the header read timeout over real sockets on 127.0.0.1.
@Suite struct MockServerLoopbackStreamTests {
    @Test func chatStreamArrivesWholeAndIsLogged() async throws {
        let server = try await MockServer.start(configuration: .init(latency: .zero))
        let log = server.requestLog()
        do {
            let body = #"{"model":"m","messages":[{"role":"user","content":"Hi"}],"stream":true}"#
            let bytes = try await withRawConnection(port: server.port) { session in
                try await session.send(Requests.chat(body, headers: ["Connection: close"]))
                return try await session.readUntilServerCloses()
            }
            let text = String(decoding: bytes, as: UTF8.self)
            #expect(text.lowercased().contains("transfer-encoding: chunked"))
            #expect(text.hasSuffix("data: [DONE]\n\n\r\n0\r\n\r\n"))
            var iterator = log.makeAsyncIterator()
            let record = await iterator.next()
            #expect(record?.path == "/v1/chat/completions")
            #expect(record?.status == 200)
        } catch {
            try await server.shutdown()
            throw error
        }
        try await server.shutdown()
    }

    @Test func slowlorisIsClosedAndTheNextClientIsServed() async throws {
        var configuration = MockServerConfiguration(latency: .zero)
        try configuration.apply("header_timeout", "300ms")
        let server = try await MockServer.start(configuration: configuration)
        do {
            let leftover = try await withRawConnection(port: server.port) { session in
                try await session.send("GET /v1/models HTTP/1.1\r\nHost: a\r\n")
                return try await session.readUntilServerCloses()
            }
            #expect(leftover.isEmpty)
            let status = try await withRawConnection(port: server.port) { session in
                try await session.send(Requests.get("/v1/models"))
                return try await session.readResponse().status
            }
            #expect(status == 200)
            let ledger = try await server.waitForLedger { $0.openConnections == 0 }
            #expect(ledger.connections.first?.closeReason == ConnectionRecord.Reason.headerTimeout)
        } catch {
            try await server.shutdown()
            throw error
        }
        try await server.shutdown()
    }
}
