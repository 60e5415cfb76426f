import Testing

@testable import PoolScript

/// Issue 13's waiting scripts: `statistics`, `threading`, `argparse`, and `asyncio.PriorityQueue` over user classes.
/// Each expected output is what CPython 3.11.7 printed for the same script (stdout, then stderr where it matters).
@Suite struct WaitingStdlibTests {
    /// The means and spreads are CPython's correctly rounded floats; errors are StatisticsError (a ValueError).
    @Test func statisticsMatchesCPythonFloats() async {
        let host = TestHost()
        let output = await run(
            #"""
            import statistics
            data = [0.031, 0.0452, 0.0333, 0.1, 0.0399, 0.047, 0.033, 0.0311, 0.0456, 0.05]
            print(statistics.mean(data), statistics.fmean(data), statistics.median(data))
            print(statistics.pstdev(data), statistics.stdev(data), statistics.pvariance(data), statistics.variance(data))
            print(statistics.quantiles(data, n=20)[-1], statistics.quantiles(data, n=4, method="inclusive"))
            print(statistics.mean([1, 2, 3]), statistics.mean([1, 2, 3, 4]), statistics.median([1, 3, 2, 4]), statistics.median_low([1, 3, 2, 4]), statistics.median_high([1, 3, 2, 4]))
            print(statistics.mode(["red", "blue", "blue", "red", "green", "red"]), statistics.pvariance([1, 2, 3, 4]), statistics.variance([1, 2, 3, 4], 2.5))
            print(repr(statistics.mean([0.1] * 10)), statistics.stdev([1e16, 1, 3]))
            try:
                statistics.stdev([1])
            except ValueError as e:
                print(type(e).__name__, e)
            statistics.median([])
            """#, host: host)
        #expect(
            output.hasPrefix(
                #"""
                0.04561 0.04561 0.04255
                0.01935662418915034 0.020403673416541663 0.00037467890000000007 0.00041630988888888894
                0.12250000000000001 [0.033075, 0.04255, 0.046650000000000004]
                2 2.5 2.5 2 3
                red 1.25 1.6666666666666667
                0.1 5773502691896256.0
                StatisticsError stdev requires at least two data points
                """# + "\n"))
        #expect(output.hasSuffix("statistics.StatisticsError: no median for empty data\n"))
    }

    /// Threads run as green threads; a blocked `with lock` yields to the others.
    @Test func threadingLocksEventsAndThreads() async {
        let host = TestHost()
        let output = await run(
            #"""
            import threading, time
            lock = threading.Lock()
            print(lock.acquire(), lock.locked(), lock.acquire(False), lock.acquire(timeout=0.01))
            lock.release()
            order = []
            def worker(n):
                with lock:
                    order.append(("in", n))
                    time.sleep(0.01)
                    order.append(("out", n))
            threads = [threading.Thread(target=worker, args=(i,)) for i in range(3)]
            for t in threads:
                t.start()
            print([t.name for t in threads], threads[0].is_alive())
            for t in threads:
                t.join()
            print(order[:2], len(order), [t.is_alive() for t in threads])
            ev = threading.Event()
            seen = []
            def waiter():
                seen.append(ev.wait(1))
                seen.append(threading.current_thread().name)
            t = threading.Thread(target=waiter, name="w", daemon=True)
            t.start()
            ev.set()
            t.join()
            print(seen, t.daemon, threading.current_thread() is threading.main_thread(), threading.main_thread().name)
            r = threading.RLock()
            with r:
                with r:
                    print("reentrant")
            try:
                lock.release()
            except RuntimeError as e:
                print(e)
            loc = threading.local()
            loc.x = 1
            def other():
                seen.append(hasattr(loc, "x"))
            t = threading.Thread(target=other)
            t.start(); t.join()
            print(seen[-1], loc.x)
            """#, host: host)
        #expect(
            output.hasPrefix(
                #"""
                True True False False
                ['Thread-1 (worker)', 'Thread-2 (worker)', 'Thread-3 (worker)'] True
                [('in', 0), ('out', 0)] 6 [False, False, False]
                [True, 'w'] True True MainThread
                reentrant
                release unlocked lock
                False 1
                """# + "\n"))
    }

    /// Namespace repr, help text, and usage + error on stderr with exit status 2.
    @Test func argparseParsesAndReportsLikeCPython() async {
        let host = TestHost()
        let output = await run(
            #"""
            import argparse
            p = argparse.ArgumentParser(prog="tool", description="Runs things.")
            p.add_argument("files", nargs="+", help="input files")
            p.add_argument("--mode", choices=["fast", "slow"], default="fast")
            p.add_argument("-n", "--num", type=int, default="7", dest="number")
            p.add_argument("--tag", action="append")
            p.add_argument("-v", "--verbose", action="count", default=0)
            p.add_argument("--dry-run", action="store_true")
            print(p.parse_args(["a", "b", "--tag", "x", "--tag=y", "-n3", "-vv", "--dry"]))
            print(p.parse_args(["a", "--mode", "slow"]))
            p.print_help()
            for bad in (["--mode", "medium", "a"], [], ["a", "--num", "x"], ["a", "--zzz"]):
                try:
                    p.parse_args(bad)
                except SystemExit as e:
                    print("exit", e.code)
            """#, host: host)
        #expect(
            output.hasPrefix(
                #"""
                Namespace(files=['a', 'b'], mode='fast', number=3, tag=['x', 'y'], verbose=2, dry_run=True)
                Namespace(files=['a'], mode='slow', number=7, tag=None, verbose=0, dry_run=False)
                usage: tool [-h] [--mode {fast,slow}] [-n NUMBER] [--tag TAG] [-v] [--dry-run]
                            files [files ...]

                Runs things.

                positional arguments:
                  files                 input files

                options:
                  -h, --help            show this help message and exit
                  --mode {fast,slow}
                  -n NUMBER, --num NUMBER
                  --tag TAG
                  -v, --verbose
                  --dry-run
                exit 2
                exit 2
                exit 2
                exit 2
                """# + "\n"))
        #expect(
            host.errors == #"""
                usage: tool [-h] [--mode {fast,slow}] [-n NUMBER] [--tag TAG] [-v] [--dry-run]
                            files [files ...]
                tool: error: argument --mode: invalid choice: 'medium' (choose from 'fast', 'slow')
                usage: tool [-h] [--mode {fast,slow}] [-n NUMBER] [--tag TAG] [-v] [--dry-run]
                            files [files ...]
                tool: error: the following arguments are required: files
                usage: tool [-h] [--mode {fast,slow}] [-n NUMBER] [--tag TAG] [-v] [--dry-run]
                            files [files ...]
                tool: error: argument -n/--num: invalid int value: 'x'
                usage: tool [-h] [--mode {fast,slow}] [-n NUMBER] [--tag TAG] [-v] [--dry-run]
                            files [files ...]
                tool: error: unrecognized arguments: --zzz
                """# + "\n")
    }

    /// Asyncio.PriorityQueue orders by a dataclass(order=True) and by a hand-written __lt__.
    @Test func priorityQueueOrdersByUserLessThan() async {
        let host = TestHost()
        let output = await run(
            #"""
            import asyncio
            from dataclasses import dataclass, field
            @dataclass(order=True)
            class Job:
                priority: int
                name: str = field(compare=False)
            class Rev:
                def __init__(self, n): self.n = n
                def __lt__(self, other): return self.n > other.n
                def __repr__(self): return f"Rev({self.n})"
            async def main():
                q = asyncio.PriorityQueue()
                for p, n in [(5, "low"), (1, "urgent"), (3, "normal"), (1, "also urgent")]:
                    await q.put(Job(p, n))
                print([(await q.get()).name for _ in range(4)])
                r = asyncio.PriorityQueue()
                for n in [2, 9, 4]:
                    r.put_nowait(Rev(n))
                print([r.get_nowait() for _ in range(3)])
            asyncio.run(main())
            """#, host: host)
        #expect(
            output.hasPrefix(
                #"""
                ['urgent', 'also urgent', 'normal', 'low']
                [Rev(9), Rev(4), Rev(2)]
                """# + "\n"))
    }

}
