import Testing

@testable import PoolScript

/// `asyncio.run`: `main` runs as a task (Task-1, as in CPython), and the tasks still pending when it returns are
/// cancelled and awaited before `run` returns (`asyncio.runners._cancel_all_tasks`).
@Suite struct AsyncioRunTests {
    @Test func mainIsTaskOneAndLeftoversAreCancelled() async {
        let output = await run(
            """
            import asyncio
            async def forever(i):
                try:
                    await asyncio.sleep(100)
                finally:
                    print('cleanup', i)
            async def main():
                t = asyncio.create_task(asyncio.sleep(0))
                print(asyncio.current_task().get_name(), t.get_name(), asyncio.current_task() in asyncio.all_tasks())
                await t
                asyncio.create_task(forever(0))
                await asyncio.sleep(0)
                return 'main done'
            print(asyncio.run(main()))
            """)
        // What CPython 3.11 prints for this file run directly (`python file.py`).
        #expect(output == "Task-1 Task-2 True\ncleanup 0\nmain done\n")
    }
}
