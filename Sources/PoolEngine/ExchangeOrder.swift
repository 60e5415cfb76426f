import NIOCore

/// Hands on the ends of the exchanges of one event loop's connections once per pass of that loop, in the order the
/// requests went out (``HTTP1Connection/sendBuffered(_:cancellation:completion:)``).
///
/// One selector serves every connection, as in asyncio, but a fast client meets an ordering that CPython's pace hides:
/// Linux's level-triggered `epoll` puts a socket it has just reported back on its ready list, and that entry stays
/// there until the next `epoll_wait` rescans it. When the next response on the same connection arrives before that
/// scan, the socket is reported from its old place, ahead of sockets whose responses arrived earlier. In CPython every
/// response of a round is in long before the loop polls again, so the loop reads them in the order the server
/// answered; PoolPlay, several times faster, meets the stale places and lets one connection overtake the others by a
/// whole round. Ends reported in the same pass are therefore sorted by their request's sequence number before they
/// are handed on: for a server that answers in turn, the order it answered in.
final class ExchangeOrder: Sendable {
    private struct State: Sendable {
        var nextSequence = 0
        var ended: [(sequence: Int, report: @Sendable () -> Void)] = []
    }

    private let eventLoop: any EventLoop
    /// Touched only on `eventLoop`, where every exchange of its connections starts and ends.
    private let state: NIOLoopBoundBox<State>

    init(eventLoop: any EventLoop) {
        self.eventLoop = eventLoop
        self.state = .makeBoxSendingValue(State(), eventLoop: eventLoop)
    }

    /// The next request's sequence number; call it where the request is handed to its channel, in sending order.
    func nextSequence() -> Int {
        defer { state.value.nextSequence += 1 }
        return state.value.nextSequence
    }

    /// Queues `report` for the end of the event loop's current pass: NIO runs tasks after it has handled every
    /// readable socket of the pass.
    func ended(_ sequence: Int, report: @escaping @Sendable () -> Void) {
        state.value.ended.append((sequence, report))
        if state.value.ended.count == 1 { eventLoop.execute { self.flush() } }
    }

    private func flush() {
        let batch = state.value.ended
        state.value.ended.removeAll(keepingCapacity: true)
        for end in batch.sorted(by: { $0.sequence < $1.sequence }) { end.report() }
    }
}
