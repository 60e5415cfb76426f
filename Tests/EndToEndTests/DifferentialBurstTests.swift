import Foundation
import Testing

/// Large bursts through CPython and `poolplay run` against the counting server (issue 12's acceptance). They
/// hold only when the whole burst is queued before the first connect completes — asyncio runs every task's first
/// step before it polls a socket, and PoolPlay's loop applies network events only between iterations.
///
/// Connections opened and who closed them must match exactly. Requests per connection are compared with a band,
/// not one run's split: CPython's is 19–21 per connection for `burst_600_instant` on httpx2, PoolPlay's is still
/// wider (see the test).
@Suite(.serialized, .enabled(if: DifferentialHarness.available, "needs .venv/openai3 (make test creates it)"))
struct DifferentialBurstTests {
    /// Requests each connection carried, from the ledger's per-connection rows.
    private static func perConnection(_ outcome: DifferentialHarness.Outcome) -> [Int] {
        outcome.connections.compactMap { row in
            guard row.count > 1, case .int(let served) = row[1] else { return nil }
            return served
        }
    }

    private static func closers(_ outcome: DifferentialHarness.Outcome) -> [String: Int] {
        outcome.connections.reduce(into: [:]) { counts, row in
            if row.count > 2, case .string(let closer) = row[2] { counts[closer, default: 0] += 1 }
        }
    }

    /// 600 requests at Limits(30, 10) to an instant server. httpcore2: 30 connections, each carrying 19–21
    /// requests. httpcore 1.0.9 compares max_keepalive_connections=10 with all 30 connections at each release and
    /// closes the released one (`connection_pool.py:294`), so 600 connections of one request each.
    @Test(arguments: ["httpx", "httpx2"])
    func sixHundredInstantRequests(lib: String) async throws {
        let (cpython, poolplay) = try await DifferentialHarness.run(scenario: "burst_600_instant", lib: lib)
        #expect(cpython.status == 0, "CPython failed: \(cpython.stderr)")
        #expect(poolplay.status == 0, "poolplay failed: \(poolplay.stderr)")
        #expect(poolplay.stdout == cpython.stdout)
        #expect(poolplay.connectionsOpened == cpython.connectionsOpened)
        #expect(Self.closers(poolplay) == Self.closers(cpython))
        let ours = Self.perConnection(poolplay)
        #expect(ours.reduce(0, +) == 600)
        if lib == "httpx2" {
            #expect(cpython.connectionsOpened == 30)
            // CPython's spread over five runs is 19–21. PoolPlay's is wider (15–25 seen on this 2-core machine):
            // its connections do not yet cycle in CPython's lock-step (issue 12 stays open on this). What must hold:
            // no connection starves or hogs the queue.
            let theirs = Self.perConnection(cpython)
            #expect(
                ours.allSatisfy { (10...30).contains($0) },
                "requests per connection: \(ours.sorted()); CPython in the same run: \(theirs.sorted())")
        } else {
            #expect(cpython.connectionsOpened == 600)
            #expect(ours.allSatisfy { $0 == 1 })
        }
    }

    /// 2000 requests at Limits(1000, 100) to a 0.2 s server (httpx2 only: httpcore 1.0.9 wakes every waiter on
    /// each release and needs minutes). CPython opens exactly 1000 connections and uses each twice. Before the
    /// loop applied events between iterations, PoolPlay opened 931 to 1,652.
    @Test func twoThousandRequestsOnAThousandConnections() async throws {
        let (cpython, poolplay) = try await DifferentialHarness.run(scenario: "burst_2000", lib: "httpx2")
        #expect(cpython.status == 0, "CPython failed: \(cpython.stderr)")
        #expect(poolplay.status == 0, "poolplay failed: \(poolplay.stderr)")
        #expect(poolplay.stdout == cpython.stdout)
        #expect(cpython.connectionsOpened == 1000)
        #expect(poolplay.connectionsOpened == 1000)
        #expect(Self.closers(poolplay) == Self.closers(cpython))
        let ours = Self.perConnection(poolplay)
        #expect(ours.reduce(0, +) == 2000)
        // A connection whose first answer came late (a loaded machine) leaves its second request to a faster
        // one: allow a few connections one request off, never more.
        let off = ours.filter { $0 != 2 }
        #expect(ours.allSatisfy { (1...3).contains($0) } && off.count <= ours.count / 10, "off by one: \(off.count)")
    }
}
