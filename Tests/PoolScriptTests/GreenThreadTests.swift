import Testing

@testable import PoolScript

/// `concurrent.futures` and `asyncio.to_thread` as green threads on the loop.
///
/// Each script's expected output is what CPython 3.11 printed for it (run wrapped in `async def main()`,
/// as the corpus runs scripts); no test sleeps longer than a few milliseconds of wall time.
@Suite struct GreenThreadTests {
    @Test func poolRunsAtMostMaxWorkersAtOnce() async {
        let output = await run(
            #"""
            import time
            from concurrent.futures import ThreadPoolExecutor
            running = [0]
            peak = [0]
            def job(i):
                running[0] += 1
                peak[0] = max(peak[0], running[0])
                time.sleep(0.01)
                running[0] -= 1
                return i
            with ThreadPoolExecutor(max_workers=3) as ex:
                print(list(ex.map(job, range(7))))
            print(peak[0])
            """#)
        #expect(
            output == #"""
                [0, 1, 2, 3, 4, 5, 6]
                3
                """# + "\n")
    }

    @Test func futureExceptionAndCallbacks() async {
        let output = await run(
            #"""
            from concurrent.futures import ThreadPoolExecutor
            def bad():
                raise ValueError('worker failed')
            order = []
            with ThreadPoolExecutor(1) as ex:
                f = ex.submit(bad)
                f.add_done_callback(lambda fut: order.append('callback'))
                try:
                    f.result()
                except ValueError as e:
                    order.append(str(e))
            print(order, repr(f.exception()), f.done(), f.running(), f.cancelled())
            f.add_done_callback(lambda fut: order.append('late callback'))
            print(order)
            """#)
        #expect(
            output == #"""
                ['callback', 'worker failed'] ValueError('worker failed') True False False
                ['callback', 'worker failed', 'late callback']
                """# + "\n")
    }

    @Test func toThreadRunsBesideTasks() async {
        let output = await run(
            #"""
            import asyncio, time
            events = []
            def blocking(name):
                events.append(name + ' start')
                time.sleep(0.02)
                events.append(name + ' end')
                return name
            async def ticker():
                for i in range(3):
                    events.append('tick')
                    await asyncio.sleep(0.005)
            r = await asyncio.gather(asyncio.to_thread(blocking, 't'), ticker())
            print(r, sorted(set(events)), events.count('tick'))
            """#)
        #expect(
            output == #"""
                ['t', None] ['t end', 't start', 'tick'] 3
                """# + "\n")
    }
}
