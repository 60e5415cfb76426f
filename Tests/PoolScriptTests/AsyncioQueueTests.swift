import Testing

@testable import PoolScript

/// `asyncio.Queue`, `PriorityQueue`, `LifoQueue`: waiting getters and putters, `join`, cancellation.
///
/// Each script's expected output is what CPython 3.11 printed for it (run wrapped in `async def main()`,
/// as the corpus runs scripts); no test sleeps longer than a few milliseconds of wall time.
@Suite struct AsyncioQueueTests {
    @Test func getWaitsForPutInFIFOOrder() async {
        let output = await run(
            #"""
            import asyncio
            q = asyncio.Queue()
            got = []
            async def getter(i):
                got.append((i, await q.get()))
            ts = [asyncio.create_task(getter(i)) for i in range(3)]
            await asyncio.sleep(0)
            print(q)
            for x in 'abc':
                q.put_nowait(x)
            await asyncio.gather(*ts)
            print(got, q.qsize(), q)
            """#)
        #expect(
            output == #"""
                <Queue maxsize=0 _getters[3]>
                [(0, 'a'), (1, 'b'), (2, 'c')] 0 <Queue maxsize=0 tasks=3>
                """# + "\n")
    }

    @Test func putWaitsWhileFull() async {
        let output = await run(
            #"""
            import asyncio
            q = asyncio.Queue(maxsize=1)
            order = []
            async def putter(x):
                await q.put(x)
                order.append('put ' + x)
            await q.put('first')
            t = asyncio.create_task(putter('second'))
            await asyncio.sleep(0)
            print(q.full(), t.done(), q)
            order.append('got ' + await q.get())
            await t
            print(order, q.get_nowait())
            """#)
        #expect(
            output == #"""
                True False <Queue maxsize=1 _queue=['first'] _putters[1] tasks=1>
                ['got first', 'put second'] second
                """# + "\n")
    }

    @Test func joinWaitsForTaskDone() async {
        let output = await run(
            #"""
            import asyncio
            q = asyncio.Queue()
            for i in range(3):
                q.put_nowait(i)
            done = []
            async def work():
                while not q.empty():
                    item = await q.get()
                    await asyncio.sleep(0)
                    done.append(item)
                    q.task_done()
            t = asyncio.create_task(work())
            await q.join()
            print(done, repr(str(q)))
            try:
                q.task_done()
            except ValueError as e:
                print(e)
            """#)
        #expect(
            output == #"""
                [0, 1, 2] '<Queue maxsize=0>'
                task_done() called too many times
                """# + "\n")
    }

    @Test func cancelledGetterPassesItsItemOn() async {
        let output = await run(
            #"""
            import asyncio
            q = asyncio.Queue()
            async def getter(name):
                return name, await q.get()
            a = asyncio.create_task(getter('a'))
            b = asyncio.create_task(getter('b'))
            await asyncio.sleep(0)
            q.put_nowait(1)
            a.cancel()
            print(await b, a.cancelled() or a.done(), q.empty())
            """#)
        #expect(
            output == #"""
                ('b', 1) True True
                """# + "\n")
    }

    @Test func priorityAndLifo() async {
        let output = await run(
            #"""
            import asyncio
            pq = asyncio.PriorityQueue()
            for item in [(5, 'e'), (1, 'a'), (3, 'c'), (1, 'b')]:
                pq.put_nowait(item)
            print([pq.get_nowait() for _ in range(4)])
            lq = asyncio.LifoQueue(maxsize=2)
            lq.put_nowait(1)
            lq.put_nowait(2)
            print(lq.full(), lq.get_nowait(), lq.get_nowait(), isinstance(lq, asyncio.LifoQueue))
            """#)
        #expect(
            output == #"""
                [(1, 'a'), (1, 'b'), (3, 'c'), (5, 'e')]
                True 2 1 True
                """# + "\n")
    }
}
