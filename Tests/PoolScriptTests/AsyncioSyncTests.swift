import Testing

@testable import PoolScript

/// `asyncio.Lock`, `Semaphore`, `BoundedSemaphore`, `Event`, `Condition`: fairness and reprs.
///
/// Each script's expected output is what CPython 3.11 printed for it (run wrapped in `async def main()`,
/// as the corpus runs scripts); no test sleeps longer than a few milliseconds of wall time.
@Suite struct AsyncioSyncTests {
    @Test func lockIsFairAndReportsItsState() async {
        let output = await run(
            #"""
            import asyncio
            lock = asyncio.Lock()
            order = []
            async def user(i):
                async with lock:
                    order.append(i)
                    await asyncio.sleep(0)
            await lock.acquire()
            ts = [asyncio.create_task(user(i)) for i in range(3)]
            await asyncio.sleep(0)
            print(lock.locked(), '[locked, waiters:3]' in repr(lock))
            lock.release()
            await asyncio.gather(*ts)
            print(order, lock.locked())
            try:
                lock.release()
            except RuntimeError as e:
                print(e)
            """#)
        #expect(
            output == #"""
                True True
                [0, 1, 2] False
                Lock is not acquired.
                """# + "\n")
    }

    @Test func semaphoreHandsSlotsInOrder() async {
        let output = await run(
            #"""
            import asyncio
            sem = asyncio.Semaphore(2)
            active = []
            peak = [0]
            async def user(i):
                async with sem:
                    active.append(i)
                    peak[0] = max(peak[0], len(active))
                    await asyncio.sleep(0)
                    active.remove(i)
                    return i
            print(await asyncio.gather(*(user(i) for i in range(5))), peak[0], sem.locked(), repr(sem).endswith('[unlocked, value:2]>'))
            b = asyncio.BoundedSemaphore(1)
            try:
                b.release()
            except ValueError as e:
                print(e)
            """#)
        #expect(
            output == #"""
                [0, 1, 2, 3, 4] 2 False True
                BoundedSemaphore released too many times
                """# + "\n")
    }

    @Test func eventWakesEveryWaiter() async {
        let output = await run(
            #"""
            import asyncio
            ev = asyncio.Event()
            async def w(i):
                return i, await ev.wait()
            ts = [asyncio.create_task(w(i)) for i in range(3)]
            await asyncio.sleep(0)
            print(repr(ev).endswith('[unset, waiters:3]>'))
            ev.set()
            print(await asyncio.gather(*ts), ev.is_set())
            ev.clear()
            print(ev.is_set())
            """#)
        #expect(
            output == #"""
                True
                [(0, True), (1, True), (2, True)] True
                False
                """# + "\n")
    }

    @Test func conditionNotifyWakesN() async {
        let output = await run(
            #"""
            import asyncio
            cond = asyncio.Condition()
            woken = []
            async def waiter(i):
                async with cond:
                    await cond.wait()
                    woken.append(i)
            ts = [asyncio.create_task(waiter(i)) for i in range(3)]
            await asyncio.sleep(0)
            async with cond:
                cond.notify(2)
            await asyncio.sleep(0)
            await asyncio.sleep(0)
            print(woken)
            async with cond:
                cond.notify_all()
            await asyncio.gather(*ts)
            print(woken)
            try:
                cond.notify()
            except RuntimeError as e:
                print(e)
            """#)
        #expect(
            output == #"""
                [0, 1]
                [0, 1, 2]
                cannot notify on un-acquired lock
                """# + "\n")
    }
}
