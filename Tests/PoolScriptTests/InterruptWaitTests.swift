@testable import PoolScript
import Testing

/// Ctrl-C while a script waits on other tasks (gather, a task, a lock) raises `KeyboardInterrupt` at once,
/// even when what it waits for can never happen, and the session goes on.
@Suite struct InterruptWaitTests {
    /// A deadlock: `a` holds the lock and gathers `b`, which waits for the lock. Nothing but Ctrl-C ends it.
    static let deadlock = """
        import asyncio
        lock = asyncio.Lock()
        async def b():
            async with lock:
                pass
        async def a():
            async with lock:
                ready()
                await asyncio.gather(b())
        await asyncio.gather(a(), return_exceptions=True)
        """

    static let awaitingATask = """
        import asyncio
        lock = asyncio.Lock()
        async def b():
            async with lock:
                pass
        async def a():
            async with lock:
                ready()
                await asyncio.create_task(b())
        await asyncio.create_task(a())
        """

    @Test(arguments: [deadlock, awaitingATask])
    func interruptEndsAWaitThatCanNeverEnd(_ source: String) async {
        let (started, signal) = AsyncStream.makeStream(of: InterruptHandle.self)
        let task = Task { () -> String in
            let host = TestHost()
            let interpreter = Interpreter(host: host)
            let handle = interpreter.interruptHandle
            interpreter.globals["ready"] = .object(
                NativeFunction(name: "ready") { _ in
                    signal.yield(handle)
                    return .none
                }
            )
            let stopped = render(await interpreter.run(source, mode: .file))
            let after = await interpreter.run("print('session goes on', lock.locked() in (True, False))", mode: .file)
            return stopped + "|" + host.output + render(after)
        }
        var handles = started.makeAsyncIterator()
        let handle = await handles.next()
        handle?.interrupt()
        let output = await task.value
        let parts = output.split(separator: "|", maxSplits: 1).map(String.init)
        #expect(parts.first?.hasSuffix("\nKeyboardInterrupt\n") == true, "\(output)")
        #expect(parts.last == "session goes on True\n", "\(output)")
    }

    @Test func cancellingTheRunningSwiftTaskStopsATopLevelWait() async {
        let (started, signal) = AsyncStream.makeStream(of: Void.self)
        let task = Task { () -> String in
            let interpreter = Interpreter(host: TestHost())
            interpreter.globals["ready"] = .object(
                NativeFunction(name: "ready") { _ in
                    signal.yield()
                    return .none
                }
            )
            return render(await interpreter.run(Self.deadlock, mode: .file))
        }
        var events = started.makeAsyncIterator()
        _ = await events.next()
        task.cancel()
        let output = await task.value
        #expect(output.hasSuffix("\nKeyboardInterrupt\n"), "\(output)")
    }
}
