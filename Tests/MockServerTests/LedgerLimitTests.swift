import Foundation
import Testing

@testable import MockServer

/// The ledger keeps the most recent `ledger_limit` records of each kind; counts and peaks stay exact.
@Suite struct LedgerLimitTests {
    @Test func keepsTheMostRecentRecordsAndCountsTheDroppedOnes() {
        var book = LedgerBook(limit: 3)
        let connections = (0..<5).map { book.connectionOpened(clientPort: 5000 + $0, at: Double($0)) }
        let requests = connections.map {
            book.requestStarted(connectionID: $0, method: "GET", path: "/v1/models", retryCount: 0, at: 10)
        }
        var ledger = book.ledger
        #expect(ledger.connections.map(\.id) == [3, 4, 5])
        #expect(ledger.requests.map(\.id) == [3, 4, 5])
        #expect(ledger.acceptedConnections == 5)
        #expect(ledger.totalRequests == 5)
        #expect(ledger.droppedConnections == 2)
        #expect(ledger.droppedRequests == 2)
        #expect(ledger.openConnections == 5)
        #expect(ledger.peakConcurrentConnections == 5)
        #expect(ledger.peakConcurrentRequests == 5)
        #expect(ledger.limit == 3)

        // Ends of dropped records still move the exact counts, once each.
        for id in requests { book.requestFinished(id: id, status: 200, at: 11) }
        book.requestFinished(id: requests[0], status: 200, at: 11)
        let firstClose = book.connectionClosed(id: connections[0], by: "client", reason: "client EOF", at: 12)
        let secondClose = book.connectionClosed(id: connections[0], by: "client", reason: "client EOF", at: 12)
        #expect(firstClose)
        #expect(!secondClose)
        book.connectionClosed(id: connections[4], by: "server", reason: "idle timeout", at: 12)
        ledger = book.ledger
        #expect(ledger.openConnections == 3)
        #expect(ledger.connections.map(\.requestsServed) == [1, 1, 1])
        #expect(ledger.connections.last?.closeReason == "idle timeout")
        book.reset()
        ledger = book.ledger
        #expect(ledger.openConnections == 3)
        #expect(ledger.connections.map(\.id) == [3, 4])
        #expect(ledger.peakConcurrentRequests == 0)
        #expect(ledger.droppedConnections == 0)
        #expect(ledger.acceptedConnections == 2)
    }

    @Test func aLowerLimitTrimsAtOnceAndOldRecordsStayReachable() {
        var book = LedgerBook(limit: 10)
        let ids = (0..<6).map { book.connectionOpened(clientPort: $0, at: 0) }
        book.limit = 2
        #expect(book.ledger.connections.map(\.id) == [5, 6])
        #expect(book.ledger.droppedConnections == 4)
        let request = book.requestStarted(connectionID: ids[5], method: "GET", path: "/", retryCount: nil, at: 1)
        book.requestFinished(id: request, status: 200, at: 2)
        #expect(book.request(request)?.status == 200)
        #expect(book.ledger.connections.last?.requestsServed == 1)
        book.limit = 0
        #expect(book.limit == 1)
        #expect(book.ledger.connections.map(\.id) == [6])
    }

    @Test func theKnobBoundsTheServersLedgerAndTheJSONSaysWhatWasDropped() throws {
        let harness = try EmbeddedHarness(configuration: try EmbeddedHarness.configuration([("ledger_limit", "2")]))
        for _ in 0..<5 { _ = try harness.exchange(Requests.get("/v1/models")) }
        let ledger = harness.ledger
        #expect(ledger.requests.map(\.id) == [4, 5])
        #expect(ledger.totalRequests == 5)
        #expect(ledger.droppedRequests == 3)
        let json = try harness.exchange(Requests.get("/_poolplay/ledger")).json()
        #expect(json["totalRequests"] as? Int == 5)
        #expect(json["droppedRequests"] as? Int == 3)
        #expect(json["droppedConnections"] as? Int == 0)
        #expect(json["limit"] as? Int == 2)
        #expect((json["requests"] as? [Any])?.count == 2)
        harness.server.updateConfiguration { $0.ledgerLimit = 1 }
        #expect(harness.ledger.requests.map(\.id) == [5])
        #expect(MockServerConfiguration().ledgerLimit == 10_000)
        var configuration = MockServerConfiguration()
        try configuration.apply("ledger_limit", "500")
        #expect(configuration.describe().contains("ledger_limit=500"))
        #expect(throws: MockServerConfiguration.KnobError.self) { try configuration.apply("ledger_limit", "0") }
    }

    @Test func aLongRunStaysAtTheDefaultLimitWithExactTotals() {
        var book = LedgerBook()
        var connection = 0
        for index in 0..<25_000 {
            if index % 5 == 0 {
                if connection > 0 { book.connectionClosed(id: connection, by: "client", reason: "client EOF", at: 0) }
                connection = book.connectionOpened(clientPort: index, at: 0)
            }
            let id = book.requestStarted(connectionID: connection, method: "GET", path: "/v1/models", retryCount: 0, at: 0)
            book.requestFinished(id: id, status: 200, at: 0)
        }
        let ledger = book.ledger
        #expect(ledger.requests.count == 10_000)
        #expect(ledger.requests.first?.id == 15_001)
        #expect(ledger.totalRequests == 25_000)
        #expect(ledger.droppedRequests == 15_000)
        #expect(ledger.connections.count == 5_000)
        #expect(ledger.acceptedConnections == 5_000)
        #expect(ledger.openConnections == 1)
        #expect(ledger.connections.last?.requestsServed == 5)
    }

    @Test func decodesALedgerWithoutTheNewFields() throws {
        let json = #"{"connections":[],"requests":[],"peakConcurrentConnections":1,"peakConcurrentRequests":2}"#
        let ledger = try JSONDecoder().decode(Ledger.self, from: Data(json.utf8))
        #expect(ledger.peakConcurrentRequests == 2)
        #expect(ledger.droppedRequests == 0)
        let again = try JSONDecoder().decode(Ledger.self, from: try JSONEncoder().encode(ledger))
        #expect(again == ledger)
    }
}
