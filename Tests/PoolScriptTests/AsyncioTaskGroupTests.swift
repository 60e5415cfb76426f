import Testing

@testable import PoolScript

/// `asyncio.TaskGroup`: results, the first failure cancelling siblings and the body, `except*`.
///
/// Each script's expected output is what CPython 3.11 printed for it (run wrapped in `async def main()`,
/// as the corpus runs scripts); no test sleeps longer than a few milliseconds of wall time.
@Suite struct AsyncioTaskGroupTests {
    @Test func childrenResultsAfterTheBlock() async {
        let output = await run(
            #"""
            import asyncio
            async def sq(x):
                await asyncio.sleep(0)
                return x * x
            async with asyncio.TaskGroup() as tg:
                ts = [tg.create_task(sq(i)) for i in range(4)]
                print(repr(tg).startswith('<TaskGroup'), all(not t.done() for t in ts))
            print([t.result() for t in ts])
            """#)
        #expect(
            output == #"""
                True True
                [0, 1, 4, 9]
                """# + "\n")
    }

    @Test func firstFailureCancelsSiblingsAndBody() async {
        let output = await run(
            #"""
            import asyncio
            log = []
            async def fail():
                await asyncio.sleep(0)
                raise ValueError('child failed')
            async def sibling():
                try:
                    await asyncio.Event().wait()
                except asyncio.CancelledError:
                    log.append('sibling cancelled')
                    raise
            try:
                async with asyncio.TaskGroup() as tg:
                    tg.create_task(sibling())
                    tg.create_task(fail())
                    try:
                        await asyncio.Event().wait()
                    except asyncio.CancelledError:
                        log.append('body cancelled')
                        raise
            except* ValueError as eg:
                print(eg.message, [str(e) for e in eg.exceptions])
            print(log)
            """#)
        #expect(
            output == #"""
                unhandled errors in a TaskGroup ['child failed']
                ['sibling cancelled', 'body cancelled']
                """# + "\n")
    }

    @Test func bodyErrorJoinsTheGroup() async {
        let output = await run(
            #"""
            import asyncio
            async def fine():
                await asyncio.sleep(0)
                return 1
            try:
                async with asyncio.TaskGroup() as tg:
                    t = tg.create_task(fine())
                    raise TypeError('body')
            except ExceptionGroup as eg:
                print(repr(eg), t.cancelled())
            """#)
        #expect(
            output == #"""
                ExceptionGroup('unhandled errors in a TaskGroup', [TypeError('body')]) True
                """# + "\n")
    }

    @Test func createTaskOutsideTheBlock() async {
        let output = await run(
            #"""
            import asyncio
            async def f():
                return 1
            tg = asyncio.TaskGroup()
            c = f()
            try:
                tg.create_task(c)
            except RuntimeError as e:
                print(e)
            async with tg:
                pass
            try:
                tg.create_task(f())
            except RuntimeError as e:
                print(e)
            """#)
        #expect(
            output == #"""
                TaskGroup <TaskGroup> has not been entered
                TaskGroup <TaskGroup entered> is finished
                """# + "\n")
    }

    @Test func systemExitIsNotGrouped() async {
        let output = await run(
            #"""
            import asyncio
            async def stop():
                raise SystemExit(3)
            try:
                async with asyncio.TaskGroup() as tg:
                    tg.create_task(stop())
            except SystemExit as e:
                print('SystemExit', e.args)
            """#)
        #expect(
            output == #"""
                SystemExit (3,)
                """# + "\n")
    }
}
