import Testing

@testable import PoolScript

/// `asyncio.wait`, `as_completed`, `shield`, cancellation through awaits and the Future API of tasks.
///
/// Each script's expected output is what CPython 3.11 printed for it (run wrapped in `async def main()`,
/// as the corpus runs scripts); no test sleeps longer than a few milliseconds of wall time.
@Suite struct AsyncioWaitTests {
    @Test func firstCompletedReturnsTheFirstDone() async {
        let output = await run(
            #"""
            import asyncio
            ev = asyncio.Event()
            async def first():
                return 'first'
            async def second():
                await ev.wait()
                return 'second'
            a = asyncio.create_task(first())
            b = asyncio.create_task(second())
            done, pending = await asyncio.wait([a, b], return_when=asyncio.FIRST_COMPLETED)
            print([t.result() for t in done], pending == {b}, type(done).__name__)
            ev.set()
            done, pending = await asyncio.wait([a, b])
            print(len(done), pending)
            """#)
        #expect(
            output == #"""
                ['first'] True set
                2 set()
                """# + "\n")
    }

    @Test func firstExceptionIgnoresCancelledTasks() async {
        let output = await run(
            #"""
            import asyncio
            async def boom():
                await asyncio.sleep(0)
                raise KeyError('k')
            async def never():
                await asyncio.Event().wait()
            c = asyncio.create_task(never())
            await asyncio.sleep(0)
            c.cancel()
            b = asyncio.create_task(boom())
            n = asyncio.create_task(never())
            done, pending = await asyncio.wait([c, b, n], return_when=asyncio.FIRST_EXCEPTION)
            print(sorted(repr(t.exception()) for t in done if not t.cancelled()), c.cancelled(), len(pending))
            n.cancel()
            """#)
        #expect(
            output == #"""
                ["KeyError('k')"] True 1
                """# + "\n")
    }

    @Test func waitRejectsBadArguments() async {
        let output = await run(
            #"""
            import asyncio
            async def f():
                return 1
            for args in [([],), ([asyncio.create_task(f())], 'x')]:
                try:
                    if len(args) == 1:
                        await asyncio.wait(args[0])
                    else:
                        await asyncio.wait(args[0], return_when=args[1])
                except ValueError as e:
                    print('ValueError:', e)
            try:
                await asyncio.wait(f())
            except TypeError as e:
                print('TypeError:', e)
            """#)
        #expect(
            output == #"""
                ValueError: Set of Tasks/Futures is empty.
                ValueError: Invalid return_when value: x
                TypeError: expect a list of futures, not coroutine
                """# + "\n")
    }

    @Test func asCompletedYieldsInFinishingOrder() async {
        let output = await run(
            #"""
            import asyncio
            gates = [asyncio.Event() for _ in range(3)]
            async def job(i):
                await gates[i].wait()
                return i
            async def opener():
                for i in (2, 0, 1):
                    gates[i].set()
                    await asyncio.sleep(0)
            asyncio.create_task(opener())
            print([await f for f in asyncio.as_completed([job(0), job(1), job(2)])])
            """#)
        #expect(
            output == #"""
                [2, 0, 1]
                """# + "\n")
    }

    @Test func shieldKeepsTheInnerTaskRunning() async {
        let output = await run(
            #"""
            import asyncio
            ev = asyncio.Event()
            async def inner():
                await ev.wait()
                return 'inner result'
            t = asyncio.create_task(inner())
            async def outer():
                return await asyncio.shield(t)
            o = asyncio.create_task(outer())
            await asyncio.sleep(0)
            o.cancel()
            try:
                await o
            except asyncio.CancelledError:
                print('outer cancelled', t.done(), t.cancelled())
            ev.set()
            print(await t)
            """#)
        #expect(
            output == #"""
                outer cancelled False False
                inner result
                """# + "\n")
    }

    @Test func awaitingACancelledAwaiterCancelsTheAwaited() async {
        let output = await run(
            #"""
            import asyncio
            async def leaf():
                try:
                    await asyncio.Event().wait()
                except asyncio.CancelledError:
                    print('leaf cancelled')
                    raise
            t = asyncio.create_task(leaf())
            async def middle():
                return await t
            m = asyncio.create_task(middle())
            await asyncio.sleep(0)
            print(m.cancel(), m.cancelling())
            try:
                await m
            except asyncio.CancelledError:
                print('middle cancelled', t.cancelled())
            """#)
        #expect(
            output == #"""
                True 1
                leaf cancelled
                middle cancelled True
                """# + "\n")
    }

    @Test func taskFutureAPI() async {
        let output = await run(
            #"""
            import asyncio
            async def ok():
                return 5
            async def bad():
                raise ValueError('v')
            a = asyncio.create_task(ok())
            b = asyncio.create_task(bad())
            seen = []
            a.add_done_callback(lambda t: seen.append(('a', t.result())))
            b.add_done_callback(lambda t: seen.append(('b', repr(t.exception()))))
            try:
                a.exception()
            except asyncio.InvalidStateError as e:
                print('InvalidStateError:', e)
            await asyncio.gather(a, b, return_exceptions=True)
            await asyncio.sleep(0)
            print(seen, a.exception(), b.done())
            c = asyncio.create_task(ok())
            c.cancel()
            await asyncio.sleep(0)
            try:
                c.exception()
            except asyncio.CancelledError:
                print('exception() of a cancelled task raises CancelledError')
            print(c.cancel(), c.cancelled())
            """#)
        #expect(
            output == #"""
                InvalidStateError: Exception is not set.
                [('a', 5), ('b', "ValueError('v')")] None True
                exception() of a cancelled task raises CancelledError
                False True
                """# + "\n")
    }

    @Test func allTasksListsUnfinishedTasks() async {
        let output = await run(
            #"""
            import asyncio
            ev = asyncio.Event()
            async def w():
                await ev.wait()
            ts = [asyncio.create_task(w()) for _ in range(3)]
            await asyncio.sleep(0)
            print(len([t for t in asyncio.all_tasks() if t in ts]))
            ev.set()
            await asyncio.gather(*ts)
            print(len([t for t in asyncio.all_tasks() if t in ts]))
            async def who():
                return asyncio.current_task() is me
            me = asyncio.create_task(who())
            print(await me)
            """#)
        #expect(
            output == #"""
                3
                0
                True
                """# + "\n")
    }
}
