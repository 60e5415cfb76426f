import NIOCore
import NIOPosix
import Synchronization
import Testing

@testable import MockServer

/// The mock's placement of accepted connections on its event loops (issue 14's tail latency): the first loop
/// fills up to `fillFirst`, then the least-loaded loop takes the next.
@Suite struct ConnectionPlacementTests {
    @Test func theFirstLoopTakesConnectionsUntilItHoldsFillFirst() {
        let placement = ConnectionPlacement(fillFirst: 16)
        #expect(placement.loop(forOpenCounts: [0, 0]) == 0)
        #expect(placement.loop(forOpenCounts: [15, 0]) == 0)
        #expect(placement.loop(forOpenCounts: [16, 0]) == 1)
    }

    @Test func afterThatTheLeastLoadedLoopTakesTheNextAndTiesGoLow() {
        let placement = ConnectionPlacement(fillFirst: 4)
        #expect(placement.loop(forOpenCounts: [4, 3, 2]) == 2)
        #expect(placement.loop(forOpenCounts: [5, 5, 5]) == 0)
        #expect(placement.loop(forOpenCounts: [6, 5, 5]) == 1)
        // A loop that drained below fillFirst fills first again.
        #expect(placement.loop(forOpenCounts: [1, 9]) == 0)
    }

    @Test func oneLoopTakesEverything() {
        let placement = ConnectionPlacement(fillFirst: 2)
        #expect((0..<5).map { placement.loop(forOpenCounts: [$0]) } == [0, 0, 0, 0, 0])
    }

    @Test func simulatedArrivalsSplitAsNginxDoesAtTenAndAHundredConnections() {
        func split(_ connections: Int) -> [Int] {
            var open = [0, 0]
            for _ in 0..<connections { open[ConnectionPlacement().loop(forOpenCounts: open)] += 1 }
            return open
        }
        #expect(split(10) == [10, 0])
        #expect(split(100) == [50, 50])
    }
}

/// ``LoadPlacingAcceptor`` on loopback: real connects, placed on the loops the placement names.
@Suite struct LoadPlacingAcceptorTests {
    /// Records every configured connection (the server's side), in the order they are configured.
    final class Placements: Sendable {
        let channels = Mutex<[any Channel]>([])
        let arrived: AsyncStream<Void>
        let continuation: AsyncStream<Void>.Continuation
        init() { (arrived, continuation) = AsyncStream.makeStream() }
    }

    @Test func fiveConnectionsWithFillFirstThreeSplitThreeAndTwo() async throws {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 2)
        let loops = Array(group.makeIterator())
        let placements = Placements()
        let acceptor = try LoadPlacingAcceptor(
            address: try SocketAddress(ipAddress: "127.0.0.1", port: 0), backlog: 16, loops: loops,
            placement: ConnectionPlacement(fillFirst: 3)
        ) { channel in
            placements.channels.withLock { $0.append(channel) }
            placements.continuation.yield()
        }
        acceptor.start()
        let port = try #require(acceptor.localAddress.port)
        var clients: [any Channel] = []
        var arrivals = placements.arrived.makeAsyncIterator()
        for _ in 0..<5 {
            // One at a time, so that the server sees them in this order.
            clients.append(try await ClientBootstrap(group: group).connect(host: "127.0.0.1", port: port).get())
            _ = await arrivals.next()
        }
        let accepted = placements.channels.withLock { $0 }
        #expect(accepted.map { $0.eventLoop === loops[0] } == [true, true, true, false, false])
        #expect(acceptor.openPerLoop == [3, 2])

        await acceptor.stop()
        for client in clients { try await client.close() }
        // The acceptor turns on half-closure for the mock's handler; here nothing answers the clients' EOF, so
        // the test closes the server's side.
        for channel in accepted { try? await channel.close() }
        await acceptor.waitUntilAllClosed()
        #expect(acceptor.openPerLoop == [0, 0])
        // Stopped: a new connect is refused.
        await #expect(throws: (any Error).self) {
            try await ClientBootstrap(group: group).connect(host: "127.0.0.1", port: port).get()
        }
        try await group.shutdownGracefully()
    }

    @Test func aPortInUseIsRefusedWithTheSystemsMessage() async throws {
        let first = try LoadPlacingAcceptor(
            address: try SocketAddress(ipAddress: "127.0.0.1", port: 0), backlog: 4,
            loops: [MultiThreadedEventLoopGroup.singleton.next()]
        ) { _ in }
        let port = try #require(first.localAddress.port)
        let error = #expect(throws: IOError.self) {
            try LoadPlacingAcceptor(
                address: try SocketAddress(ipAddress: "127.0.0.1", port: port), backlog: 4,
                loops: [MultiThreadedEventLoopGroup.singleton.next()]
            ) { _ in }
        }
        #expect(error?.description.contains("Address already in use") == true)
        first.start()
        await first.stop()
    }
}
