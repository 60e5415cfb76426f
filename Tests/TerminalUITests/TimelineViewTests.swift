import PoolCore
import Testing

@testable import TerminalUI

@Suite struct TimelineViewTests {
    static let origin = Origin(scheme: "http", host: "127.0.0.1", port: 8000)

    /// Two connections, three requests; the second connection is trimmed by the keep-alive limit.
    static let entries: [PoolLogEntry] = [
        .init(time: 0, event: .requestArrived(request: 1, origin: origin)),
        .init(time: 0, event: .connectionCreated(connection: 1, origin: origin, request: 1)),
        .init(time: 0, event: .requestArrived(request: 2, origin: origin)),
        .init(time: 0, event: .connectionCreated(connection: 2, origin: origin, request: 2)),
        .init(time: 0, event: .requestArrived(request: 3, origin: origin)),
        .init(time: 0.15, event: .connectionEstablished(connection: 1)),
        .init(time: 0.15, event: .requestStarted(request: 1, connection: 1)),
        .init(time: 0.15, event: .connectionEstablished(connection: 2)),
        .init(time: 0.15, event: .requestStarted(request: 2, connection: 2)),
        .init(time: 0.45, event: .responseCompleted(request: 1, connection: 1, keepAlive: true)),
        .init(time: 0.45, event: .requestAssigned(request: 3, connection: 1)),
        .init(time: 0.45, event: .requestStarted(request: 3, connection: 1)),
        .init(time: 0.65, event: .responseCompleted(request: 2, connection: 2, keepAlive: true)),
        .init(time: 0.65, event: .connectionClosed(connection: 2, reason: .keepAliveLimit)),
        .init(time: 1.0, event: .responseCompleted(request: 3, connection: 1, keepAlive: true)),
    ]

    @Test func lanesShowWhatEachConnectionDidAndTheQueue() {
        let view = TimelineView(title: "client._client", entries: Self.entries, width: 10)
        let expected = """
             timeline  client._client · 1.0 s · 1 column = 100 ms
             conn 1   ▒█████████  2 requests · idle
             conn 2   ▒██████     1 request · closed (keep-alive limit)
             queued   11111     
                      █ request running  ▒ connecting  · idle  (queued: requests waiting, + for 10 or more)

            """
        #expect(view.render().plainText == expected)
    }

    @Test func anIdleGapAndARequeueShow() {
        let entries: [PoolLogEntry] = [
            .init(time: 0, event: .requestArrived(request: 1, origin: Self.origin)),
            .init(time: 0, event: .connectionCreated(connection: 1, origin: Self.origin, request: 1)),
            .init(time: 0.05, event: .connectionEstablished(connection: 1)),
            .init(time: 0.05, event: .requestStarted(request: 1, connection: 1)),
            .init(time: 0.25, event: .responseCompleted(request: 1, connection: 1, keepAlive: true)),
            .init(time: 0.75, event: .requestArrived(request: 2, origin: Self.origin)),
            .init(time: 0.75, event: .requestAssigned(request: 2, connection: 1)),
            .init(time: 0.75, event: .requestStarted(request: 2, connection: 1)),
            .init(time: 1.0, event: .responseCompleted(request: 2, connection: 1, keepAlive: false)),
            .init(time: 1.0, event: .connectionClosed(connection: 1, reason: .notReusable)),
        ]
        let lines = TimelineView(title: "p", entries: entries, width: 10).render().plainText.split(separator: "\n")
        #expect(lines[1] == " conn 1   ███····███  2 requests · closed (not reusable)")
        #expect(lines[2] == " queued             ")
    }

    @Test func longQueuesAndManyConnectionsAreSummarised() {
        var entries: [PoolLogEntry] = []
        for request in 1...15 { entries.append(.init(time: 0, event: .requestArrived(request: request, origin: Self.origin))) }
        for connection in 1...3 {
            entries.append(.init(time: 0, event: .connectionCreated(connection: connection, origin: Self.origin, request: connection)))
        }
        entries.append(.init(time: 1, event: .requestFailed(request: 15, error: .poolTimeout)))
        let text = TimelineView(title: "p", entries: entries, width: 8, maxLanes: 2).render().plainText
        #expect(text.contains(" … 1 more connections\n"))
        #expect(text.contains(" queued   ++++++++\n"))
        #expect(!text.contains("conn 3"))
    }

    @Test func failedConnectAttemptsAreCounted() {
        let entries: [PoolLogEntry] = [
            .init(time: 0, event: .requestArrived(request: 1, origin: Self.origin)),
            .init(time: 0, event: .connectionCreated(connection: 1, origin: Self.origin, request: 1)),
            .init(time: 0, event: .connectAttemptFailed(connection: 1, attempt: 1, error: .connectError, retryDelay: 0)),
            .init(time: 0.5, event: .connectAttemptFailed(connection: 1, attempt: 2, error: .connectError, retryDelay: nil)),
            .init(time: 0.5, event: .requestFailed(request: 1, error: .connectError)),
            .init(time: 0.5, event: .connectionClosed(connection: 1, reason: .error)),
        ]
        let lines = TimelineView(title: "p", entries: entries, width: 8).render().plainText.split(separator: "\n")
        #expect(lines[1] == " conn 1   ▒▒▒▒▒▒▒▒  0 requests · 2 failed connects · closed (error)")
    }

    @Test func anEmptyLogSaysSo() {
        #expect(TimelineView(title: "p", entries: []).render().plainText == " timeline  p · nothing happened yet\n")
    }
}
