@testable import PoolScript
import Testing

/// A host that keeps warnings apart from output, as CPython writes them to stderr.
private final class WarningHost: ScriptHost {
    var output = ""
    var warnings = ""
    func importModule(_ name: String) throws -> Value? { nil }
    func write(_ text: String) { output += text }
    func writeError(_ text: String) { warnings += text }
}

/// CPython's `RuntimeWarning: coroutine '…' was never awaited`, at the statement that dropped the coroutine (texts
/// from CPython 3.11).
@Suite struct UnawaitedCoroutineTests {
    @Test func aDroppedCoroutineWarnsAtTheStatementThatDroppedIt() async {
        let host = WarningHost()
        let interpreter = Interpreter(host: host)
        let result = await interpreter.run(
            """
            import asyncio
            asyncio.sleep(1)
            async def f():
                pass
            x = f()
            x = 1
            print("end")
            """, fileName: "/tmp/x.py", mode: .file)
        #expect(render(result) == "")
        #expect(host.output == "end\n")
        #expect(
            host.warnings == """
                /tmp/x.py:2: RuntimeWarning: coroutine 'sleep' was never awaited
                  asyncio.sleep(1)
                RuntimeWarning: Enable tracemalloc to get the object allocation traceback
                /tmp/x.py:6: RuntimeWarning: coroutine 'f' was never awaited
                  x = 1
                RuntimeWarning: Enable tracemalloc to get the object allocation traceback

                """)
    }

    @Test func awaitedGatheredOrTaskedCoroutinesDoNotWarn() async {
        let host = WarningHost()
        let interpreter = Interpreter(host: host)
        let result = await interpreter.run(
            """
            import asyncio
            async def f():
                return 1
            await f()
            await asyncio.gather(f(), f())
            t = asyncio.create_task(f())
            await t
            """, mode: .file)
        #expect(render(result) == "")
        #expect(host.warnings == "")
    }

    @Test func atThePromptTheEchoedCoroutineWarnsWhenUnderscoreMovesOn() async {
        let host = WarningHost()
        let interpreter = Interpreter(host: host)
        _ = await interpreter.run("import asyncio", mode: .interactive)
        _ = await interpreter.run("asyncio.sleep(1)", mode: .interactive)
        #expect(host.warnings == "")
        #expect(host.output.hasPrefix("<coroutine object sleep at 0x"))
        _ = await interpreter.run("1 + 1", mode: .interactive)
        #expect(
            host.warnings == """
                <stdin>:1: RuntimeWarning: coroutine 'sleep' was never awaited
                RuntimeWarning: Enable tracemalloc to get the object allocation traceback

                """)
        #expect(host.output.hasSuffix("\n2\n"))
    }
}
