import Testing

@testable import Playground
@testable import PythonModels

/// Top-level code runs as in `python -m asyncio`: `asyncio.current_task()` is the statement's task, and a request
/// it cancels raises asyncio's own `CancelledError` (the one `except asyncio.CancelledError` names).
@Suite struct TopLevelCancelTests {
    @Test func aTraceCallbackCancellingTheTopLevelTaskIsCaughtAsAsyncioCancelledError() async throws {
        let harness = try await PlaygroundHarness.start(latency: .zero, options: .withoutPanels)
        let status = await harness.session.runFile(
            source: """
                import asyncio, httpx, os
                async def trace(name, info):
                    if name == "connection.connect_tcp.complete":
                        asyncio.current_task().cancel()
                client = httpx.AsyncClient(limits=httpx.Limits(max_connections=1), timeout=httpx.Timeout(5, pool=0.2))
                try:
                    await client.get(os.environ["OPENAI_BASE_URL"] + "/models", extensions={"trace": trace})
                except asyncio.CancelledError as e:
                    print("caught", type(e))
                print(repr(client._transport._pool.connections[0]).split(", ")[2])
                try:
                    await client.get(os.environ["OPENAI_BASE_URL"] + "/models")
                except httpx.PoolTimeout:
                    print("PoolTimeout")
                """, path: "toplevel.py")
        try await harness.stop()
        #expect(harness.output.stderr == "")
        #expect(status == 0)
        #expect(
            harness.output.stdout == """
                caught <class 'asyncio.exceptions.CancelledError'>
                NEW
                PoolTimeout

                """)
    }
}
