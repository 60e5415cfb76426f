@testable import PoolScript
import Testing

/// The loop's timers on virtual time: due timers fire at a poll, in deadline order (ties in the order they were
/// scheduled), never while a task runs; `time.monotonic` reads the same clock.
@Suite struct LoopTimerTests {
    @Test func dueTimersFireInDeadlineOrderThenSchedulingOrder() async {
        let clock = ManualClock()
        let task = startOnClock(
            """
            import asyncio, time
            order = []
            async def nap(name, seconds):
                await asyncio.sleep(seconds)
                order.append(name)
            t0 = time.monotonic()
            await asyncio.gather(nap("a", 0.3), nap("b", 0.1), nap("c", 0.2), nap("d", 0.1))
            print(order, round(time.monotonic() - t0, 3))
            """, clock: clock)
        await clock.waitForSleepers(4)
        // All four are due at once: the sleepers wake in any order, the loop fires them by deadline.
        clock.advance(by: .milliseconds(300))
        #expect(await task.value == "['b', 'd', 'c', 'a'] 0.3\n")
    }

    @Test func aCancelledSleepNeverFires() async {
        let clock = ManualClock()
        let task = startOnClock(
            """
            import asyncio
            async def nap():
                try:
                    await asyncio.sleep(10)
                    print("woke")
                except asyncio.CancelledError:
                    print("cancelled")
            t = asyncio.create_task(nap())
            await asyncio.sleep(0)
            t.cancel()
            await asyncio.sleep(1)
            print(t.done())
            """, clock: clock)
        await clock.waitForSleepers(2)
        clock.advance(by: .seconds(20))
        #expect(await task.value == "cancelled\nTrue\n")
    }

    @Test func timeMonotonicFollowsTheInterpretersClock() async {
        let clock = ManualClock()
        let task = startOnClock(
            """
            import asyncio, time
            t0 = time.monotonic()
            await asyncio.sleep(2.5)
            print(round(time.monotonic() - t0, 6))
            """, clock: clock)
        await clock.waitForSleepers(1)
        clock.advance(by: .milliseconds(2500))
        #expect(await task.value == "2.5\n")
    }

    /// Found by the fuzzer: a NaN or infinite delay must not trap converting to nanoseconds.
    @Test func nanAndInfiniteDelaysDoNotTrap() async {
        let output = await run(
            """
            import asyncio
            async def f():
                return 1
            try:
                print(await asyncio.wait_for(f(), float("nan")))
            except TimeoutError:
                print("timeout")
            print(await asyncio.wait_for(asyncio.sleep(0.01, 2), float("inf")))
            """)
        #expect(output == "1\n2\n" || output == "timeout\n2\n")
    }
}
