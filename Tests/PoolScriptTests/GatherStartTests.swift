@testable import PoolScript
import Testing

/// `asyncio.gather(...)` starts its children when it is called, not when it is awaited (CPython's `gather` wraps each
/// argument with `ensure_future` at once). Found as a flaky corpus run: with the start deferred to the await, an
/// inner gather's tasks started one iteration after an outer gather's own, and on a busy machine a 20 ms sleep begun
/// first outran a 10 ms one begun later.
@Suite struct GatherStartTests {
    /// `j(n)` logs `n` in `order` when it starts, and returns it.
    private let prelude = """
        import asyncio
        order = []
        async def j(n):
            order.append(n)
            return n
        """

    private func run(_ source: String) async -> String {
        let host = TestHost()
        let result = await Interpreter(host: host).run(source, mode: .file)
        return host.output + render(result)
    }

    @Test func anInnerGathersTasksStartBeforeTheOuterGathersOwn() async {
        let output = await run(
            """
            \(prelude)
            async def main():
                inner = asyncio.gather(j("a"), j("b"))
                outer = await asyncio.gather(inner, j("c"))
                print(order, outer)
            asyncio.run(main())
            """)
        #expect(output == "['a', 'b', 'c'] [['a', 'b'], 'c']\n")
    }

    @Test func childrenRunWithoutAnAwaitAndTheFutureGivesItsResultTwice() async {
        let output = await run(
            """
            \(prelude)
            async def main():
                g = asyncio.gather(j("e"), j("f"))
                await asyncio.sleep(0)
                print(order)
                print(await g, await g, g)
                co = j("d")
                print(await asyncio.gather(co, co), order)
            asyncio.run(main())
            """)
        #expect(output == "['e', 'f']\n['e', 'f'] ['e', 'f'] <_GatheringFuture finished result=['e', 'f']>\n['d', 'd'] ['e', 'f', 'd']\n")
    }

    @Test func aFailureBeforeTheAwaitSettlesTheFutureWithoutWaitingForTheRest() async {
        let output = await run(
            """
            import asyncio
            async def boom():
                raise KeyError("x")
            async def slow():
                await asyncio.sleep(5)
            async def main():
                h = asyncio.gather(slow(), boom())
                await asyncio.sleep(0)
                await asyncio.sleep(0)
                print(h)
                try:
                    await h
                except KeyError as e:
                    print("KeyError", e)
            asyncio.run(main())
            """)
        #expect(output == "<_GatheringFuture finished exception=KeyError('x')>\nKeyError 'x'\n")
    }
}
