import Testing

@testable import PoolScript

/// Async generators and `contextlib.contextmanager` / `asynccontextmanager`, against CPython 3.11's output.
@Suite struct AsyncGeneratorTests {
    /// async for, __anext__/anext with a default, aclose; contextmanager suppression, propagation and "generator didn't stop".
    @Test func asyncGeneratorsAndContextManagers() async {
        let output = await run(
            #"""
            import asyncio
            from contextlib import contextmanager, asynccontextmanager

            @contextmanager
            def opened(name):
                print("open", name)
                try:
                    yield name.upper()
                finally:
                    print("close", name)

            with opened("a") as v:
                print("body", v)

            @contextmanager
            def swallow():
                try:
                    yield
                except KeyError as e:
                    print("swallowed", repr(e))

            with swallow():
                raise KeyError("k")
            print("after swallow")

            try:
                with opened("b"):
                    raise ValueError("inner")
            except ValueError as e:
                print("propagated", e)

            @contextmanager
            def twice():
                yield 1
                yield 2
            try:
                with twice():
                    pass
            except RuntimeError as e:
                print(e)

            @contextmanager
            def never():
                if False:
                    yield
            try:
                with never():
                    pass
            except RuntimeError as e:
                print(e)
            print(opened.__name__)

            async def ticker(n):
                for i in range(n):
                    await asyncio.sleep(0)
                    yield i
                print("ticker done")

            @asynccontextmanager
            async def session():
                print("connect")
                try:
                    yield "S"
                finally:
                    await asyncio.sleep(0)
                    print("disconnect")

            async def main():
                async for i in ticker(3):
                    print("tick", i)
                agen = ticker(2)
                print(repr(agen).split(" at ")[0])
                print(await agen.__anext__(), await anext(agen))
                try:
                    await anext(agen)
                except StopAsyncIteration:
                    print("exhausted")
                print(await anext(agen, "dflt"))
                async with session() as s:
                    print("in", s)
                try:
                    async with session():
                        raise OSError("net")
                except OSError as e:
                    print("net error", e)
                g = ticker(5)
                print(await anext(g))
                await g.aclose()
                print("skip")
                print(type(g).__name__)

            asyncio.run(main())
            """#)
        #expect(
            output == #"""
                open a
                body A
                close a
                swallowed KeyError('k')
                after swallow
                open b
                close b
                propagated inner
                generator didn't stop
                generator didn't yield
                opened
                tick 0
                tick 1
                tick 2
                ticker done
                <async_generator object ticker
                0 1
                ticker done
                exhausted
                dflt
                connect
                in S
                disconnect
                connect
                disconnect
                net error net
                0
                skip
                async_generator

                """#)
    }

    /// `async for … break` leaves the stream to be closed by a task of its own, so its `finally` runs at the next
    /// suspension, after the loop's next statement, as asyncio's finalizer hook does (Tests/Corpus/124 has more).
    @Test func earlyBreakClosesAtTheNextSuspension() async {
        let output = await run(
            #"""
            import asyncio
            async def stream():
                try:
                    for w in "abcd":
                        await asyncio.sleep(0)
                        yield w
                finally:
                    print("stream closed")
            async def main():
                words = []
                async for w in stream():
                    words.append(w)
                    if len(words) == 2:
                        break
                print(words)
                await asyncio.sleep(0)
                print("done")
            asyncio.run(main())
            """#)
        #expect(
            output == #"""
                ['a', 'b']
                done
                stream closed

                """#)
    }
}
