import Foundation
import Testing

@testable import Playground
@testable import PythonModels

/// `%burst N [CALL]` runs N calls through the newest client as ordinary Python; `%save FILE` writes the session's
/// Python to a file `poolplay run` runs again, and never overwrites a file unless asked.
@Suite struct BurstAndSaveMagicTests {
    private static func harness() async throws -> PlaygroundHarness {
        var options = Session.Options()
        options.showPanels = false
        return try await PlaygroundHarness.start(latency: .milliseconds(5), options: options)
    }

    @Test func burstSendsNCallsThroughTheNewestClientsPool() async throws {
        let harness = try await Self.harness()
        await harness.pipe(
            """
            import httpx
            from openai import AsyncOpenAI
            old = AsyncOpenAI()
            client = AsyncOpenAI(http_client=httpx.AsyncClient(limits=httpx.Limits(max_connections=3)))
            %burst 12
            len(_burst)
            """)
        let ledger = harness.server.ledger()
        let pool = try #require(harness.session.context.pools.last)
        let snapshot = pool.engine.snapshot
        try await harness.stop()
        #expect(harness.output.stderr == "")
        #expect(harness.output.stdout.contains("burst: 12 × client.models.list()\n"))
        #expect(harness.output.stdout.contains("burst: 12 × AsyncPage[Model] in "))
        #expect(harness.output.stdout.hasSuffix("12\n"))
        #expect(ledger.requests.count == 12)
        #expect(ledger.peakConcurrentConnections <= 3)
        #expect(snapshot.counters.opened + snapshot.counters.reused == 12)
        #expect(harness.session.interpreter.globals["_poolplay_asyncio"] == nil, "no private name is left behind")
    }

    @Test func burstCountsErrorsAndTakesAnExplicitCall() async throws {
        let harness = try await Self.harness()
        await harness.pipe(
            """
            import httpx
            from openai import AsyncOpenAI
            client = AsyncOpenAI(http_client=httpx.AsyncClient(limits=httpx.Limits(max_connections=1)), max_retries=0)
            %burst 3 client.models.retrieve("no-such-model")
            """)
        try await harness.stop()
        #expect(harness.output.stdout.contains("burst: 3 × NotFoundError in "))
    }

    @Test func burstMistakesAreUsageErrorsAndLoseNothing() async throws {
        let harness = try await Self.harness()
        await harness.pipe(
            """
            x = 41
            %burst 5
            %burst 0
            %burst many
            import asyncio
            async def f():
                return 1
            %burst 2 undefined_call()
            x + 1
            """)
        try await harness.stop()
        let err = harness.output.stderr
        #expect(err.contains("UsageError: %burst: no OpenAI client yet."))
        #expect(err.contains("UsageError: %burst N [CALL]: N is a number of calls from 1 to 10000"))
        #expect(err.contains("NameError: name 'undefined_call' is not defined"))
        #expect(err.contains("File \"<stdin>\", line 1"))
        #expect(harness.output.stdout.hasSuffix("42\n"))
    }

    @Test func saveWritesARunnableScriptAndRefusesToOverwrite() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("poolplay-save-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("session.py").path
        let harness = try await Self.harness()
        await harness.pipe(
            """
            %save \(file)
            import httpx
            limits = httpx.Limits(max_connections=2)
            for i in range(2):
                print(i)
            %pool
            %save \(file)
            y = 1
            %save \(file)
            %save -f \(file)
            """)
        try await harness.stop()
        let saved = try String(contentsOfFile: file, encoding: .utf8)
        #expect(
            saved == """
                import httpx
                limits = httpx.Limits(max_connections=2)
                for i in range(2):
                    print(i)

                y = 1

                """)
        #expect(harness.output.stderr.contains("UsageError: %save: nothing to save yet"))
        #expect(harness.output.stderr.contains("UsageError: %save: \(file) exists; %save -f \(file) overwrites it"))
        #expect(harness.output.stdout.contains("Saved 3 entries to \(file)"))
        #expect(harness.output.stdout.contains("Saved 4 entries to \(file)"))
    }
}
