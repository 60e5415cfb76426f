import Foundation
import Testing

/// The same script text through real httpx/httpx2 (CPython) and through `poolplay run`, against one
/// independent counting server: connections opened, requests per connection, who closed each, request
/// order, PoolTimeout count (printed) and the final pool repr (printed) must match exactly.
///
/// Scenarios live in `Tests/Differential/scenarios/` (see `Tests/Differential/README.md`). Re-queue counts
/// are not compared: they vary run to run in CPython too. Latencies are ≥ 100 ms and every timing that must
/// *not* elapse has a ≥ 5× margin, so a busy 2-core machine cannot flip a result. Serialized: each run
/// starts two processes and a server, and concurrent runs would only add load.
@Suite(.serialized, .enabled(if: DifferentialHarness.available, "needs .venv/openai3 (make test creates it)"))
struct DifferentialTests {
    static let scenarios = [
        "churn_5_2", "churn_5_5", "keepalive_expiry", "pool_timeout", "server_idle_close", "fifo",
        "max_connections_zero", "max_keepalive_zero", "two_origins", "two_origins_load", "requeue_timer",
        "cancel_active", "aclose_in_flight",
    ]

    /// TCP connections real httpcore 1.0.9 / httpcore2 open in each scenario (Limits(5, 2) churn is the
    /// headline difference: httpcore 1.0.9 closes each released connection, see PoolCore's docs).
    static let expectedConnectionsOpened: [String: (httpcore1: Int, httpcore2: Int)] = [
        "churn_5_2": (20, 5), "churn_5_5": (5, 5), "keepalive_expiry": (2, 2), "pool_timeout": (1, 1),
        "server_idle_close": (2, 2), "fifo": (1, 1), "max_connections_zero": (0, 0), "max_keepalive_zero": (3, 3),
        "two_origins": (3, 3), "two_origins_load": (5, 3), "requeue_timer": (1, 1),
        "cancel_active": (2, 2), "aclose_in_flight": (2, 2),
    ]

    @Test(arguments: scenarios, ["httpx", "httpx2"])
    func sameScriptSamePool(scenario: String, lib: String) async throws {
        let (cpython, poolplay) = try await DifferentialHarness.run(scenario: scenario, lib: lib)
        // CPython itself must have run the scenario cleanly, or the comparison means nothing.
        #expect(cpython.status == 0, "CPython failed: \(cpython.stderr)")
        #expect(poolplay.status == 0, "poolplay failed: \(poolplay.stderr)")
        #expect(!cpython.stdout.isEmpty)
        #expect(poolplay.stdout == cpython.stdout)
        #expect(poolplay.connectionsOpened == cpython.connectionsOpened)
        #expect(poolplay.connections == cpython.connections)
        #expect(poolplay.requests == cpython.requests)
        #expect(poolplay.served == cpython.served)
        // Pinned: what real httpcore does here (reference §6), so a scenario or server change is noticed.
        let opened = Self.expectedConnectionsOpened[scenario]
        #expect(cpython.connectionsOpened == (lib == "httpx" ? opened?.httpcore1 : opened?.httpcore2))
    }
}
