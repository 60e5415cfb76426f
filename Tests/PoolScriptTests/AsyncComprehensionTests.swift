import Testing

@testable import PoolScript

/// `async for` inside list, set and dict comprehensions (PEP 530), against CPython 3.11's output.
@Suite struct AsyncComprehensionTests {
    @Test func asyncComprehensionsOverGeneratorsAndAiterClasses() async {
        let output = await run(
            #"""
            import asyncio
            async def agen(n):
                for i in range(n):
                    await asyncio.sleep(0)
                    yield i
            class Ticker:
                def __init__(self, n): self.n = n
                def __aiter__(self): return self
                async def __anext__(self):
                    if self.n == 0: raise StopAsyncIteration
                    self.n -= 1
                    return self.n
            print([x * 2 async for x in agen(4) if x != 1])
            print({x async for x in Ticker(3)})
            print({x: str(x) async for x in agen(3)})
            print([(x, y) async for x in agen(2) for y in range(2)])
            print([y for y in [z async for z in agen(3)]])
            """#)
        #expect(
            output == """
                [0, 4, 6]
                {0, 1, 2}
                {0: '0', 1: '1', 2: '2'}
                [(0, 0), (0, 1), (1, 0), (1, 1)]
                [0, 1, 2]

                """)
    }

    @Test func asyncForOverAPlainIterableIsCPythonsTypeError() async {
        let output = await run("print([x async for x in [1, 2]])")
        #expect(output.contains("TypeError: 'async for' requires an object with __aiter__ method, got list"))
    }

    @Test func asyncGeneratorExpressionsStayOutsideTheSubsetWithACaret() async {
        let output = await run("g = (x async for x in y)")
        #expect(output.contains("NotImplementedError: asynchronous generator expressions are not supported"))
    }
}
