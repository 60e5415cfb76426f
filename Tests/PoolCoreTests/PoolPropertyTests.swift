import PoolCore
import PropertyBased
import Testing

/// Random schedules of arrivals, completions, failures, timeouts, cancels and peer closes.
@Suite struct PoolPropertyTests {
    @Test(arguments: PoolAlgorithm.allCases)
    func invariantsHoldOnRandomSchedules(_ algorithm: PoolAlgorithm) async {
        await propertyCheck(
            count: 200,
            input: Gen.int(in: -1...4),
            Gen.int(in: -1...4),
            Gen.int(in: 0...9).array(of: 10...80)
        ) { maxConnections, maxKeepalive, steps in
            var world = PoolWorld(max: maxConnections, keepalive: maxKeepalive, expiry: 1, algorithm)
            var nextRequest = 1
            do {
                for step in steps {
                    world.now += 0.1
                    switch step {
                    case 0, 1, 2:
                        try world.arrive(nextRequest, step == 2 ? .other : .test, pool: step == 1 ? nil : 0.5)
                        nextRequest += 1
                    case 3:
                        if let r = world.startQueue.first { try world.attemptStart(r) }
                    case 4:
                        if let c = world.dialing.keys.min() {
                            if Int(world.now * 10) % 3 == 0 {
                                try world.apply(world.machine.connectionFailed(c, error: .connectError, now: world.now))
                            } else {
                                try world.establish(c)
                            }
                        }
                    case 5, 6:
                        if let r = world.running.keys.min() { try world.complete(r, keepAlive: step == 5) }
                    case 7:
                        if let timer = world.timers.values.min(by: { $0.id < $1.id }) {
                            try world.fire(timerFor: timer.requestID)
                        }
                    case 8:
                        if let r = world.machine.requestIDs.last { try world.cancel(r) }
                    default:
                        if let c = world.openConnections.min() { world.machine.peerClosed(c) }
                    }
                    let snapshot = world.machine.snapshot
                    #expect(snapshot.connections.count <= max(maxConnections, 0))
                    #expect(world.openConnections.count <= max(maxConnections, 0))
                    #expect(Set(snapshot.connections.map(\.id)) == world.openConnections)
                    // Every request is in the pool or has ended, never both.
                    for r in world.machine.requestIDs { #expect(world.outcomes[r] == nil) }
                    #expect(world.machine.requestIDs.count + world.outcomes.count == nextRequest - 1)
                    // The queue keeps arrival order (re-queued requests keep their place).
                    #expect(world.machine.requestIDs == world.machine.requestIDs.sorted())
                    // A connection serves at most one started request, and it is connecting or active then.
                    var owners: [Int: Int] = [:]
                    for r in world.machine.requestIDs {
                        guard case .started(let c)? = world.machine.phase(of: r) else { continue }
                        #expect(owners.updateValue(r, forKey: c) == nil)
                        let state = snapshot.connections.first { $0.id == c }?.state
                        #expect(state == .connecting || state == .active)
                    }
                    // httpcore2 reserves assigned connections, so a start attempt never loses.
                    if algorithm == .httpcore2 { #expect(snapshot.counters.requeues == 0) }
                }
                // Drain: close the pool; everything ends exactly once and nothing stays open.
                try world.apply(world.machine.close(now: world.now))
                #expect(world.outcomes.count == nextRequest - 1)
                #expect(world.openConnections.isEmpty)
                #expect(world.timers.isEmpty)
            } catch {
                Issue.record("illegal action: \(error)")
            }
        }
    }
}
