@testable import PoolScript
import Testing

/// A host-side "pool" whose `request(i)` registers synchronously (holding the turn) and then suspends on
/// "I/O" that finishes in a scrambled order.
final class FakePool {
    var log: [Int] = []

    func module() -> Value {
        .object(
            ModuleObject(
                name: "pool",
                attributes: [
                    "request": .object(
                        NativeFunction(name: "request") { [self] arguments in
                            let i = arguments.positional[0].intValueForTest
                            return .object(
                                Coroutine(name: "Pool.request") { [self] context in
                                    self.log.append(i)
                                    try await context.suspend {
                                        for _ in 0..<((i * 7) % 5) { await Task.yield() }
                                    }
                                    return .int(i * 10)
                                }
                            )
                        }
                    )
                ]
            )
        )
    }
}

extension Value {
    var intValueForTest: Int {
        if case .int(let i) = self { return i }
        return -1
    }
}

@Suite struct AsyncTests {
    @Test func gatherStartsChildrenInArgumentOrder() async {
        let host = TestHost()
        let pool = FakePool()
        host.modules["pool"] = pool.module()
        let source = """
            import asyncio
            import pool

            async def call(i):
                return await pool.request(i)

            results = await asyncio.gather(*[call(i) for i in range(20)])
            print(results)
            """
        let output = await run(source, host: host)
        #expect(pool.log == Array(0..<20))
        let numbers: [String] = (0..<20).map { String($0 * 10) }
        let expected = "[" + numbers.joined(separator: ", ") + "]\n"
        #expect(output == expected)
    }

    @Test func gatherReturnExceptions() async {
        let source = """
            import asyncio
            async def ok(x):
                await asyncio.sleep(0)
                return x
            async def boom():
                raise ValueError('bad')
            print(await asyncio.gather(ok(1), boom(), ok(3), return_exceptions=True))
            try:
                await asyncio.gather(ok(1), boom())
            except ValueError as e:
                print('caught', repr(e))
            """
        #expect(await run(source) == "[1, ValueError('bad'), 3]\ncaught ValueError('bad')\n")
    }

    @Test func createTaskRunsWhenTheCurrentTaskYields() async {
        let source = """
            import asyncio
            async def worker(n):
                print('start', n)
                await asyncio.sleep(0)
                print('end', n)
                return n
            t1 = asyncio.create_task(worker(1))
            t2 = asyncio.create_task(worker(2))
            print('created')
            print(await t1, await t2)
            """
        #expect(await run(source) == "created\nstart 1\nstart 2\nend 1\nend 2\n1 2\n")
    }

    @Test func coroutinesAreLazy() async {
        let source = """
            async def f():
                print('running')
                return 1
            c = f()
            print('made', type(c).__name__)
            print(await c)
            """
        #expect(await run(source) == "made coroutine\nrunning\n1\n")
    }

    @Test func asyncioRunAndNestedAwaits() async {
        let source = """
            import asyncio
            async def inner(x):
                await asyncio.sleep(0)
                return x + 1
            async def main():
                a = await inner(1)
                b = await asyncio.gather(inner(10), inner(20))
                return a, b
            print(asyncio.run(main()))
            """
        #expect(await run(source) == "(2, [11, 21])\n")
    }

    @Test func awaitingANonAwaitableIsATypeError() async {
        let output = await run("await 5")
        #expect(output.hasSuffix("TypeError: object int can't be used in 'await' expression\n"))
    }

    @Test func asyncContextManagers() async {
        let host = TestHost()
        host.modules["res"] = .object(
            ModuleObject(
                name: "res",
                attributes: [
                    "Resource": .object(NativeFunction(name: "Resource") { _ in .object(FakeResource(host: host)) })
                ]
            )
        )
        let source = """
            import res
            async with res.Resource() as r:
                print('inside', r)
            with res.Resource() as r:
                print('sync inside', r)
            try:
                async with res.Resource():
                    raise KeyError('k')
            except KeyError:
                print('propagated')
            """
        let output = await run(source, host: host)
        #expect(
            output
                == "aenter\ninside 42\naexit None\nenter\nsync inside 7\nexit None\naenter\naexit KeyError\npropagated\n"
        )
    }
}

final class FakeResource: PyContextManager, PyAsyncContextManager {
    let host: TestHost
    init(host: TestHost) { self.host = host }
    var pyTypeName: String { "Resource" }
    func enter() throws -> Value {
        host.write("enter\n")
        return .int(7)
    }
    func exit(_ error: PythonError?) throws -> Bool {
        host.write("exit \(error?.type.name ?? "None")\n")
        return false
    }
    func asyncEnter() throws -> Value {
        .object(
            Coroutine(name: "Resource.__aenter__") { [host] _ in
                host.write("aenter\n")
                return .int(42)
            }
        )
    }
    func asyncExit(_ error: PythonError?) throws -> Value {
        .object(
            Coroutine(name: "Resource.__aexit__") { [host] _ in
                host.write("aexit \(error?.type.name ?? "None")\n")
                return .bool(false)
            }
        )
    }
}

final class FakeStream: PyAsyncIterable, PyAsyncIterator {
    var remaining: [String]
    init(_ chunks: [String]) { remaining = chunks }
    var pyTypeName: String { "AsyncStream" }
    func makeAsyncIterator() throws -> any PyAsyncIterator { self }
    func next(_ context: TaskContext) async throws -> Value? {
        guard !remaining.isEmpty else { return nil }
        try await context.suspend { await Task.yield() }
        return .str(remaining.removeFirst())
    }
}

@Suite struct AsyncIterationAndLockTests {
    @Test func asyncForIteratesAHostStream() async {
        let host = TestHost()
        host.modules["stream"] = .object(
            ModuleObject(
                name: "stream",
                attributes: [
                    "open": .object(NativeFunction(name: "open") { _ in .object(FakeStream(["a", "b", "c"])) })
                ]
            )
        )
        let output = await run(
            "import stream\nasync for chunk in stream.open():\n    print(chunk, end='')\nprint()",
            host: host
        )
        #expect(output == "abc\n")
        let wrong = await run("async for x in [1]:\n    pass")
        #expect(wrong.hasSuffix("TypeError: 'async for' requires an object with __aiter__ method, got list\n"))
    }

    @Test func semaphoreAdmitsWaitersInFIFOOrder() async {
        let source = """
            import asyncio
            sem = asyncio.Semaphore(2)
            order = []
            async def worker(i):
                async with sem:
                    order.append(i)
                    await asyncio.sleep(0)
            await asyncio.gather(*[worker(i) for i in range(6)])
            print(order, sem.locked())
            """
        #expect(await run(source) == "[0, 1, 2, 3, 4, 5] False\n")
    }
}

@Suite struct VirtualTimeTests {
    @Test func asyncioSleepRunsOnTheInjectedClock() async {
        let clock = ManualClock()
        let task = Task { () -> String in
            let host = TestHost()
            let interpreter = Interpreter(host: host)
            interpreter.clock = clock
            let result = await interpreter.run(
                "import asyncio\nprint('sleeping')\nawait asyncio.sleep(5)\nprint('woke')",
                mode: .file
            )
            return host.output + render(result)
        }
        await clock.waitForSleepers(1)
        #expect(clock.now.offset == .zero)
        clock.advance(by: .seconds(5))
        #expect(await task.value == "sleeping\nwoke\n")
    }
}

@Suite struct CancellationTests {
    @Test func cancelledTasksSeeCancelledError() async {
        let source = """
            import asyncio
            async def worker():
                try:
                    await asyncio.sleep(0)
                    print('not reached')
                except asyncio.CancelledError:
                    print('cancelled')
                    raise
            t = asyncio.create_task(worker())
            await asyncio.sleep(0)
            print(t.cancel())
            try:
                await t
            except asyncio.CancelledError:
                print('caller saw it', t.cancelled())
            """
        #expect(await run(source) == "True\ncancelled\ncaller saw it True\n")
    }
}
