import Foundation
import Testing

@testable import MockServer

/// The real server on 127.0.0.1 with real sockets; assertions read the server's ledger.
///
/// Every wait is bounded: client reads by the socket watchdog in ``withRawConnection(port:timeout:_:)``,
/// ledger waits by ``MockServer/waitForLedger(timeout:until:)``.
@Suite struct MockServerLoopbackTests {
    private func withServer(
        _ configuration: MockServerConfiguration = .init(latency: .zero),
        _ body: (MockServer) async throws -> Void
    ) async throws {
        let server = try await MockServer.start(configuration: configuration)
        do {
            try await body(server)
        } catch {
            try await server.shutdown()
            throw error
        }
        try await server.shutdown()
    }

    @Test func startsOnAFreePortWithABaseURL() async throws {
        try await withServer { server in
            #expect(server.port > 0)
            #expect(server.host == "127.0.0.1")
            #expect(server.baseURL == "http://127.0.0.1:\(server.port)/v1")
            #expect(server.configuration.latency == .zero)
        }
    }

    @Test func twoKeepAliveRequestsShareOneConnection() async throws {
        try await withServer { server in
            let clientPort = try await withRawConnection(port: server.port) { session in
                try await session.send(Requests.get("/v1/models"))
                let first = try await session.readResponse()
                try await session.send(Requests.chat())
                let second = try await session.readResponse()
                #expect(first.status == 200)
                #expect(second.status == 200)
                #expect(try second.json()["model"] as? String == "gpt-4o-mini")
                return session.localPort
            }
            let ledger = try await server.waitForLedger { $0.openConnections == 0 }
            #expect(ledger.acceptedConnections == 1)
            #expect(ledger.connections.map(\.requestsServed) == [2])
            #expect(ledger.connections.first?.clientPort == clientPort)
            #expect(ledger.connections.first?.closedBy == "client")
            #expect(ledger.connections.first?.closeReason == ConnectionRecord.Reason.clientEOF)
            #expect(ledger.requests.map(\.path) == ["/v1/models", "/v1/chat/completions"])
            #expect(ledger.requests.map(\.status) == [200, 200])
        }
    }

    @Test func twoSocketsAreTwoConnections() async throws {
        try await withServer { server in
            for _ in 0..<2 {
                try await withRawConnection(port: server.port) { session in
                    try await session.send(Requests.get("/v1/models"))
                    #expect(try await session.readResponse().status == 200)
                }
            }
            let ledger = try await server.waitForLedger { $0.openConnections == 0 }
            #expect(ledger.acceptedConnections == 2)
            #expect(ledger.connections.map(\.requestsServed) == [1, 1])
            #expect(ledger.requests.map(\.connectionID) == ledger.connections.map(\.id))
        }
    }

    @Test func concurrentConnectionsAreCountedAsPeak() async throws {
        try await withServer(.init(latency: .milliseconds(100))) { server in
            try await withThrowingTaskGroup(of: Int.self) { group in
                for _ in 0..<4 {
                    group.addTask {
                        try await withRawConnection(port: server.port) { session in
                            try await session.send(Requests.chat())
                            return try await session.readResponse().status
                        }
                    }
                }
                for try await status in group { #expect(status == 200) }
            }
            let ledger = try await server.waitForLedger { $0.openConnections == 0 }
            #expect(ledger.acceptedConnections == 4)
            #expect(ledger.connections.map(\.requestsServed) == [1, 1, 1, 1])
            #expect(ledger.requests.allSatisfy { ($0.endedAt ?? 0) - $0.startedAt >= 0.1 })
        }
    }

    @Test func nestedOpenConnectionsSetThePeak() async throws {
        try await withServer { server in
            try await withRawConnection(port: server.port) { outer in
                try await outer.send(Requests.get("/v1/models"))
                _ = try await outer.readResponse()
                try await withRawConnection(port: server.port) { middle in
                    try await middle.send(Requests.get("/v1/models"))
                    _ = try await middle.readResponse()
                    try await withRawConnection(port: server.port) { inner in
                        try await inner.send(Requests.get("/v1/models"))
                        _ = try await inner.readResponse()
                        #expect(server.ledger().openConnections == 3)
                    }
                }
            }
            let ledger = try await server.waitForLedger { $0.openConnections == 0 }
            #expect(ledger.peakConcurrentConnections == 3)
            #expect(ledger.peakConcurrentRequests == 1)
        }
    }

    @Test func malformedRequestGets400ThenTheNextConnectionIsServed() async throws {
        try await withServer { server in
            try await withRawConnection(port: server.port) { session in
                try await session.send("GARBAGE\0 / nonsense\r\n\r\n")
                let bytes = try await session.readUntilServerCloses()
                let response = try #require(try ParsedResponse.parseAll(bytes).first)
                #expect(response.status == 400)
                #expect(response.header("connection") == "close")
                #expect(try response.json()["error"] is [String: Any])
            }
            try await withRawConnection(port: server.port) { session in
                try await session.send(Requests.get("/v1/models"))
                #expect(try await session.readResponse().status == 200)
            }
            let ledger = try await server.waitForLedger { $0.openConnections == 0 }
            #expect(ledger.connections.map(\.closeReason).first == ConnectionRecord.Reason.protocolError)
            #expect(ledger.connections.map(\.requestsServed) == [0, 1])
        }
    }

    @Test func idleTimeoutClosesTheConnectionFromTheServerSide() async throws {
        try await withServer(.init(latency: .zero)) { server in
            try await withRawConnection(port: server.port) { session in
                try await session.send(Requests.get("/v1/models"))
                #expect(try await session.readResponse().status == 200)
                // Set only now, so a busy machine cannot close the connection before the first request
                // arrives: the timeout is read when the next response leaves the connection idle.
                server.updateConfiguration { $0.idleTimeout = .milliseconds(100) }
                try await session.send(Requests.get("/v1/models"))
                #expect(try await session.readResponse().status == 200)
                // Waits for the server's FIN (bounded by the watchdog), not for a clock.
                let trailing = try await session.readUntilServerCloses()
                #expect(trailing.isEmpty)
            }
            let connection = try #require(server.ledger().connections.first)
            #expect(connection.closedBy == "server")
            #expect(connection.closeReason == ConnectionRecord.Reason.idleTimeout)
            #expect(connection.requestsServed == 2)
        }
    }

    @Test func maxRequestsPerConnectionSendsConnectionClose() async throws {
        try await withServer(.init(latency: .zero, maxRequestsPerConnection: 1)) { server in
            try await withRawConnection(port: server.port) { session in
                try await session.send(Requests.get("/v1/models"))
                let response = try await session.readResponse()
                #expect(response.header("connection") == "close")
                #expect(try await session.readUntilServerCloses().isEmpty)
            }
            let connection = try #require(server.ledger().connections.first)
            #expect(connection.closeReason == ConnectionRecord.Reason.maxRequests)
        }
    }

    @Test func ledgerIsServedOverHTTPAndResetWorks() async throws {
        try await withServer { server in
            try await withRawConnection(port: server.port) { session in
                try await session.send(Requests.get("/v1/models"))
                _ = try await session.readResponse()
                try await session.send(Requests.get("/_poolplay/ledger"))
                let ledgerResponse = try await session.readResponse()
                let ledger = try JSONDecoder().decode(Ledger.self, from: Data(ledgerResponse.body.utf8))
                #expect(ledger.requests.count == 1)
                #expect(ledger.openConnections == 1)
                try await session.send(Requests.post("/_poolplay/reset", body: ""))
                #expect(try await session.readResponse().status == 200)
            }
            let ledger = try await server.waitForLedger { $0.openConnections == 0 }
            #expect(ledger.requests.isEmpty)
            #expect(ledger.acceptedConnections == 1)  // the admin connection was open during the reset
        }
    }

    @Test func shutdownClosesOpenConnectionsAndIsIdempotent() async throws {
        let server = try await MockServer.start(configuration: .init(latency: .zero))
        try await withRawConnection(port: server.port) { session in
            try await session.send(Requests.get("/v1/models"))
            _ = try await session.readResponse()
            try await server.shutdown()
            #expect(try await session.readUntilServerCloses().isEmpty)
        }
        try await server.shutdown()
        let connection = try #require(server.ledger().connections.first)
        #expect(connection.closedBy == "server")
        #expect(connection.closeReason == ConnectionRecord.Reason.shutdown)
    }

    @Test func waitForLedgerTimesOut() async throws {
        try await withServer { server in
            await #expect(throws: MockServerError.ledgerWaitTimedOut) {
                try await server.waitForLedger(timeout: .milliseconds(50)) { $0.acceptedConnections == 99 }
            }
        }
    }
}
