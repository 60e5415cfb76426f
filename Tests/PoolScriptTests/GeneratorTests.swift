import Testing

@testable import PoolScript

/// Generators (`yield`, `yield from`, `send`/`throw`/`close`, generator expressions) against CPython 3.11's output
/// for the same scripts.
@Suite struct GeneratorTests {
    /// next/send/StopIteration.value, yield from with a return value, close on break, throw, PEP 479.
    @Test func protocolSendReturnAndYieldFrom() async {
        let output = await run(
            #"""
            def gen(n):
                print("start")
                for i in range(n):
                    x = yield i
                    if x is not None:
                        print("got", x)
                return "done"

            g = gen(3)
            print(repr(g).split(" at ")[0])
            print(next(g))
            print(g.send("hello"))
            print(next(g))
            try:
                next(g)
            except StopIteration as e:
                print("stop", e.value, repr(e))
            print(list(gen(4)))
            print(sum(x * x for x in range(10)))
            def fib():
                a, b = 0, 1
                while True:
                    yield a
                    a, b = b, a + b
            for i, f in zip(range(10), fib()):
                pass
            print(i, f)
            def inner():
                r = yield 1
                yield r
                return 7
            def outer():
                v = yield from inner()
                print("inner returned", v)
                yield from [10, 20]
            o = outer()
            print(next(o), o.send("s"), next(o), next(o))
            print([x for x in outer()])
            def cleanup():
                try:
                    yield 1
                    yield 2
                finally:
                    print("cleanup")
            for x in cleanup():
                print(x)
                break
            print("after break")
            c = cleanup()
            next(c)
            c.close()
            print("closed")
            def thrower():
                try:
                    yield 1
                except ValueError as e:
                    print("caught", e)
                    yield 2
            t = thrower()
            next(t)
            print(t.throw(ValueError("boom")))
            print(type(g), (x for x in []).__class__)
            print(any(x > 3 for x in fib()), all(x < 3 for x in fib()))
            def bad():
                raise StopIteration
                yield
            try:
                next(bad())
            except RuntimeError as e:
                print("RuntimeError", e, type(e.__cause__))
            """#)
        #expect(
            output == #"""
                <generator object gen
                start
                0
                got hello
                1
                2
                stop done StopIteration('done')
                start
                [0, 1, 2, 3]
                285
                9 34
                inner returned 7
                1 s 10 20
                inner returned 7
                [1, None, 10, 20]
                1
                cleanup
                after break
                cleanup
                closed
                caught boom
                2
                <class 'generator'> <class 'generator'>
                True False
                RuntimeError generator raised StopIteration <class 'StopIteration'>

                """#)
    }

    /// Lazy consumption by comprehensions and builtins; a dropped generator is closed where CPython's refcount closes it.
    @Test func lazinessBuiltinsAndFinalization() async {
        let output = await run(
            #"""
            def g():
                yield 1
                yield 2
            gen = g()
            print(gen.__name__, gen.__qualname__, iter(gen) is gen)
            print(next(gen), next(gen), next(gen, "end"))
            def outer():
                def inner():
                    yield 1
                return inner()
            print(repr(outer()).split(" at ")[0])
            print(repr((x for x in [])).split(" at ")[0])
            try:
                g().send(5)
            except TypeError as e:
                print(e)
            def ignore():
                while True:
                    try:
                        yield 1
                    except GeneratorExit:
                        print("ignoring")
            i = ignore()
            next(i)
            try:
                i.close()
            except RuntimeError as e:
                print("RuntimeError:", e)
            del i
            print("deleted")
            def echo():
                received = []
                while True:
                    v = yield len(received)
                    if v is None:
                        break
                    received.append(v)
                return received
            e = echo()
            next(e)
            e.send("a"); e.send("b")
            try:
                e.send(None)
            except StopIteration as s:
                print("returned", s.value)
            print(list(enumerate(x * 2 for x in range(3))))
            print(list(map(str, (i for i in range(3)))), list(filter(None, (i % 2 for i in range(5)))))
            m = map(lambda v: v + 1, (i for i in range(2)))
            print(repr(m).split(" at ")[0], list(m), list(m))
            print(sorted(x for x in [3, 1, 2]), max(x for x in [3, 9, 2]), "-".join(str(x) for x in range(3)))
            print(dict((k, k * k) for k in range(3)), set(x % 2 for x in range(5)), tuple(x for x in "ab"))
            def interleave():
                for i in range(3):
                    print("produce", i)
                    yield i
            print([print("consume", x) or x for x in interleave()])
            gen = (print("lazy", x) for x in range(2))
            print("made")
            next(gen)
            def counter():
                n = 0
                while True:
                    n += 1
                    yield n
            c = counter()
            print([next(c) for _ in range(3)])
            def gx():
                try:
                    yield 1
                finally:
                    print("gx finally")
            def use():
                it = gx()
                return next(it)
            print("use", use())
            print("end")
            def thr():
                yield 1
            t = thr()
            try:
                t.throw(KeyError, "kk")
            except KeyError as k:
                print("thrown", repr(k))
            print(next(t, "finished"))
            def deleg():
                try:
                    yield from gx()
                except ZeroDivisionError:
                    print("deleg caught")
                    yield "after"
            d = deleg()
            next(d)
            print(d.throw(ZeroDivisionError))
            """#)
        #expect(
            output == #"""
                g g True
                1 2 end
                <generator object outer.<locals>.inner
                <generator object <genexpr>
                can't send non-None value to a just-started generator
                ignoring
                RuntimeError: generator ignored GeneratorExit
                ignoring
                deleted
                returned ['a', 'b']
                [(0, 0), (1, 2), (2, 4)]
                ['0', '1', '2'] [1, 1]
                <map object [1, 2] []
                [1, 2, 3] 9 0-1-2
                {0: 0, 1: 1, 2: 4} {0, 1} ('a', 'b')
                produce 0
                consume 0
                produce 1
                consume 1
                produce 2
                consume 2
                [0, 1, 2]
                made
                lazy 0
                [1, 2, 3]
                gx finally
                use 1
                end
                thrown KeyError('kk')
                finished
                gx finally
                deleg caught
                after

                """#)
    }

    /// itertools over generators and endless iterators, one item at a time.
    @Test func itertoolsAreLazy() async {
        let output = await run(
            #"""
            import itertools
            from itertools import chain, islice, count, groupby, accumulate, zip_longest, starmap, takewhile, dropwhile, tee, pairwise, filterfalse, compress, cycle, repeat
            print(list(islice(count(), 5)), list(islice(count(10), 2, 8, 2)), list(islice("abcdefg", 2, None)))
            print(list(chain([1, 2], "ab", (x for x in range(2)))), list(chain.from_iterable([[1], [2, 3]])))
            print(next(chain(count(), [1])))
            print([(k, list(g)) for k, g in groupby("aaabccdd")])
            print([(k, len(list(g))) for k, g in groupby([1, 3, 2, 4, 5], key=lambda x: x % 2)])
            print(list(accumulate([1, 2, 3, 4])), list(accumulate([1, 2, 3], lambda a, b: a * b, initial=10)))
            print(list(zip_longest("ab", [1, 2, 3], fillvalue="-")))
            print(list(starmap(pow, [(2, 3), (3, 2)])), list(takewhile(lambda x: x < 3, count())), list(dropwhile(lambda x: x < 3, range(6))))
            a, b = tee(x * x for x in range(3))
            print(list(a), list(b), list(pairwise("abcd")), list(filterfalse(None, [0, 1, 0, 2])), list(compress("abc", [1, 0, 1])))
            def produce():
                for i in range(5):
                    print("made", i)
                    yield i
            for x in islice(produce(), 2):
                print("got", x)
            print(list(islice(cycle("ab"), 5)), list(repeat(1, 3)))
            print(type(chain()).__name__, sum(islice(count(1), 100)))
            """#)
        #expect(
            output == #"""
                [0, 1, 2, 3, 4] [12, 14, 16] ['c', 'd', 'e', 'f', 'g']
                [1, 2, 'a', 'b', 0, 1] [1, 2, 3]
                0
                [('a', ['a', 'a', 'a']), ('b', ['b']), ('c', ['c', 'c']), ('d', ['d', 'd'])]
                [(1, 2), (0, 2), (1, 1)]
                [1, 3, 6, 10] [10, 10, 20, 60]
                [('a', 1), ('b', 2), ('-', 3)]
                [8, 9] [0, 1, 2] [3, 4, 5]
                [0, 1, 4] [0, 1, 4] [('a', 'b'), ('b', 'c'), ('c', 'd')] [0, 0] ['a', 'c']
                made 0
                got 0
                made 1
                got 1
                ['a', 'b', 'a', 'b', 'a'] [1, 1, 1]
                chain 5050

                """#)
    }

    /// 100,000 yields through a `for` loop and a generator expression finish (the hand-off costs microseconds).
    @Test func hundredThousandYields() async {
        let output = await run(
            """
            def gen(n):
                for i in range(n):
                    yield i
            total = 0
            for x in gen(100000):
                total += x
            print(total, sum(x for x in range(100000)))
            """)
        #expect(output == "4999950000 4999950000\n")
    }

    /// Where `yield` may not appear, with CPython's compiler messages.
    @Test(arguments: [
        ("x = 1\nyield 1", "SyntaxError: 'yield' outside function"),
        ("async def f():\n    yield from [1]", "SyntaxError: 'yield from' inside async function"),
        ("async def f():\n    yield 1\n    return 2", "SyntaxError: 'return' with value in async generator"),
        ("class C:\n    yield 1", "SyntaxError: 'yield' outside function"),
    ])
    func yieldPlacement(source: String, message: String) async {
        let output = await run(source)
        #expect(output.hasSuffix(message + "\n"), "\(output)")
    }

    /// A generator a global still holds, suspended in `try/finally`, is closed when the host finalizes the
    /// interpreter (as `python FILE` does at exit), so its `finally` runs and its task ends.
    @Test func finalizeClosesSuspendedGenerators() async {
        let host = TestHost()
        let interpreter = Interpreter(host: host)
        let result = await interpreter.run(
            """
            def g():
                try:
                    yield 1
                finally:
                    print("fin at exit")
            x = g()
            next(x)
            done = g()
            list(done)
            print("end")
            """, mode: .file)
        #expect(render(result) == "")
        await interpreter.finalize()
        #expect(host.output == "fin at exit\nend\nfin at exit\n")
        #expect(interpreter.startedGenerators.values.allSatisfy { $0.core?.isSuspended != true })
    }

    /// `__iter__` written as a generator, recursive `yield from`, and a `with` block closed by GeneratorExit.
    @Test func generatorMethods() async {
        let output = await run(
            #"""
            class Pages:
                def __init__(self, n):
                    self.n = n
                def __iter__(self):
                    for i in range(self.n):
                        yield i * 10
            p = Pages(3)
            print(list(p), [x for x in p], sum(p), max(p), sorted(p, reverse=True))
            for v in p:
                print(v, end=" ")
            print()
            print(dict(zip("abc", p)), list(enumerate(p)), 20 in p, set(p))
            it = iter(p)
            print(next(it), next(it))
            class Tree:
                def __init__(self, v, kids=()):
                    self.v, self.kids = v, kids
                def walk(self):
                    yield self.v
                    for k in self.kids:
                        yield from k.walk()
            t = Tree(1, [Tree(2, [Tree(3)]), Tree(4)])
            print(list(t.walk()))
            def lines():
                with open_cm() as f:
                    yield f
            class open_cm:
                def __enter__(self):
                    print("enter"); return "F"
                def __exit__(self, *a):
                    print("exit", a[0]); return False
            g = lines()
            print(next(g))
            g.close()
            print("ok")
            """#)
        #expect(
            output == #"""
                [0, 10, 20] [0, 10, 20] 30 20 [20, 10, 0]
                0 10 20 
                {'a': 0, 'b': 10, 'c': 20} [(0, 0), (1, 10), (2, 20)] True {0, 10, 20}
                0 10
                [1, 2, 3, 4]
                enter
                F
                exit <class 'GeneratorExit'>
                ok

                """#)
    }

    /// An exception from a generator a `for` loop drives is reported at the `for` line (CPython's FOR_ITER).
    @Test func errorInGeneratorPointsAtTheForLine() async {
        let output = await run(
            #"""
            def gen():
                yield 1
                raise ValueError("in gen")
            def use():
                for x in gen():
                    pass
            use()
            """#)
        #expect(
            output == """
                Traceback (most recent call last):
                  File "<stdin>", line 7, in <module>
                  File "<stdin>", line 5, in use
                  File "<stdin>", line 3, in gen
                ValueError: in gen

                """)
    }
}
