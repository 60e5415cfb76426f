import PoolCore
import Testing

/// Random schedules of arrivals (three origins), start attempts, connects and connect failures, completions
/// (kept alive or not), failures, pool timeouts, cancellations, server closes and clock jumps: 10,000 schedules
/// per algorithm per run, every invariant checked after every event.
///
/// The schedules come from a seeded generator (SplitMix64), so a failure names the seed that reproduces it.
/// Invariants are collected into plain values and asserted once per schedule set, which keeps the run fast.
@Suite struct PoolPropertyTests {
    static let schedules = 10_000
    static let origins: [Origin] = [.test, .other, Origin(scheme: "https", host: "example.com", port: 443)]

    @Test(arguments: PoolAlgorithm.allCases)
    func invariantsHoldOnRandomSchedules(_ algorithm: PoolAlgorithm) throws {
        var checked = 0
        var events = 0
        var firstProblem: String?
        for seed in 0..<UInt64(Self.schedules) {
            var random = SplitMix64(seed: seed &+ (algorithm == .httpcore1 ? 0 : 1 << 32))
            let outcome = Self.runSchedule(algorithm, random: &random)
            events += outcome.events
            checked += 1
            if let problem = outcome.problem {
                firstProblem = "seed \(seed): \(problem)"
                break
            }
        }
        #expect(firstProblem == nil, "\(firstProblem ?? "")")
        #expect(checked == Self.schedules)
        #expect(events > Self.schedules * 5)
    }

    /// One random schedule; returns the number of events and the first broken invariant, if any.
    static func runSchedule(_ algorithm: PoolAlgorithm, random: inout SplitMix64) -> (events: Int, problem: String?) {
        let maxConnections = Int.random(in: -1...4, using: &random)
        let maxKeepalive: Int? = Bool.random(using: &random) ? nil : Int.random(in: -1...4, using: &random)
        let expiry: Double? = [nil, 0.5, 1.0].randomElement(using: &random)!
        var world = PoolWorld(max: maxConnections, keepalive: maxKeepalive, expiry: expiry, algorithm)
        var origin: [Int: Origin] = [:]
        var nextRequest = 1
        let length = Int.random(in: 4...16, using: &random)
        var events = 0
        var aclosed = false
        do {
            for _ in 0..<length {
                events += 1
                world.now += 0.05
                let before = Dictionary(uniqueKeysWithValues: world.machine.requestIDs.map {
                    ($0, world.machine.phase(of: $0)?.isQueued ?? true)
                })
                switch Int.random(in: 0...13, using: &random) {
                case 0, 1, 2:
                    let o = origins[Int.random(in: 0...2, using: &random)]
                    origin[nextRequest] = o
                    try world.arrive(nextRequest, o, pool: [nil, 0.3, 1.0].randomElement(using: &random)!)
                    nextRequest += 1
                case 3:
                    if let r = world.startQueue.first { try world.attemptStart(r) }
                case 4, 5:
                    if let c = world.dialing.keys.sorted().randomElement(using: &random) {
                        if Bool.random(using: &random) {
                            try world.establish(c)
                        } else {
                            try world.apply(world.machine.connectionFailed(c, error: .connectError, now: world.now))
                        }
                    }
                case 6, 7:
                    if let r = world.running.keys.sorted().randomElement(using: &random) {
                        try world.complete(r, keepAlive: Bool.random(using: &random))
                    }
                case 8:
                    if let r = world.running.keys.sorted().randomElement(using: &random) {
                        try world.apply(world.machine.requestFailed(r, error: .remoteProtocolError(), now: world.now))
                    }
                case 9:
                    if let timer = world.timers.values.sorted(by: { $0.id < $1.id }).randomElement(using: &random) {
                        try world.fire(timerFor: timer.requestID)
                    }
                case 10:
                    if let r = world.machine.requestIDs.randomElement(using: &random) { try world.cancel(r) }
                case 11:
                    if let c = world.openConnections.sorted().randomElement(using: &random) { world.machine.peerClosed(c) }
                case 12:
                    world.now += [0.5, 1.0, 1.5, 3.0].randomElement(using: &random)!
                default:
                    // httpcore's pool.aclose(), rarely: connections go, requests stay.
                    if Int.random(in: 0...2, using: &random) == 0 {
                        try world.apply(world.machine.acloseConnections(now: world.now))
                        aclosed = true
                    } else {
                        world.now += 0.5
                    }
                }
                if let problem = check(world, maxConnections: maxConnections, arrived: nextRequest - 1,
                                       origin: origin, queuedBefore: before, aclosed: aclosed) {
                    return (events, problem)
                }
            }
            // Drain: close the pool; everything ends exactly once and nothing stays open.
            try world.apply(world.machine.close(now: world.now))
            if world.outcomes.count != nextRequest - 1 { return (events, "a request did not end at close") }
            if !world.openConnections.isEmpty { return (events, "connections left open after close") }
            if !world.timers.isEmpty { return (events, "timers left after close") }
            if !world.machine.snapshot.connections.isEmpty { return (events, "snapshot lists connections after close") }
        } catch {
            return (events, "illegal action: \(error)")
        }
        return (events, nil)
    }

    /// Every invariant after one event.
    static func check(
        _ world: PoolWorld, maxConnections: Int, arrived: Int, origin: [Int: Origin], queuedBefore: [Int: Bool],
        aclosed: Bool = false
    ) -> String? {
        let machine = world.machine
        let snapshot = machine.snapshot
        let cap = max(maxConnections, 0)
        if snapshot.connections.count > cap { return "\(snapshot.connections.count) connections > \(cap)" }
        // Orphans of aclose() left the list but still serve their request (httpcore: not in `_connections`).
        let orphans = Set(machine.orphanedConnectionIDs)
        if world.openConnections.count > cap + orphans.count {
            return "\(world.openConnections.count) open sockets > \(cap) + \(orphans.count) orphans"
        }
        // A connection handed to a request whose task has not run yet is listed but not dialled.
        let listed = Set(snapshot.connections.map(\.id)).subtracting(machine.undialledConnectionIDs)
        if !listed.isSubset(of: world.openConnections) || !world.openConnections.isSubset(of: listed.union(orphans)) {
            return "snapshot and sockets disagree"
        }
        let ids = machine.requestIDs
        // Every request is in the pool or has ended, never both, and none is lost.
        if ids.contains(where: { world.outcomes[$0] != nil }) { return "an ended request is still in the pool" }
        if ids.count + world.outcomes.count != arrived { return "a request was lost" }
        // The incrementally kept queue length matches the phases, and the peaks are never below the present levels.
        let queued = ids.count { machine.phase(of: $0)?.isQueued == true }
        if snapshot.queuedRequests != queued { return "queued count \(snapshot.queuedRequests) != \(queued)" }
        if snapshot.counters.peakQueued < queued && queued > 0 && snapshot.counters.waits == 0 {
            return "queued requests but no wait recorded"
        }
        let started = ids.count { if case .started? = machine.phase(of: $0) { true } else { false } }
        if snapshot.counters.peakActive < started { return "peak active below the requests in flight" }
        // The queue keeps arrival order (re-queued requests keep their place).
        if ids != ids.sorted() { return "queue order \(ids)" }
        // FIFO per origin: a request newly taken off the queue never overtakes a still-queued earlier request
        // of its own origin.
        for (index, r) in ids.enumerated() where queuedBefore[r] ?? true {
            guard let phase = machine.phase(of: r), !phase.isQueued else { continue }
            for earlier in ids[..<index] where origin[earlier] == origin[r] {
                if machine.phase(of: earlier)?.isQueued == true { return "request \(r) overtook \(earlier)" }
            }
        }
        // A connection serves at most one started request, and it is connecting or active then.
        var owners: Set<Int> = []
        for r in ids {
            guard case .started(let c)? = machine.phase(of: r) else { continue }
            if !owners.insert(c).inserted { return "connection \(c) runs two requests" }
            if orphans.contains(c) { continue }
            let state = snapshot.connections.first { $0.id == c }?.state
            if state != .connecting && state != .active { return "request \(r) runs on a \(String(describing: state)) connection" }
        }
        // httpcore2 reserves assigned connections, so a start attempt never loses — unless aclose() closed it.
        if machine.configuration.algorithm == .httpcore2 && snapshot.counters.requeues != 0 && !aclosed { return "httpcore2 re-queued" }
        return nil
    }
}

/// A small seeded generator (SplitMix64), so every schedule is reproducible from its seed.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
