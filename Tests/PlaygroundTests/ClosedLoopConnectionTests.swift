import Testing

@testable import Playground
@testable import PythonModels

/// openai-python#874: an async client's idle connection belongs to the loop of the `asyncio.run` that opened it.
/// Reused under a second `asyncio.run`, the request fails with CPython's `RuntimeError: Event loop is closed`, and
/// the connection is gone, so a third run opens a new one and works. Expected text from CPython 3.11 with httpx
/// 0.28.1 and httpx2 against the same mock.
@Suite struct ClosedLoopConnectionTests {
    @Test func secondRunFailsOnTheOldConnectionAndThirdRunReconnects() async throws {
        let harness = try await PlaygroundHarness.start(latency: .zero, options: .withoutPanels)
        let status = await harness.session.runFile(
            source: """
                import asyncio, os, httpx
                client = httpx.AsyncClient()
                url = os.environ["OPENAI_BASE_URL"] + "/models"
                async def get():
                    return (await client.get(url)).status_code
                print(asyncio.run(get()))
                try:
                    asyncio.run(get())
                except RuntimeError as e:
                    print("second:", e)
                print(asyncio.run(get()))
                async def fresh():
                    async with httpx.AsyncClient() as c:
                        return (await c.get(url)).status_code
                print(asyncio.run(fresh()), asyncio.run(fresh()))
                """, path: "two_runs.py")
        let counters = harness.session.context.pools.first?.engine.snapshot.counters
        try await harness.stop()
        #expect(status == 0)
        #expect(harness.output.stdout == "200\nsecond: Event loop is closed\n200\n200 200\n")
        // The first connection served runs 1 and 2; run 3 needed a new one.
        #expect(counters?.opened == 2)
    }

    @Test func oneRunReusesItsConnections() async throws {
        let harness = try await PlaygroundHarness.start(latency: .zero, options: .withoutPanels)
        let status = await harness.session.runFile(
            source: """
                import asyncio, os, httpx
                async def main():
                    async with httpx.AsyncClient() as client:
                        for _ in range(3):
                            await client.get(os.environ["OPENAI_BASE_URL"] + "/models")
                asyncio.run(main())
                print("ok")
                """, path: "one_run.py")
        let counters = harness.session.context.pools.first?.engine.snapshot.counters
        try await harness.stop()
        #expect(status == 0)
        #expect(harness.output.stdout == "ok\n")
        #expect(counters?.reused == 2)
    }
}
