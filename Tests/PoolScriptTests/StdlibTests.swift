import Testing

@testable import PoolScript

/// The standard-library modules PoolScript writes itself (`Sources/PoolScript/Stdlib`).
///
/// Each script's expected output is what CPython 3.11 printed for it (run wrapped in `async def main()`,
/// as the corpus runs scripts); no test sleeps longer than a few milliseconds of wall time.
@Suite struct StdlibTests {
    @Test func sysAndBase64() async {
        let output = await run(
            #"""
            import sys, base64
            sys.stdout.write('direct\n')
            print(sys.version_info[:2] >= (3, 8), sys.version_info[0], sys.platform, sys.maxsize)
            e = base64.b64encode(b'hello world!?')
            print(e, base64.b64decode(e), base64.b64decode('aGk='), base64.urlsafe_b64encode(b'\xfb\xff'), base64.urlsafe_b64decode('-_8='))
            try:
                base64.b64decode('aGk')
            except ValueError as ex:
                print(type(ex).__name__, ex)
            class Buf:
                def __init__(self):
                    self.parts = []
                def write(self, s):
                    self.parts.append(s)
            b = Buf()
            print('a', 'b', file=b, end='!')
            print(b.parts)
            try:
                sys.exit(3)
            except SystemExit as ex:
                print('exit', ex.args)
            """#)
        #expect(
            output == #"""
                direct
                True 3 linux 9223372036854775807
                b'aGVsbG8gd29ybGQhPw==' b'hello world!?' b'hi' b'-_8=' b'\xfb\xff'
                Error Incorrect padding
                ['a', ' ', 'b', '!']
                exit (3,)
                """# + "\n")
    }

    @Test func endlessIteratorsInLoopsAndZip() async {
        let output = await run(
            #"""
            import itertools
            for i in itertools.count(3):
                if i > 5:
                    break
                print(i)
            print(list(zip('abc', itertools.count(1))), list(zip(itertools.repeat(0), 'xy')))
            for n, item in zip(itertools.cycle([True, False]), range(3)):
                print(n, item)
            class Once:
                def __iter__(self):
                    print('__iter__ once')
                    return iter([1, 2])
            print([x for x in Once()])
            for x in Once():
                print(x)
            """#)
        #expect(
            output == #"""
                3
                4
                5
                [('a', 1), ('b', 2), ('c', 3)] [(0, 'x'), (0, 'y')]
                True 0
                False 1
                True 2
                __iter__ once
                [1, 2]
                __iter__ once
                1
                2
                """# + "\n")
    }

    @Test func counterMostCommonAndArithmetic() async {
        let output = await run(
            #"""
            from collections import Counter
            c = Counter(['x', 'y', 'x', 'z', 'x', 'y'])
            print(c, c.most_common(), c.most_common(1), c['nope'], 'nope' in c)
            c.subtract(x=3)
            print(c, +Counter(a=2) if False else Counter(a=2) | Counter(a=1, b=1), Counter(a=2) & Counter(a=1, b=1))
            print(Counter(), sorted(Counter('hello').elements()), Counter(a=1) == Counter(a=1, b=0))
            """#)
        #expect(
            output == #"""
                Counter({'x': 3, 'y': 2, 'z': 1}) [('x', 3), ('y', 2), ('z', 1)] [('x', 3)] 0 False
                Counter({'y': 2, 'z': 1, 'x': 0}) Counter({'a': 2, 'b': 1}) Counter({'a': 1})
                Counter() ['e', 'h', 'l', 'l', 'o'] True
                """# + "\n")
    }

    @Test func defaultdictAndOrderedDict() async {
        let output = await run(
            #"""
            from collections import defaultdict, OrderedDict
            d = defaultdict(lambda: 'unset')
            print(d['k'], dict(d.items()), defaultdict(list, {'a': [1]}))
            plain = defaultdict(None)
            try:
                plain['missing']
            except KeyError as e:
                print('KeyError', e)
            try:
                defaultdict(5)
            except TypeError as e:
                print(e)
            od = OrderedDict([('x', 1), ('y', 2)])
            od.move_to_end('x', last=False)
            print(od, OrderedDict(), od == OrderedDict([('x', 1), ('y', 2)]))
            try:
                OrderedDict().popitem()
            except KeyError as e:
                print('KeyError', e)
            """#)
        #expect(
            output == #"""
                unset {'k': 'unset'} defaultdict(<class 'list'>, {'a': [1]})
                KeyError 'missing'
                first argument must be callable or None
                OrderedDict([('x', 1), ('y', 2)]) OrderedDict() True
                KeyError 'dictionary is empty'
                """# + "\n")
    }

    @Test func dequeAndNamedtuple() async {
        let output = await run(
            #"""
            from collections import deque, namedtuple
            d = deque('abc', maxlen=2)
            d.extend('de')
            d.extendleft('z')
            print(d, d.maxlen, len(d), d[0], d[-1])
            try:
                d[5]
            except IndexError as e:
                print(e)
            Point = namedtuple('Point', 'x, y', defaults=[0])
            print(Point(1), Point(1, 2)._asdict(), Point._fields, Point._field_defaults)
            try:
                Point()
            except TypeError as e:
                print(e)
            try:
                Point(1, 2, 3)
            except TypeError as e:
                print(e)
            try:
                Point(1, z=2)
            except TypeError as e:
                print(e)
            """#)
        #expect(
            output == #"""
                deque(['z', 'd'], maxlen=2) 2 2 z d
                deque index out of range
                Point(x=1, y=0) {'x': 1, 'y': 2} ('x', 'y') {'y': 0}
                Point.__new__() missing 1 required positional argument: 'x'
                Point.__new__() takes from 2 to 3 positional arguments but 4 were given
                Point.__new__() got an unexpected keyword argument 'z'
                """# + "\n")
    }

    @Test func functoolsPartialCacheReduce() async {
        let output = await run(
            #"""
            import functools
            def f(a, b, c=3):
                return (a, b, c)
            p = functools.partial(functools.partial(f, 1), c=9)
            print(p(2), p.args, p.keywords, p.func is f)
            try:
                functools.reduce(lambda a, b: a + b, [])
            except TypeError as e:
                print(e)
            print(functools.reduce(lambda a, b: a * b, [2, 3], 10))
            calls = []
            @functools.lru_cache(maxsize=2)
            def sq(x):
                calls.append(x)
                return x * x
            print([sq(x) for x in [1, 2, 1, 3, 1, 2]], calls, sq.cache_info())
            sq.cache_clear()
            print(sq.cache_info())
            @functools.cache
            def one():
                return 1
            print(one(), one(), one.cache_info())
            print(sorted([3, 1, 2], key=functools.cmp_to_key(lambda a, b: b - a)))
            """#)
        #expect(
            output == #"""
                (1, 2, 9) (1,) {'c': 9} True
                reduce() of empty iterable with no initial value
                60
                [1, 4, 1, 9, 1, 4] [1, 2, 3, 2] CacheInfo(hits=2, misses=4, maxsize=2, currsize=2)
                CacheInfo(hits=0, misses=0, maxsize=2, currsize=0)
                1 1 CacheInfo(hits=1, misses=1, maxsize=None, currsize=1)
                [3, 2, 1]
                """# + "\n")
    }

    @Test func itertoolsEager() async {
        let output = await run(
            #"""
            import itertools
            print(list(itertools.islice('abcdefg', 2, None, 2)), list(itertools.islice(itertools.cycle('ab'), 5)))
            print(list(itertools.accumulate([1, 2, 3], lambda a, b: a * b, initial=10)))
            print(list(itertools.starmap(pow, [(2, 3), (3, 2)])), list(itertools.takewhile(lambda x: x < 3, [1, 2, 3, 1])))
            print(list(itertools.dropwhile(lambda x: x < 3, [1, 2, 3, 1])), list(itertools.filterfalse(None, [0, 1, '', 'a'])))
            print(list(itertools.permutations('abc', 2)), list(itertools.compress('abcd', [1, 0, 1, 0])))
            a, b = itertools.tee([1, 2])
            print(list(a), list(b), list(itertools.zip_longest()), list(itertools.product()))
            c = itertools.count(10, 5)
            print(next(c), next(c), c)
            """#)
        #expect(
            output == #"""
                ['c', 'e', 'g'] ['a', 'b', 'a', 'b', 'a']
                [10, 10, 20, 60]
                [8, 9] [1, 2]
                [3, 1] [0, '']
                [('a', 'b'), ('a', 'c'), ('b', 'a'), ('b', 'c'), ('c', 'a'), ('c', 'b')] ['a', 'c']
                [1, 2] [1, 2] [] [()]
                10 15 count(20, 5)
                """# + "\n")
    }

    @Test func jsonRoundTripAndErrors() async {
        let output = await run(
            #"""
            import json
            print(json.dumps([1.0, 1e20, -0.0, float('inf'), 10**30, {'k': (1, 2)}, {1: 'int key', None: 'n', True: 't'}]))
            print(json.dumps({'a': 1}, indent='\t'), json.dumps([], indent=2), json.dumps({}, indent=2), json.dumps('\u2603\U0001f600'))
            print(json.loads('[1e2, -0, 0.5, "\\ud83d\\ude00", 123456789012345678901234567890]'))
            for bad in ['[1,]', '{"a":1,}', '"abc', 'nul', '[1] [2]', '{"a"', '"\t"']:
                try:
                    json.loads(bad)
                except json.JSONDecodeError as e:
                    print(repr(bad), '->', e)
            try:
                json.dumps({(1, 2): 3})
            except TypeError as e:
                print(e)
            print(json.dumps({'b': [], 'a': None}, sort_keys=True, separators=(',', ':')), json.dumps(b'x' if False else 'x'))
            class Custom:
                pass
            print(json.dumps({'c': Custom()}, default=lambda o: type(o).__name__))
            try:
                json.loads(5)
            except TypeError as e:
                print(e)
            """#)
        #expect(
            output == #"""
                [1.0, 1e+20, -0.0, Infinity, 1000000000000000000000000000000, {"k": [1, 2]}, {"1": "t", "null": "n"}]
                {
                	"a": 1
                } [] {} "\u2603\ud83d\ude00"
                [100.0, 0, 0.5, '😀', 123456789012345678901234567890]
                '[1,]' -> Expecting value: line 1 column 4 (char 3)
                '{"a":1,}' -> Expecting property name enclosed in double quotes: line 1 column 8 (char 7)
                '"abc' -> Unterminated string starting at: line 1 column 1 (char 0)
                'nul' -> Expecting value: line 1 column 1 (char 0)
                '[1] [2]' -> Extra data: line 1 column 5 (char 4)
                '{"a"' -> Expecting ':' delimiter: line 1 column 5 (char 4)
                '"\t"' -> Invalid control character at: line 1 column 2 (char 1)
                keys must be str, int, float, bool or None, not tuple
                {"a":null,"b":[]} "x"
                {"c": "Custom"}
                the JSON object must be str, bytes or bytearray, not int
                """# + "\n")
    }

    @Test func randomIsCPythonsMersenneTwister() async {
        let output = await run(
            #"""
            import random
            random.seed(2024)
            print(random.random(), random.randint(0, 10**6), random.randrange(10, 100, 5), random.getrandbits(40))
            print(random.choice('xyz'), random.sample(['a', 'b', 'c', 'd'], 2), random.uniform(-1, 1))
            r = random.Random(99)
            deck = list(range(10))
            r.shuffle(deck)
            print(deck, r.choices(range(5), k=4))
            try:
                random.choice([])
            except IndexError as e:
                print(e)
            try:
                random.randrange(5, 5)
            except ValueError as e:
                print(e)
            try:
                random.sample([1, 2], 3)
            except ValueError as e:
                print(e)
            """#)
        #expect(
            output == #"""
                0.47009071843107064 763640 55 975817436100
                z ['d', 'c'] 0.517251748818474
                [7, 2, 0, 8, 5, 1, 4, 3, 9, 6] [1, 1, 3, 2]
                Cannot choose from an empty sequence
                empty range for randrange() (5, 5, 0)
                Sample larger than population or is negative
                """# + "\n")
    }

    @Test func mathFunctionsAndDomainErrors() async {
        let output = await run(
            #"""
            import math
            print(math.floor(3.7), math.ceil(-3.7), math.trunc(-3.7), math.fabs(-2), math.hypot(3, 4), math.degrees(math.pi))
            print(math.isnan(math.nan), math.isinf(-math.inf), math.log10(1000), math.log2(8), math.copysign(3, -0.0))
            print(math.factorial(5), math.gcd(0, 0), math.gcd(-12, 8), math.fsum([0.1] * 10), math.isclose(1, 1.0000000001))
            for fn, arg in [(math.sqrt, -1), (math.log, 0), (math.acos, 2)]:
                try:
                    fn(arg)
                except ValueError as e:
                    print(fn.__name__, e)
            try:
                math.floor(math.nan)
            except ValueError as e:
                print(e)
            try:
                math.factorial(-1)
            except ValueError as e:
                print(e)
            """#)
        #expect(
            output == #"""
                3 -3 -3 2.0 5.0 180.0
                True True 3.0 3.0 -3.0
                120 0 4 1.0 True
                sqrt math domain error
                log math domain error
                acos math domain error
                cannot convert float NaN to integer
                factorial() not defined for negative values
                """# + "\n")
    }

    @Test func dataclassRules() async {
        let output = await run(
            #"""
            from dataclasses import dataclass, field, asdict, astuple, is_dataclass, FrozenInstanceError
            @dataclass
            class Base:
                a: int
                b: str = 'b'
            @dataclass
            class Child(Base):
                c: list = field(default_factory=list)
                def __post_init__(self):
                    self.c.append('post')
            x = Child(1)
            print(x, astuple(x), is_dataclass(x), is_dataclass(5), Child(1) == Child(1), Child(1) == Base(1))
            try:
                @dataclass
                class Bad:
                    items: list = []
            except ValueError as e:
                print(e)
            try:
                @dataclass
                class Order:
                    a: int = 1
                    b: int
            except TypeError as e:
                print(e)
            @dataclass(eq=False, repr=False)
            class Plain:
                v: int = 0
            print(Plain() == Plain(), repr(Plain()).startswith('<'))
            try:
                Child(1, 'x', [], 4)
            except TypeError as e:
                print(e)
            try:
                Child(a=1, d=2)
            except TypeError as e:
                print(e)
            print(issubclass(FrozenInstanceError, AttributeError))
            """#)
        #expect(
            output == #"""
                Child(a=1, b='b', c=['post']) (1, 'b', ['post']) True False True False
                mutable default <class 'list'> for field items is not allowed: use default_factory
                non-default argument 'b' follows default argument
                False True
                Child.__init__() takes from 2 to 4 positional arguments but 5 were given
                Child.__init__() got an unexpected keyword argument 'd'
                True
                """# + "\n")
    }

    @Test func typingAndObject() async {
        let output = await run(
            #"""
            from typing import Optional, Union, List, Dict, Callable, Awaitable, TypeVar, Any, Tuple
            T = TypeVar('T')
            print(Optional[int], Union[int, str], List[Dict[str, Any]], Tuple[int, ...] if False else Tuple[int, str], Any)
            def f(x: Optional[int] = None) -> List[str]:
                return [str(x)]
            print(f(), Callable[[int], str] is not None, T)
            sentinel = object()
            print(sentinel == sentinel, sentinel is not object(), type(sentinel).__name__)
            try:
                object(1)
            except TypeError as e:
                print(e)
            """#)
        #expect(
            output == #"""
                typing.Optional[int] typing.Union[int, str] typing.List[typing.Dict[str, typing.Any]] typing.Tuple[int, str] typing.Any
                ['None'] True ~T
                True True object
                object() takes no arguments
                """# + "\n")
    }

    @Test func importForms() async {
        let output = await run(
            #"""
            import collections.abc
            import concurrent.futures
            from concurrent.futures import ThreadPoolExecutor as Pool
            print(concurrent.futures.ThreadPoolExecutor is Pool, collections.abc.Mapping is not None)
            from collections import abc
            print(abc is collections.abc)
            import json as j, math
            print(j.dumps([math.floor(1.5)]))
            try:
                import notamodule
            except ModuleNotFoundError as e:
                print(e)
            try:
                from json import nothing
            except ImportError as e:
                print(type(e).__name__)
            """#)
        #expect(
            output == #"""
                True True
                True
                [1]
                No module named 'notamodule'
                ImportError
                """# + "\n")
    }

    @Test func contextlibForms() async {
        let output = await run(
            #"""
            from contextlib import suppress, nullcontext, ExitStack
            with suppress(ZeroDivisionError):
                print(1 / 0)
            print('after')
            with nullcontext() as n:
                print(n)
            with ExitStack() as s:
                s.callback(print, 'first registered, last run')
                s.callback(print, 'last registered, first run')
                print('body')
            try:
                with ExitStack() as s:
                    s.push(lambda *exc: True)
                    raise KeyError('swallowed')
                print('suppressed by push')
            except KeyError:
                print('not suppressed')
            """#)
        #expect(
            output == #"""
                after
                None
                body
                last registered, first run
                first registered, last run
                suppressed by push
                """# + "\n")
    }
}
