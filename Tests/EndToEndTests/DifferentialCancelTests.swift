import Foundation
import Testing

/// Cancellation and the pool timeout landing between "handed a connection" and "started on it", through CPython and
/// `poolplay run` against the counting server (issue 12, part 3; encode/httpcore#1093, pydantic/httpx2#983).
///
/// The two-task case is deterministic in both and must match line for line. The pool-timeout churn depends on
/// timers and responses meeting within a loop turn or two: CPython (slower per turn) loses all ten slots within a
/// few dozen requests; PoolPlay loses them more slowly, so its count is checked for a loss, not an exact one.
@Suite(.serialized, .enabled(if: DifferentialHarness.available, "needs .venv/openai3 (make test creates it)"))
struct DifferentialCancelTests {
    /// `max_connections=1`, two tasks, one `sleep(0)`, both cancelled. httpx keeps a never-dialled connection
    /// CONNECTING and the next request gets PoolTimeout; httpx2 drops it and the next request gets 200. The server
    /// sees no connection from the cancelled pair in either library.
    @Test(arguments: ["httpx", "httpx2"])
    func twoTasksCancelledAfterOneTurn(lib: String) async throws {
        let (cpython, poolplay) = try await DifferentialHarness.run(scenario: "cancel_two_tasks", lib: lib)
        #expect(cpython.status == 0, "CPython failed: \(cpython.stderr)")
        #expect(poolplay.status == 0, "poolplay failed: \(poolplay.stderr)")
        #expect(poolplay.stdout == cpython.stdout)
        #expect(poolplay.connections == cpython.connections)
        #expect(poolplay.requests == cpython.requests)
        // Pinned: what the real libraries print (the reference reproduction).
        let leaked = lib == "httpx"
        #expect(cpython.stdout.count == 5)
        #expect(cpython.stdout.dropFirst(2).first == (leaked ? "[<AsyncHTTPConnection [CONNECTING]>]" : "[]"))
        #expect(cpython.stdout.dropFirst(3).first == (leaked ? "PoolTimeout" : "200"))
        #expect(cpython.connectionsOpened == (leaked ? 0 : 1))
    }

    /// 80 workers × 60 requests, Limits(10, 10), Timeout(pool=0.05), a server that closes every connection; no user
    /// cancellation. httpx2 keeps serving (identical output); httpx loses slots to CONNECTING orphans.
    @Test(arguments: ["httpx", "httpx2"])
    func poolTimeoutChurnAgainstAClosingServer(lib: String) async throws {
        let (cpython, poolplay) = try await DifferentialHarness.run(scenario: "pooltimeout_churn", lib: lib)
        #expect(cpython.status == 0, "CPython failed: \(cpython.stderr)")
        #expect(poolplay.status == 0, "poolplay failed: \(poolplay.stderr)")
        #expect(Self.closers(poolplay) == ["server"] && Self.closers(cpython) == ["server"])
        guard lib == "httpx" else {
            #expect(poolplay.stdout == cpython.stdout)
            #expect(cpython.stdout.dropFirst(3).first == "[]")
            return
        }
        // Real httpx: every slot CONNECTING, nothing served at the end (three of three runs, reference §E).
        #expect(cpython.stdout.dropFirst(1).first == "last round served: False")
        #expect(Self.orphans(cpython) == 10)
        #expect(cpython.stdout.last == "probe: PoolTimeout")
        // PoolPlay: only CONNECTING orphans are left (10 of 10 in eight trial runs of 60 requests per worker; with 30,
        // a CI run once lost none: CPython loses all ten sooner because its loop turns are slower, so timers and
        // responses meet more often).
        #expect(poolplay.stdout.dropFirst(3).first == "['<AsyncHTTPConnection [CONNECTING]>']")
        #expect(Self.orphans(poolplay) >= 1, "orphans: \(poolplay.stdout)")
    }

    /// 20 workers × 80 requests on Limits(5, 1), each cancelled by `asyncio.wait_for` after 0–50 ms (reference §D).
    /// httpx's pool is poisoned — every slot held by a CONNECTING or NEW orphan or a stranded request, which kinds
    /// depends on the run in CPython too — and the probe gets PoolTimeout; httpx2 keeps serving, in both runners.
    /// PoolPlay's loop turns are faster than CPython's, so timers meet the windows less often: it loses all five
    /// slots in most runs (after 30–650 requests) but only some in others (2–4 of 5 in trial runs under load), so for
    /// httpx it is checked for a loss, and for the probe's fate when the loss is total.
    @Test(arguments: ["httpx", "httpx2"])
    func waitForChurn(lib: String) async throws {
        let (cpython, poolplay) = try await DifferentialHarness.run(scenario: "wait_for_churn", lib: lib)
        #expect(cpython.status == 0, "CPython failed: \(cpython.stderr)")
        #expect(poolplay.status == 0, "poolplay failed: \(poolplay.stderr)")
        let outcome = { (o: DifferentialHarness.Outcome) in [0, 1, 3].compactMap { o.stdout.dropFirst($0).first } }
        guard lib == "httpx" else {
            #expect(outcome(cpython) == ["all ended: True", "leaked slots: 0", "probe: 200"])
            #expect(outcome(poolplay) == outcome(cpython))
            return
        }
        #expect(outcome(cpython) == ["all ended: True", "leaked slots: 5", "probe: PoolTimeout"])
        let lost = poolplay.stdout.dropFirst(1).first.flatMap { Int($0.split(separator: " ").last ?? "") } ?? 0
        #expect(lost >= 1, "PoolPlay: \(poolplay.stdout)")
        #expect(poolplay.stdout.last == (lost == 5 ? "probe: PoolTimeout" : "probe: 200"))
        #expect(poolplay.stdout.first == "all ended: True")
    }

    /// "Connections: N active" from the printed pool repr (only CONNECTING orphans are left at the end).
    private static func orphans(_ outcome: DifferentialHarness.Outcome) -> Int {
        guard let repr = outcome.stdout.first(where: { $0.hasPrefix("<AsyncConnectionPool") }),
            let range = repr.range(of: "Connections: ")
        else { return -1 }
        return Int(repr[range.upperBound...].prefix { $0.isNumber }) ?? -1
    }

    private static func closers(_ outcome: DifferentialHarness.Outcome) -> Set<String> {
        Set(outcome.connections.compactMap { row in
            if row.count > 2, case .string(let closer) = row[2] { closer } else { nil }
        })
    }
}
