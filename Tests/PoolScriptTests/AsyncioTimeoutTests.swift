import Testing

@testable import PoolScript

/// `asyncio.timeout` / `timeout_at` on virtual time (`ManualClock`): the deadline cancels the block at exactly
/// the time it names, whether the block runs in a task (`asyncio.run`) or at PoolPlay's top level (the stand-in
/// task), and `loop.time()` reads the same clock.
@Suite struct AsyncioTimeoutTests {
    @Test(arguments: [true, false])
    func deadlineCancelsTheBlockAtItsTime(insideRun: Bool) async {
        let clock = ManualClock()
        let body = """
            try:
                async with asyncio.timeout(5) as cm:
                    print('entered', cm.when())
                    await asyncio.sleep(60)
            except TimeoutError as e:
                print('timed out at', asyncio.get_running_loop().time(), cm.expired(), repr(e))
            """
        let source =
            insideRun
            ? "import asyncio\nasync def main():\n" + body.split(separator: "\n").map { "    " + $0 }.joined(separator: "\n")
                + "\nasyncio.run(main())"
            : "import asyncio\n" + body
        let task = startOnClock(source, clock: clock)
        // The deadline's timer and the 60 s sleep.
        await clock.waitForSleepers(2)
        clock.advance(by: .seconds(5))
        #expect(await task.value == "entered 5.0\ntimed out at 5.0 True TimeoutError()\n")
    }

    @Test func blockThatFinishesInTimeIsLeftAlone() async {
        let clock = ManualClock()
        let task = startOnClock(
            """
            import asyncio
            async with asyncio.timeout(5) as cm:
                await asyncio.sleep(1)
            print('done', cm.expired(), repr(cm))
            await asyncio.sleep(10)
            print('later sleeps are not cancelled')
            """, clock: clock)
        await clock.waitForSleepers(2)
        clock.advance(by: .seconds(1))
        await clock.waitForSleepers(2)
        clock.advance(by: .seconds(10))
        #expect(await task.value == "done False <Timeout [finished]>\nlater sleeps are not cancelled\n")
    }

    @Test func timeoutAtAndRescheduleMoveTheDeadline() async {
        let clock = ManualClock()
        let task = startOnClock(
            """
            import asyncio
            loop = asyncio.get_running_loop()
            try:
                async with asyncio.timeout_at(loop.time() + 2) as cm:
                    cm.reschedule(loop.time() + 3)
                    await asyncio.sleep(60)
            except TimeoutError:
                print('timed out at', loop.time())
            try:
                cm.reschedule(1)
            except RuntimeError as e:
                print(e)
            """, clock: clock)
        await clock.waitForSleepers(3)
        clock.advance(by: .seconds(2))
        clock.advance(by: .seconds(1))
        #expect(await task.value == "timed out at 3.0\nCannot change state of expired Timeout\n")
    }

    @Test func cancellationFromOutsideIsNotATimeout() async {
        let output = await run(
            """
            import asyncio
            async def body():
                async with asyncio.timeout(60):
                    await asyncio.sleep(60)
            t = asyncio.create_task(body())
            await asyncio.sleep(0)
            t.cancel()
            try:
                await t
            except asyncio.CancelledError:
                print('CancelledError, not TimeoutError')
            try:
                async with asyncio.timeout(1) as cm:
                    async with cm:
                        pass
            except RuntimeError as e:
                print(e)
            """)
        #expect(output == "CancelledError, not TimeoutError\nTimeout has already been entered\n")
    }
}
