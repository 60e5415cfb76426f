@testable import PoolScript
import Testing

@Suite struct EvaluatorTests {
    static let cases: [(String, String)] = [
        ("print(1 + 2)", "3\n"),
        ("print(7 / 2, 7 // 2, -7 // 2, 7 % 3, -7 % 3, 7 % -3)", "3.5 3 -4 1 2 -2\n"),
        ("print(2 ** 10, 2 ** -1, 2.0 ** 3)", "1024 0.5 8.0\n"),
        ("print(0.1 + 0.2)", "0.30000000000000004\n"),
        (
            "print(1e16, 1e15, 5.0, 1e-5, 0.0001, -0.0, 1/3)",
            "1e+16 1000000000000000.0 5.0 1e-05 0.0001 -0.0 0.3333333333333333\n"
        ),
        ("print(repr(1.5e300), 2.5e-10, 123456789.125)", "1.5e+300 2.5e-10 123456789.125\n"),
        ("print(1 + 2.0, 10 / 5, True + 1)", "3.0 2.0 2\n"),
        ("print(repr('it\\'s'), repr(\"a\\\"b\"), repr('both \\' and \"'))", "\"it's\" 'a\"b' 'both \\' and \"'\n"),
        ("print(repr('tab\\tnew\\n\\x00\\\\'))", "'tab\\tnew\\n\\x00\\\\'\n"),
        ("print(repr('创建'), len('创建'))", "'创建' 2\n"),
        ("print([1, 'a', None, True], (1,), (), {'a': 1, 2: [3]})", "[1, 'a', None, True] (1,) () {'a': 1, 2: [3]}\n"),
        ("print(b'x\\x00\\'', repr(b'\"'))", "b\"x\\x00'\" b'\"'\n"),
        ("x = 1_000\nprint(x, 0x1f, 0o17, 0b101)", "1000 31 15 5\n"),
        ("a, b = 1, 2\na, b = b, a\nprint(a, b)", "2 1\n"),
        ("first, *rest = [1, 2, 3]\nprint(first, rest)", "1 [2, 3]\n"),
        ("x = 5\nx += 2\nx *= 3\nprint(x)", "21\n"),
        ("xs = [1]\nys = xs\nxs += [2]\nprint(ys)", "[1, 2]\n"),
        ("if 1 < 2 < 3: print('yes')\nelse: print('no')", "yes\n"),
        (
            "print(1 < 2 > 5, 1 == 1.0, 'a' in 'cat', 3 not in [1, 2], None is None, [] is not [])",
            "False True True True True True\n"
        ),
        ("print(1 and 2, 0 or 'x', not 0, None or 0)", "2 x True 0\n"),
        ("for i in range(3):\n    print(i, end=' ')\nprint()", "0 1 2 \n"),
        (
            "i = 0\nwhile True:\n    i += 1\n    if i == 2: continue\n    if i > 4: break\n    print(i)\nelse:\n    print('no')",
            "1\n3\n4\n"
        ),
        ("for i in range(2):\n    pass\nelse:\n    print('done', i)", "done 1\n"),
        (
            "def f(a, b=2, *args, c=3, **kw):\n    return a, b, args, c, kw\nprint(f(1))\nprint(f(1, 5, 6, 7, c=8, d=9))",
            "(1, 2, (), 3, {})\n(1, 5, (6, 7), 8, {'d': 9})\n"
        ),
        ("def f(*a, **k): return a, k\nprint(f(*[1, 2], **{'x': 3}))", "((1, 2), {'x': 3})\n"),
        ("def fact(n):\n    return 1 if n <= 1 else n * fact(n - 1)\nprint(fact(20))", "2432902008176640000\n"),
        (
            "def outer():\n    x = 10\n    def inner():\n        return x + 1\n    return inner()\nprint(outer())",
            "11\n"
        ),
        ("print([x * x for x in range(6) if x % 2 == 0])", "[0, 4, 16]\n"),
        ("print([(a, b) for a in range(2) for b in 'xy'])", "[(0, 'x'), (0, 'y'), (1, 'x'), (1, 'y')]\n"),
        ("print(sum(x for x in range(5)))", "10\n"),
        ("f = lambda x, y=1: x + y\nprint(f(2), f(2, 3))", "3 5\n"),
        ("print('a' if 0 else 'b')", "b\n"),
        (
            "xs = [5, 3, 9]\nprint(len(xs), min(xs), max(xs), sum(xs), sorted(xs), sorted(xs, reverse=True))",
            "3 3 9 17 [3, 5, 9] [9, 5, 3]\n"
        ),
        ("print(sorted(['bb', 'a', 'ccc'], key=len), max(['bb', 'a'], key=len))", "['a', 'bb', 'ccc'] bb\n"),
        (
            "print(abs(-3), abs(-2.5), round(2.5), round(3.5), round(2.675, 2), round(1234, -2))",
            "3 2.5 2 4 2.67 1200\n"
        ),
        ("print(list(enumerate('ab')), list(zip([1, 2], 'xyz')))", "[(0, 'a'), (1, 'b')] [(1, 'x'), (2, 'y')]\n"),
        (
            "print(type(1), type('s'), type(None), type([]), type(1.0), type(print))",
            "<class 'int'> <class 'str'> <class 'NoneType'> <class 'list'> <class 'float'> <class 'builtin_function_or_method'>\n"
        ),
        (
            "print(isinstance(1, int), isinstance(True, int), isinstance(1, (str, float)), isinstance(ValueError('x'), Exception))",
            "True True False True\n"
        ),
        (
            "print(int('42'), int(3.9), int(-3.9), float('1.5'), str(12), bool(''), bool([0]))",
            "42 3 -3 1.5 12 False True\n"
        ),
        ("print(list('ab'), tuple([1]), dict(a=1), dict([('k', 2)]))", "['a', 'b'] (1,) {'a': 1} {'k': 2}\n"),
        (
            "d = {'a': 1}\nd['b'] = 2\nprint(d, d.get('c'), d.get('a'), list(d.keys()), d.items())",
            "{'a': 1, 'b': 2} None 1 ['a', 'b'] dict_items([('a', 1), ('b', 2)])\n"
        ),
        ("d = {1: 'x'}\nd[1.0] = 'y'\nd[True] = 'z'\nprint(d)", "{1: 'z'}\n"),
        (
            "xs = [1, 2, 3, 4, 5]\nprint(xs[1:3], xs[::-1], xs[-2:], xs[:-3], 'hello'[1:4], xs[::2])",
            "[2, 3] [5, 4, 3, 2, 1] [4, 5] [1, 2] ell [1, 3, 5]\n"
        ),
        (
            "xs = [1, 2]\nxs.append(3)\nxs.extend([4])\nxs.insert(0, 0)\nprint(xs, xs.pop(), xs)",
            "[0, 1, 2, 3] 4 [0, 1, 2, 3]\n"
        ),
        ("del_me = [1, 2, 3]\ndel del_me[0]\nprint(del_me)", "[2, 3]\n"),
        (
            "print(' a b '.split(), 'a,b'.split(','), '-'.join(['x', 'y']), 'Ab'.upper(), ' x '.strip())",
            "['a', 'b'] ['a', 'b'] x-y AB x\n"
        ),
        ("name = 'pool'\nn = 10\nprint(f'{name}: {n:>4} {n / 3:.2f} {name!r} {n=}')", "pool:   10 3.33 'pool' n=10\n"),
        ("print(f'{{}} {1000000:,} {0.25:.0%} {42:08.3f} {\"x\":*^5}')", "{} 1,000,000 25% 0042.000 **x**\n"),
        ("print('{} and {name}'.format(1, name='two'), '%s=%d' % ('a', 5), '%.1f' % 2.25)", "1 and two a=5 2.2\n"),
        ("print('a', 'b', sep='-', end='!\\n')", "a-b!\n"),
        (
            "try:\n    1 / 0\nexcept ZeroDivisionError as e:\n    print('caught', e, repr(e))",
            "caught division by zero ZeroDivisionError('division by zero')\n"
        ),
        (
            "try:\n    raise ValueError('bad')\nexcept (TypeError, ValueError) as e:\n    print(type(e).__name__, e.args)\nfinally:\n    print('finally')",
            "ValueError ('bad',)\nfinally\n"
        ),
        (
            "def f():\n    try:\n        return 'body'\n    finally:\n        print('cleanup')\nprint(f())",
            "cleanup\nbody\n"
        ),
        ("try:\n    {}['k']\nexcept KeyError as e:\n    print(repr(e), str(e))", "KeyError('k') 'k'\n"),
        ("try:\n    pass\nexcept Exception:\n    pass\nelse:\n    print('else ran')", "else ran\n"),
        (
            "try:\n    try:\n        raise KeyError('x')\n    except KeyError:\n        raise\nexcept LookupError as e:\n    print('outer', repr(e))",
            "outer KeyError('x')\n"
        ),
        ("x = None\nassert x is None\nprint('ok')", "ok\n"),
        ("import asyncio\nasync def f(x):\n    return x * 2\nprint(await f(21))", "42\n"),
        ("import asyncio\nasync def main():\n    return 'ran'\nprint(asyncio.run(main()))", "ran\n"),
        ("x = [1, 2, 3]\nprint(x[-1], 2 in x, x * 2, [0] * 3)", "3 True [1, 2, 3, 1, 2, 3] [0, 0, 0]\n"),
        (
            "print(divmod(7, 2), pow(2, 5), hex(255), chr(65), ord('A'), any([0, 1]), all([]))",
            "(3, 1) 32 0xff A 65 True True\n"
        ),
        ("print(range(3), list(range(10, 0, -3)), len(range(0, 10, 3)))", "range(0, 3) [10, 7, 4, 1] 4\n"),
        ("print(str(1.0), str(True), str(None), repr('x'), str(b'a'))", "1.0 True None 'x' b'a'\n"),
        ("s = 0\nfor k, v in {'a': 1, 'b': 2}.items():\n    s += v\nprint(s)", "3\n"),
        ("x = 3\ndef f():\n    return x\nx = 4\nprint(f())", "4\n"),
        ("print(10 if True else 20, (lambda: 7)())", "10 7\n"),
        ("print(max(3, 7, 5), min('b', 'a'), sum([0.1] * 3), round(-0.5))", "7 a 0.30000000000000004 0\n"),
        ("print(float('inf'), -float('inf'), float('nan'), 1e400 if False else 2)", "inf -inf nan 2\n"),
        (
            "print(int('  -12 '), int('ff', 16), int('1_000'), 3 == 3.0, 2 ** 62)",
            "-12 255 1000 True 4611686018427387904\n"
        ),
        ("from asyncio import sleep as s\nprint(s.__name__)", "sleep\n"),
        ("print('''multi\nline''')", "multi\nline\n"),
        ("print('a' 'b' \"c\")", "abc\n"),
        ("x = (1 +\n     2)  # comment\nprint(x)", "3\n"),
        ("if True:\n    # comment line\n\n    print('indented')", "indented\n"),
        ("total = 1 + \\\n    2\nprint(total)", "3\n"),
        ("print(r'\\n', len('\\u4e2d'), '\\N' == '\\\\N')", "\\n 1 True\n"),
        ("print({k: v * 2 for k, v in {'a': 1, 'b': 2}.items() if v > 1})", "{'b': 4}\n"),
        ("print('ab'.center(5, '*'), 'x'.ljust(3) + '|', 'x'.rjust(3))", "**ab* x  |   x\n"),
        ("import time\ntime.sleep(0)\nprint(type(time.time()).__name__)", "float\n"),
        ("if __name__ == '__main__':\n    print('main')", "main\n"),
        ("print(ValueError, ZeroDivisionError('x'), KeyError)", "<class 'ValueError'> x <class 'KeyError'>\n"),
    ]

    @Test(arguments: cases)
    func evaluates(_ testCase: (String, String)) async {
        let output = await run(testCase.0)
        #expect(output == testCase.1, "source: \(testCase.0)")
    }

    @Test func interactiveModeEchoesReprOfExpressions() async {
        let output = await run("1 + 1\nNone\n'x'\nx = 5\nx", mode: .interactive)
        #expect(output == "2\n'x'\n5\n")
    }
}
