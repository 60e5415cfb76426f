import Foundation
import Testing

/// The trace hook (`extensions={"trace": callback}`) and the cancellation windows it reaches, through CPython and
/// `poolplay run` against the counting server (issue 12, part 3: httpcore 1.0.9's leak kinds 2 and 3).
@Suite(.serialized, .enabled(if: DifferentialHarness.available, "needs .venv/openai3 (make test creates it)"))
struct DifferentialTraceTests {
    /// httpcore's twelve trace points of a GET on a new connection.
    static let points = [
        "connection.connect_tcp.started", "connection.connect_tcp.complete",
        "http11.send_request_headers.started", "http11.send_request_headers.complete",
        "http11.send_request_body.started", "http11.send_request_body.complete",
        "http11.receive_response_headers.started", "http11.receive_response_headers.complete",
        "http11.receive_response_body.started", "http11.receive_response_body.complete",
        "http11.response_closed.started", "http11.response_closed.complete",
    ]

    /// A fresh `Limits(max_connections=1)` client per trace point, the callback cancelling its own task there.
    /// httpx loses the slot at five points — right after the connect (a NEW connection nobody owns) and from the
    /// response head to the start of its close (a stranded request on an ACTIVE connection) — and the next request
    /// gets PoolTimeout; httpx2 loses nothing. Output, connections and requests the server saw match exactly.
    @Test(arguments: ["httpx", "httpx2"])
    func cancelAtEachTracePoint(lib: String) async throws {
        let cpython = try await Self.runMatching("trace_cancel_matrix", lib: lib)
        // Pinned: what the real libraries print.
        #expect(cpython.stdout.prefix(12).map { String($0.split(separator: " ")[0]) } == Self.points)
        #expect(cpython.stdout.first == "connection.connect_tcp.started host,local_address,port,socket_options,timeout")
        let rows = Self.rows(cpython.stdout)
        #expect(rows.count == 12)
        #expect(rows.allSatisfy { $0.outcome == "cancelled" })
        let leaking = lib == "httpx" ? [1, 7, 8, 9, 10] : []
        #expect(rows.indices.filter { rows[$0].next == "PoolTimeout" } == leaking)
        if lib == "httpx" {
            #expect(rows[1].connections == "[<AsyncHTTPConnection ['http://ORIGIN0', HTTP/1.1, NEW, Request Count: 0]>]")
            #expect(rows[7].pool == "<AsyncConnectionPool [Requests: 1 active, 0 queued | Connections: 1 active, 0 idle]>")
            #expect(rows[7].connections == "[<AsyncHTTPConnection ['http://ORIGIN0', HTTP/1.1, ACTIVE, Request Count: 1]>]")
        } else {
            #expect(rows[7].connections == "[<AsyncHTTPConnection ['http://ORIGIN0', HTTP/1.1, IDLE, Request Count: 1]>]")
        }
    }

    /// The same matrix against a server that answers `Connection: close`. httpx strands the request at the same four
    /// points, its connection still ACTIVE. httpx2 now strands it too — its close awaits the socket's close — but the
    /// connection is already CLOSED, so the next pass removes it and the next request is served (reference §C).
    @Test(arguments: ["httpx", "httpx2"])
    func cancelAtEachTracePointWithAClosingServer(lib: String) async throws {
        let cpython = try await Self.runMatching("trace_cancel_matrix_close", lib: lib)
        let rows = Self.rows(cpython.stdout)
        #expect(rows.indices.filter { rows[$0].pool.hasPrefix("<AsyncConnectionPool [Requests: 1 active") } == [7, 8, 9, 10])
        let leaking = lib == "httpx" ? [1, 7, 8, 9, 10] : []
        #expect(rows.indices.filter { rows[$0].next == "PoolTimeout" } == leaking)
        if lib == "httpx2" {
            #expect(rows[7].connections == "[<AsyncHTTPConnection ['http://ORIGIN0', HTTP/1.1, CLOSED, Request Count: 1]>]")
        }
    }

    /// The callback awaits after cancelling, so CancelledError is raised inside it and propagates from the trace point
    /// (reference §C, `SUSPEND=1`): nothing is sent when it raises at `send_request_headers.started`, the connect
    /// fails at `connect_tcp.complete`, and both libraries strand the request at `response_closed.started`.
    @Test(arguments: ["httpx", "httpx2"])
    func callbackRaisesAtEachTracePoint(lib: String) async throws {
        let cpython = try await Self.runMatching("trace_raise_matrix", lib: lib)
        let rows = Self.rows(cpython.stdout)
        #expect(rows.count == 11)
        #expect(rows.indices.filter { rows[$0].next == "PoolTimeout" } == [10])
        #expect(rows[10].connections == "[<AsyncHTTPConnection ['http://ORIGIN0', HTTP/1.1, ACTIVE, Request Count: 1]>]")
        #expect(rows[9].connections == "[<AsyncHTTPConnection ['http://ORIGIN0', HTTP/1.1, IDLE, Request Count: 1]>]")
    }

    /// A sync client calls a plain function at each point: twelve on a new connection, ten on the reused one.
    @Test(arguments: ["httpx", "httpx2"])
    func syncClientCallsItsCallback(lib: String) async throws {
        let cpython = try await Self.runMatching("trace_sync_client", lib: lib)
        #expect(cpython.stdout.dropFirst(3).first == "200 22")
    }

    /// Runs `scenario` through both and expects the same output, connections and requests; returns CPython's run.
    static func runMatching(_ scenario: String, lib: String) async throws -> DifferentialHarness.Outcome {
        let (cpython, poolplay) = try await DifferentialHarness.run(scenario: scenario, lib: lib)
        #expect(cpython.status == 0, "CPython failed: \(cpython.stderr)")
        #expect(poolplay.status == 0, "poolplay failed: \(poolplay.stderr)")
        #expect(poolplay.stdout == cpython.stdout)
        #expect(poolplay.connections == cpython.connections)
        #expect(poolplay.requests == cpython.requests)
        return cpython
    }

    /// One trace point's printout: the outcome, the pool and its connections, and the next request's fate.
    struct Row {
        var outcome: String
        var pool: String
        var connections: String
        var next: String
    }

    static func rows(_ stdout: [String]) -> [Row] {
        let body = Array(stdout.dropFirst(12))
        func last(_ line: String) -> String { line.split(separator: " ").last.map(String.init) ?? "" }
        func trimmed(_ line: String) -> String { line.trimmingCharacters(in: .whitespaces) }
        var rows: [Row] = []
        var i = 0
        while i + 3 < body.count {
            rows.append(Row(outcome: last(body[i]), pool: trimmed(body[i + 1]), connections: trimmed(body[i + 2]),
                next: last(body[i + 3])))
            i += 4
        }
        return rows
    }
}
