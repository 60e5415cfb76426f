import Testing

@testable import PoolScript

/// `asyncio.wait_for` on virtual time. Expected outputs follow CPython 3.11 (`Lib/asyncio/tasks.py`): the inner
/// task is cancelled at the deadline and `TimeoutError` (the builtin, which `asyncio.TimeoutError` is) is raised
/// with an empty message.
@Suite struct WaitForTests {
    /// On the wall clock (ManualClock's sleep ignores cancellation): the inner sleep of 30 s is cancelled at the
    /// 0.1 s deadline, so the test takes about 0.1 s and the outcome has a 300× margin.
    @Test func deadlineCancelsTheInnerTaskAndRaisesTimeoutError() async {
        let output = await run(
            """
            import asyncio
            async def slow():
                try:
                    await asyncio.sleep(30)
                except asyncio.CancelledError:
                    print('inner cancelled')
                    raise
            try:
                await asyncio.wait_for(slow(), timeout=0.1)
            except asyncio.TimeoutError as e:
                print(type(e).__name__, repr(str(e)), asyncio.TimeoutError is TimeoutError)
            """)
        #expect(output == "inner cancelled\nTimeoutError '' True\n")
    }

    @Test func resultInTimeIsReturned() async {
        let clock = ManualClock()
        let task = startOnClock(
            """
            import asyncio
            async def quick(v):
                await asyncio.sleep(1)
                return v * 2
            print(await asyncio.wait_for(quick(21), 5))
            """, clock: clock)
        await clock.waitForSleepers(2)
        clock.advance(by: .seconds(1))
        #expect(await task.value == "42\n")
    }

    @Test(arguments: [
        ("import asyncio\nasync def f():\n    return 'done'\nprint(await asyncio.wait_for(f(), None))", "done\n"),
        (
            "import asyncio\nasync def f():\n    await asyncio.sleep(0)\n    return 1\n"
                + "try:\n    await asyncio.wait_for(f(), 0)\nexcept TimeoutError:\n    print('timed out at once')",
            "timed out at once\n"
        ),
        (
            "import asyncio\nasync def f():\n    raise ValueError('inner')\n"
                + "try:\n    await asyncio.wait_for(f(), 3)\nexcept ValueError as e:\n    print('passed through', e)",
            "passed through inner\n"
        ),
        ("import asyncio\nawait asyncio.wait_for(5, 1)", "TypeError: An asyncio.Future, a coroutine or an awaitable is required\n"),
    ])
    func formsWithoutWaiting(_ testCase: (String, String)) async {
        let output = await startOnClock(testCase.0, clock: ManualClock()).value
        #expect(output.hasSuffix(testCase.1), "source: \(testCase.0)\n\(output)")
    }
}
