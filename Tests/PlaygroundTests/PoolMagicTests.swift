import Foundation
import Testing

@testable import Playground

/// `%pool` shows each connection from both sides; `%autopool` turns the panel off and on.
@Suite struct PoolMagicTests {
    @Test func bothSidesOfEachConnection() async throws {
        let harness = try await PlaygroundHarness.start()
        await harness.pipe(
            """
            import asyncio, httpx, os
            client = httpx.AsyncClient(limits=httpx.Limits(max_connections=2), timeout=None)
            r = await asyncio.gather(*[client.get(os.environ["OPENAI_BASE_URL"] + "/models") for _ in range(4)])
            %pool

            """)
        let text = harness.output.stdout
        let ledger = harness.server.ledger()
        try await harness.stop()
        #expect(text.contains("client (httpx → httpcore 1.0.9)\n"))
        #expect(text.contains("    conn 1  <AsyncHTTPConnection ['http://127.0.0.1:"))
        #expect(text.contains("IDLE, Request Count: 2]>"))
        for connection in ledger.connections {
            #expect(text.contains("client: port \(connection.clientPort) · idle "))
        }
        #expect(text.contains("· expires in "))
        #expect(text.contains("server: 2 requests served · open"))
    }

    @Test func autopoolTurnsThePanelOffAndOn() async throws {
        let harness = try await PlaygroundHarness.start()
        await harness.pipe(
            """
            import httpx, os
            url = os.environ["OPENAI_BASE_URL"] + "/models"
            client = httpx.AsyncClient()
            %autopool off
            r = await client.get(url)
            %autopool
            %autopool on
            r = await client.get(url)
            %autopool sideways
            """)
        let out = harness.output.stdout
        let err = harness.output.stderr
        try await harness.stop()
        let afterOff = out.components(separatedBy: "Pool panels off")[1].components(separatedBy: "Pool panels on.")[0]
        #expect(!afterOff.contains(" pool "))
        #expect(afterOff.contains("Pool panels are off (%autopool off|on)."))
        #expect(out.components(separatedBy: "Pool panels on.")[1].contains("+1 request · opened 0 · reused 1"))
        #expect(err.contains("UsageError: %autopool off|on"))
    }
}

/// `%save` writes what reruns: no statement that raised, and `%server` changes as Python.
@Suite struct SaveReplaysTheSessionTests {
    @Test func raisingStatementsAreLeftOutAndServerChangesBecomePython() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("saved-\(getpid()).py").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let harness = try await PlaygroundHarness.start()
        await harness.pipe(
            """
            import httpx
            %server latency=10ms max_concurrent=4
            1/0
            x = 2
            %save -f \(path)
            """)
        try await harness.stop()
        let saved = try String(contentsOfFile: path, encoding: .utf8)
        #expect(
            saved == """
                import httpx
                import poolplay
                poolplay.server.configure(latency="10ms", max_concurrent="4")
                x = 2

                """)
    }
}
