@testable import PoolScript
import Synchronization
import Testing

/// A host module for watching the loop: `mark(tag)` logs from Python, `post(tag)` posts an I/O event that logs
/// when the loop applies it, `wait(key)` awaits a host completion that `complete(key)` posts.
final class LoopProbe: Sendable {
    let log = Mutex<[String]>([])
    private let wakes = Mutex<[String: @Sendable () -> Void]>([:])

    var entries: [String] { log.withLock { $0 } }

    func module(loop: EventLoopHandle) -> Value {
        let attributes: [String: Value] = [
            "mark": .object(
                NativeFunction(name: "mark") { [self] a in
                    let tag = a.positional[0].str()
                    log.withLock { $0.append(tag) }
                    return .none
                }),
            "post": .object(
                NativeFunction(name: "post") { [self] a in
                    let tag = a.positional[0].str()
                    loop.post { self.log.withLock { $0.append(tag) } }
                    return .none
                }),
            "wait": .object(
                NativeFunction(name: "wait") { [self] a in
                    let key = a.positional[0].str()
                    return .object(
                        Coroutine(name: "wait") { context in
                            try await context.awaitHost({ wake in self.wakes.withLock { $0[key] = wake } }, cancel: {})
                            return .str(key)
                        })
                }),
            "complete": .object(
                NativeFunction(name: "complete") { [self] a in
                    let key = a.positional[0].str()
                    loop.post { self.wakes.withLock { $0.removeValue(forKey: key) }?() }
                    return .none
                }),
        ]
        return .object(ModuleObject(name: "probe", attributes: attributes))
    }
}

/// The loop's rhythm, as asyncio's `_run_once`: the callbacks ready when an iteration begins all run, then the
/// loop polls I/O; events posted meanwhile wait for that poll.
@Suite struct LoopIterationTests {
    private func run(_ source: String) async -> (output: String, log: [String]) {
        let host = TestHost()
        let interpreter = Interpreter(host: host)
        let probe = LoopProbe()
        host.modules["probe"] = probe.module(loop: interpreter.loop)
        let result = await interpreter.run(source, mode: .file)
        return (host.output + render(result), probe.entries)
    }

    @Test func anEventPostedMidIterationWaitsForTheIterationsOtherTasks() async {
        let (output, log) = await run(
            """
            import asyncio, probe
            async def t(i):
                probe.mark(f"t{i}")
                if i == 0:
                    probe.post("io")
                await asyncio.sleep(0)
                probe.mark(f"t{i}b")
            async def main():
                await asyncio.gather(t(0), t(1), t(2))
            asyncio.run(main())
            """)
        #expect(output == "")
        #expect(log == ["t0", "t1", "t2", "io", "t0b", "t1b", "t2b"])
    }

    @Test func aBurstIsFullyStartedBeforeAnyEventApplies() async {
        let (output, log) = await run(
            """
            import asyncio, probe
            async def t(i):
                probe.mark("start")
                probe.post("io")
                await asyncio.sleep(0)
            async def main():
                await asyncio.gather(*[t(i) for i in range(200)])
            asyncio.run(main())
            """)
        #expect(output == "")
        #expect(log.count == 400)
        #expect(log.prefix(200).allSatisfy { $0 == "start" })
        #expect(log.suffix(200).allSatisfy { $0 == "io" })
    }

    @Test func eventsApplyInTheOrderTheyWerePosted() async {
        let (output, log) = await run(
            """
            import probe
            for i in range(5):
                probe.post(f"io{i}")
            probe.mark("end")
            """)
        #expect(output == "")
        #expect(log == ["end", "io0", "io1", "io2", "io3", "io4"])
    }

    @Test func anIdleLoopAppliesAnEventAtOnce() async {
        let host = TestHost()
        let interpreter = Interpreter(host: host)
        let probe = LoopProbe()
        interpreter.loop.post { probe.log.withLock { $0.append("idle") } }
        #expect(probe.entries == ["idle"])
    }

    @Test func tasksResumeInTheOrderTheHostCompletesTheirWork() async {
        let (output, _) = await run(
            """
            import asyncio, probe
            order = []
            async def waiter(key):
                order.append(await probe.wait(key))
            async def main():
                tasks = [asyncio.create_task(waiter(k)) for k in "abc"]
                await asyncio.sleep(0)
                for k in "cab":
                    probe.complete(k)
                await asyncio.gather(*tasks)
                print(order)
            asyncio.run(main())
            """)
        #expect(output == "['c', 'a', 'b']\n")
    }

    @Test func cancellingAHostWaitRaisesCancelledErrorAndCallsCancel() async {
        let host = TestHost()
        let interpreter = Interpreter(host: host)
        let cancelled = Mutex(0)
        let attributes: [String: Value] = [
            "forever": .object(
                NativeFunction(name: "forever") { _ in
                    .object(
                        Coroutine(name: "forever") { context in
                            try await context.awaitHost({ _ in }, cancel: { cancelled.withLock { $0 += 1 } })
                            return .none
                        })
                })
        ]
        host.modules["probe"] = .object(ModuleObject(name: "probe", attributes: attributes))
        let result = await interpreter.run(
            """
            import asyncio, probe
            async def main():
                t = asyncio.create_task(probe.forever())
                await asyncio.sleep(0)
                t.cancel()
                try:
                    await t
                except asyncio.CancelledError:
                    print("cancelled")
            asyncio.run(main())
            """, mode: .file)
        #expect(host.output + render(result) == "cancelled\n")
        #expect(cancelled.withLock { $0 } == 1)
    }
}

/// `call_soon` from the host: the callback takes its turn in the ready queue, after the tasks already there.
@Suite struct CallSoonTests {
    @Test func aCallbackRunsInTheNextIterationAfterTheReadyTasks() async {
        let host = TestHost()
        let interpreter = Interpreter(host: host)
        let probe = LoopProbe()
        let loop = interpreter.loop
        var attributes: [String: Value] = [:]
        if case .object(let module as ModuleObject) = probe.module(loop: loop) {
            for name in ["mark", "post"] { attributes[name] = try? module.getAttribute(name) }
        }
        attributes["soon"] = .object(
            NativeFunction(name: "soon") { a in
                let tag = a.positional[0].str()
                loop.callSoon { probe.log.withLock { $0.append(tag) } }
                return .none
            })
        host.modules["probe"] = .object(ModuleObject(name: "probe", attributes: attributes))
        let result = await interpreter.run(
            """
            import asyncio, probe
            async def t(i):
                probe.mark(f"t{i}")
                if i == 0:
                    probe.soon("soon")
                    probe.post("io")
                await asyncio.sleep(0)
                probe.mark(f"t{i}b")
            async def main():
                await asyncio.gather(t(0), t(1))
            asyncio.run(main())
            """, mode: .file)
        #expect(render(result) == "")
        // t0 queued the callback before its own sleep(0) queued t0's next step; the poll ("io") comes between the
        // iterations, and the callback waited for it.
        #expect(probe.entries == ["t0", "t1", "io", "soon", "t0b", "t1b"])
    }
}
