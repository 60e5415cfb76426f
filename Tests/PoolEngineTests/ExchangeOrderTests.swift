import NIOCore
import NIOEmbedded
import PoolCore
import Synchronization
import Testing

@testable import PoolEngine

/// What keeps a burst's connections in CPython's lock-step: one event loop for a factory's connections, and the ends
/// of one pass of it handed on in sending order (`ExchangeOrder`).
@Suite struct ExchangeOrderTests {
    /// One selector for all of a factory's connections, as asyncio has: two connections' reads cannot race.
    @Test func aFactorysConnectionsShareOneEventLoop() async throws {
        let server = try await TestHTTPServer.start()
        let factory = NIOConnectionFactory()
        let origin = Origin(scheme: "http", host: "127.0.0.1", port: server.port)
        let first = try #require(
            try await factory.makeConnection(to: origin, connectTimeout: .seconds(5)) as? HTTP1Connection)
        let second = try #require(
            try await factory.makeConnection(to: origin, connectTimeout: .seconds(5)) as? HTTP1Connection)
        #expect(first.channel.eventLoop === second.channel.eventLoop)
        #expect(first.order === second.order && first.order != nil)
        first.close()
        second.close()
        try await server.stop()
    }

    /// Ends found in one pass of the event loop go on sorted by sequence; a later pass's ends follow them.
    @Test func endsOfOnePassGoOnInSendingOrder() throws {
        let loop = EmbeddedEventLoop()
        let order = ExchangeOrder(eventLoop: loop)
        let reported = Mutex<[Int]>([])
        let sequences = (0..<4).map { _ in order.nextSequence() }
        #expect(sequences == [0, 1, 2, 3])
        for sequence in [2, 0, 3] {
            order.ended(sequence) { reported.withLock { $0.append(sequence) } }
        }
        #expect(reported.withLock { $0 }.isEmpty, "nothing goes on before the pass ends")
        loop.run()
        #expect(reported.withLock { $0 } == [0, 2, 3])
        order.ended(1) { reported.withLock { $0.append(1) } }
        loop.run()
        #expect(reported.withLock { $0 } == [0, 2, 3, 1])
        try loop.syncShutdownGracefully()
    }

    /// Buffered sends still read whole responses and reuse the connection when their ends wait for the pass.
    @Test func orderedBufferedSendsReuseOneConnection() async throws {
        let server = try await TestHTTPServer.start()
        let origin = Origin(scheme: "http", host: "127.0.0.1", port: server.port)
        let factory = NIOConnectionFactory()
        let connection = try #require(
            try await factory.makeConnection(to: origin, connectTimeout: .seconds(5)) as? HTTP1Connection)
        for (path, body) in [("/cl", "hello"), ("/chunked", "hello world")] {
            let request = PoolRequest(method: "GET", origin: origin, target: path)
            let result = await withCheckedContinuation { continuation in
                connection.sendBuffered(request, cancellation: ChannelCancellation(connection)) {
                    continuation.resume(returning: $0)
                }
            }
            guard case .success(let exchange) = result else {
                Issue.record("\(path): \(result)")
                continue
            }
            #expect(exchange.bytes == Array(body.utf8))
            #expect(exchange.keepAlive)
        }
        #expect(server.acceptedConnections == 1)
        connection.close()
        try await server.stop()
    }
}
