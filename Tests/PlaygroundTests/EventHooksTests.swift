import Testing

@testable import Playground
@testable import PythonModels

/// httpx's `event_hooks`: request hooks before the send, response hooks at the head (before the body), awaited by
/// an `AsyncClient`. Expected text is what httpx 0.28.1 printed under CPython 3.11 for the same code and mock.
@Suite struct EventHooksTests {
    @Test func syncHooksSeeEachRequestAndResponseAndCanRaise() async throws {
        let harness = try await PlaygroundHarness.start(latency: .zero, options: .withoutPanels)
        let status = await harness.session.runFile(
            source: """
                import httpx, os
                base = os.environ["OPENAI_BASE_URL"]
                def req(r): print("req", r.method, r.url.path)
                def resp(r): print("resp", r.status_code); r.raise_for_status()
                c = httpx.Client(event_hooks={"request": [req], "response": [resp]})
                print(sorted(c.event_hooks), httpx.Client().event_hooks)
                print(c.get(base + "/models").status_code)
                try:
                    c.get(base + "/nope")
                except httpx.HTTPStatusError as e:
                    print("status error", e.response.status_code)
                """, path: "hooks.py")
        try await harness.stop()
        #expect(harness.output.stderr == "")
        #expect(status == 0)
        #expect(
            harness.output.stdout == """
                ['request', 'response'] {'request': [], 'response': []}
                req GET /v1/models
                resp 200
                200
                req GET /v1/nope
                resp 404
                status error 404

                """)
    }

    @Test func anAsyncClientAwaitsEachHook() async throws {
        let harness = try await PlaygroundHarness.start(latency: .zero, options: .withoutPanels)
        let status = await harness.session.runFile(
            source: """
                import asyncio, httpx2, os
                url = os.environ["OPENAI_BASE_URL"] + "/models"
                async def hook(r): print("async hook", r.method)
                def plain(r): print("plain hook", r.method)
                async def main():
                    async with httpx2.AsyncClient(event_hooks={"request": [hook]}) as c:
                        print((await c.get(url)).status_code)
                    async with httpx2.AsyncClient(event_hooks={"request": [plain]}) as c:
                        try:
                            await c.get(url)
                        except TypeError as e:
                            print("TypeError:", e)
                asyncio.run(main())
                """, path: "ahooks.py")
        try await harness.stop()
        #expect(harness.output.stderr == "")
        #expect(status == 0)
        #expect(
            harness.output.stdout == """
                async hook GET
                200
                plain hook GET
                TypeError: object NoneType can't be used in 'await' expression

                """)
    }
}
