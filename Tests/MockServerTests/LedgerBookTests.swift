import NIOCore
import Testing

@testable import MockServer

/// The pure bookkeeping: events in, ledger out.
@Suite struct LedgerBookTests {
    @Test func countsConnectionsRequestsAndPeaks() {
        var book = LedgerBook()
        let a = book.connectionOpened(clientPort: 5001, at: 0)
        let b = book.connectionOpened(clientPort: 5002, at: 0.1)
        let r1 = book.requestStarted(connectionID: a, method: "GET", path: "/v1/models", retryCount: nil, at: 0.2)
        let r2 = book.requestStarted(
            connectionID: b,
            method: "POST",
            path: "/v1/chat/completions",
            retryCount: 1,
            at: 0.3
        )
        book.requestFinished(id: r1, status: 200, at: 0.4)
        book.requestFinished(id: r2, status: 429, at: 0.5)
        book.connectionClosed(id: a, by: "client", reason: "client EOF", at: 0.6)

        let ledger = book.ledger
        #expect([a, b] == [1, 2])
        #expect([r1, r2] == [1, 2])
        #expect(ledger.acceptedConnections == 2)
        #expect(ledger.openConnections == 1)
        #expect(ledger.peakConcurrentConnections == 2)
        #expect(ledger.peakConcurrentRequests == 2)
        #expect(ledger.connections.map(\.requestsServed) == [1, 1])
        #expect(ledger.requests.map(\.status) == [200, 429])
        #expect(ledger.requests.map(\.retryCount) == [nil, 1])
        #expect(ledger.requests(onConnection: b).map(\.path) == ["/v1/chat/completions"])
        #expect(ledger.connections[0].closedAt == 0.6)
    }

    @Test func onlyTheFirstCloseCounts() {
        var book = LedgerBook()
        let id = book.connectionOpened(clientPort: 1, at: 0)
        let first = book.connectionClosed(id: id, by: "server", reason: "idle timeout", at: 1)
        let second = book.connectionClosed(id: id, by: "client", reason: "client EOF", at: 2)
        #expect(first)
        #expect(!second)
        #expect(book.ledger.connections[0].closedBy == "server")
        #expect(book.ledger.connections[0].closeReason == "idle timeout")
        #expect(book.ledger.connections[0].closedAt == 1)
    }

    @Test func abandonedRequestIsNotServed() {
        var book = LedgerBook()
        let connection = book.connectionOpened(clientPort: 1, at: 0)
        let request = book.requestStarted(connectionID: connection, method: "GET", path: "/", retryCount: nil, at: 0)
        book.requestFinished(id: request, status: 0, served: false, at: 1)
        #expect(book.ledger.connections[0].requestsServed == 0)
        #expect(book.ledger.requests[0].endedAt == 1)
    }

    @Test func resetKeepsOpenConnectionsAndInFlightRequestsAndNeverReusesIDs() {
        var book = LedgerBook()
        let closed = book.connectionOpened(clientPort: 1, at: 0)
        let open = book.connectionOpened(clientPort: 2, at: 0)
        let done = book.requestStarted(connectionID: open, method: "GET", path: "/a", retryCount: nil, at: 0)
        book.requestFinished(id: done, status: 200, at: 0.1)
        let inFlight = book.requestStarted(connectionID: open, method: "GET", path: "/b", retryCount: nil, at: 0.2)
        book.connectionClosed(id: closed, by: "client", reason: "client EOF", at: 0.3)

        book.reset()
        #expect(book.ledger.connections.map(\.id) == [open])
        #expect(book.ledger.connections.map(\.requestsServed) == [0])
        #expect(book.ledger.requests.map(\.id) == [inFlight])
        #expect(book.ledger.peakConcurrentConnections == 1)
        #expect(book.ledger.peakConcurrentRequests == 1)

        // Events after the reset still land on the kept records; events for dropped ones are ignored.
        book.requestFinished(id: inFlight, status: 200, at: 0.4)
        book.requestFinished(id: done, status: 500, at: 0.5)
        #expect(book.ledger.connections.map(\.requestsServed) == [1])
        let nextConnection = book.connectionOpened(clientPort: 3, at: 0.6)
        let nextRequest = book.requestStarted(connectionID: 3, method: "GET", path: "/c", retryCount: nil, at: 0.7)
        #expect(nextConnection == 3)
        #expect(nextRequest == 3)
    }

    @Test func eventsFindTheirRecordsWhenAResetLeftGapsInTheIDs() {
        var book = LedgerBook()
        let connection = book.connectionOpened(clientPort: 1, at: 0)
        let ids = (0..<4).map { book.requestStarted(connectionID: connection, method: "GET", path: "/\($0)", retryCount: nil, at: 0) }
        book.requestFinished(id: ids[1], status: 200, at: 0.1)
        book.requestFinished(id: ids[3], status: 200, at: 0.1)
        book.reset()  // keeps the in-flight ids[0] and ids[2]: not consecutive
        let later = book.requestStarted(connectionID: connection, method: "GET", path: "/later", retryCount: nil, at: 0.2)
        #expect(book.ledger.requests.map(\.id) == [ids[0], ids[2], later])

        book.requestFinished(id: ids[2], status: 201, at: 0.3)
        book.requestFinished(id: later, status: 202, at: 0.4)
        book.requestFinished(id: ids[0], status: 203, at: 0.5)
        book.requestFinished(id: ids[1], status: 500, at: 0.6)  // forgotten by the reset: ignored
        book.requestFinished(id: ids[3], status: 500, at: 0.6)
        #expect(book.ledger.requests.map(\.status) == [203, 201, 202])
        #expect(book.ledger.connections.map(\.requestsServed) == [3])
        #expect(book.request(ids[1]) == nil)
    }

    @Test func offsetsAreFoundInConsecutiveAndGappedIDs() {
        #expect(LedgerBook.offset(of: 7, in: CircularBuffer([5, 6, 7, 8])) == 2)
        #expect(LedgerBook.offset(of: 9, in: CircularBuffer([5, 6, 7, 8])) == nil)
        let gapped = CircularBuffer([2, 5, 9, 10, 11])
        #expect([2, 5, 9, 10, 11].map { LedgerBook.offset(of: $0, in: gapped) } == [0, 1, 2, 3, 4])
        #expect([1, 3, 6, 12].map { LedgerBook.offset(of: $0, in: gapped) } == [nil, nil, nil, nil])
        #expect(LedgerBook.offset(of: 1, in: CircularBuffer<Int>()) == nil)
    }
}
