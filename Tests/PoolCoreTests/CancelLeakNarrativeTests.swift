import PoolCore
import Testing

/// `%why` and the snapshot for a fresh connection whose request ended before connecting it: httpcore 1.0.9's
/// CONNECTING orphan (encode/httpcore#1093) and httpcore2's drop (pydantic/httpx2#983).
@Suite struct CancelLeakNarrativeTests {
    /// The two-task case: request 1 cancelled while connecting, request 2 cancelled after being handed connection 2.
    static func twoTasks(_ algorithm: PoolAlgorithm) throws -> PoolWorld {
        var world = PoolWorld(max: 1, keepalive: nil, algorithm)
        try world.arrive(1, pool: 0.5)
        try world.arrive(2, pool: 0.5)
        world.now = 0.001
        try world.cancel(1)
        try world.cancel(2)
        return world
    }

    static func lines(_ world: PoolWorld) -> [PoolNarrative.Line] {
        PoolNarrative(configuration: world.machine.configuration, poolTimeout: 0.5)
            .lines(world.machine.eventLog.entries, since: nil)
    }

    @Test func httpcore1NamesTheOrphanAndTheIssue() throws {
        let lines = Self.lines(try Self.twoTasks(.httpcore1))
        let orphan = try #require(lines.first { $0.kind == "orphaned" })
        #expect(orphan.text.hasPrefix("conn 2 of request 2: another request's pass handed this fresh connection"))
        #expect(orphan.text.contains("was cancelled (CancelledError)"))
        #expect(orphan.text.contains("connection_pool.py:248-252"))
        #expect(orphan.text.contains("stays CONNECTING and holds one of max_connections=1 slots for good"))
        #expect(orphan.text.contains("encode/httpcore#1093"))
        // Connection 1 was connecting when its request was cancelled: connect_failed, removed — not an orphan.
        #expect(lines.filter { $0.kind == "orphaned" }.count == 1)
        #expect(lines.contains { $0.kind == "closed:error" && $0.text.hasPrefix("conn 1:") })
    }

    @Test func httpcore2SaysWhyItDropsTheConnection() throws {
        let lines = Self.lines(try Self.twoTasks(.httpcore2))
        let dropped = try #require(lines.first { $0.text.hasPrefix("conn 2: dropped without a socket") })
        #expect(dropped.text.contains("pydantic/httpx2#983"))
        #expect(lines.first { $0.kind == "orphaned" }?.text.hasSuffix("; the next pass drops it") == true)
    }

    /// The pool's own timeout, narrated as such.
    @Test func aPoolTimeoutOrphan() throws {
        var world = PoolWorld(max: 1, keepalive: 1, .httpcore1)
        try world.arrive(1)
        try world.establish(1)
        try world.arrive(2, pool: 0.05)
        world.now = 0.04
        try world.complete(1, keepAlive: false)
        try world.fire(timerFor: 2)
        let orphan = try #require(Self.lines(world).first { $0.kind == "orphaned" })
        #expect(orphan.text.contains("hit its own PoolTimeout"))
    }

    /// Only the never-dialled connection no request holds is marked; a connecting one with its request is not.
    @Test func theSnapshotMarksOnlyOwnerlessConnections() throws {
        var world = PoolWorld(max: 2, keepalive: nil, .httpcore1)
        try world.arrive(1)
        try world.arrive(2)
        try world.arrive(3, pool: 1)
        world.now = 0.001
        try world.cancel(1)  // connection 1 fails; connection 3 is handed to request 3
        #expect(world.machine.snapshot.connections.map(\.isOwnerless) == [false, false])
        try world.cancel(3)
        #expect(world.machine.snapshot.connections.map(\.id) == [2, 3])
        #expect(world.machine.snapshot.connections.map(\.isOwnerless) == [false, true])
    }
}
