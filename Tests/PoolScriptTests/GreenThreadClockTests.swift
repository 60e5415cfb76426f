import Synchronization
import Testing

@testable import PoolScript

/// A host whose output a test can read while the script runs.
final class PollingHost: ScriptHost, Sendable {
    private let text = Mutex("")
    var output: String { text.withLock { $0 } }
    func importModule(_ name: String) throws -> Value? { nil }
    func write(_ text: String) { self.text.withLock { $0 += text } }

    /// Returns once the output contains `needle`.
    func waitFor(_ needle: String) async {
        while !output.contains(needle) { await Task.yield() }
    }
}

/// Green threads on virtual time: `time.sleep` in a worker suspends only that worker, and a `for` loop over
/// `as_completed` / `map` runs its body as each future completes (CPython's order, checked with
/// `Tests/Corpus/101_thread_pool_green_threads.py`'s pattern).
@Suite struct GreenThreadClockTests {
    @Test func asCompletedRunsTheBodyAsEachWorkerFinishes() async {
        let clock = ManualClock()
        let host = PollingHost()
        let interpreter = Interpreter(host: host)
        interpreter.clock = clock
        let run = Task {
            _ = await interpreter.run(
                """
                import time
                from concurrent.futures import ThreadPoolExecutor, as_completed
                def work(n):
                    time.sleep(3 - n)
                    print('worker done', n)
                    return n
                with ThreadPoolExecutor(3) as ex:
                    for f in as_completed([ex.submit(work, n) for n in range(3)]):
                        print('main got', f.result())
                    for r in ex.map(work, [2, 1]):
                        print('map got', r)
                """, mode: .file)
        }
        await clock.waitForSleepers(3)
        for (step, needle) in [(1, "main got 2"), (2, "main got 1"), (3, "main got 0")] {
            clock.advance(by: .seconds(1))
            await host.waitFor(needle)
            if step < 3 { #expect(!host.output.contains("worker done \(step == 1 ? 1 : 0)")) }
        }
        await clock.waitForSleepers(2)
        clock.advance(by: .seconds(1))
        await host.waitFor("map got 2")
        clock.advance(by: .seconds(1))
        _ = await run.value
        #expect(
            host.output == """
                worker done 2
                main got 2
                worker done 1
                main got 1
                worker done 0
                main got 0
                worker done 2
                map got 2
                worker done 1
                map got 1

                """)
    }

    @Test func sleepingWorkersOverlap() async {
        let clock = ManualClock()
        let host = PollingHost()
        let interpreter = Interpreter(host: host)
        interpreter.clock = clock
        let run = Task {
            _ = await interpreter.run(
                """
                import time, asyncio
                from concurrent.futures import ThreadPoolExecutor
                with ThreadPoolExecutor(max_workers=2) as ex:
                    print(list(ex.map(time.sleep, [5, 5, 5])))
                print(await asyncio.to_thread(time.sleep, 5))
                """, mode: .file)
        }
        // Two workers sleep at once; the third waits for a slot.
        await clock.waitForSleepers(2)
        clock.advance(by: .seconds(5))
        await clock.waitForSleepers(1)
        clock.advance(by: .seconds(5))
        await host.waitFor("[None, None, None]")
        await clock.waitForSleepers(1)
        clock.advance(by: .seconds(5))
        _ = await run.value
        #expect(host.output == "[None, None, None]\nNone\n")
    }
}
