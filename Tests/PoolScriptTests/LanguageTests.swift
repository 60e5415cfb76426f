import Testing

@testable import PoolScript

/// Runs `source` and returns its stdout plus, for an uncaught error, only the error's last line — the part a
/// differential check against `python -c SOURCE` compares.
func runLastLine(_ source: String) async -> String {
    let host = TestHost()
    let interpreter = Interpreter(host: host)
    let result = await interpreter.run(source, mode: .file)
    let rendered = render(result)
    let last = rendered.split(separator: "\n").last.map { String($0) + "\n" } ?? ""
    return host.output + last
}

/// The language features of issue 13 against CPython 3.11's exact output. Every expected value below was printed
/// by `.venv/openai3/bin/python -c SOURCE` (CPython 3.11.7): stdout, then the last stderr line if it failed.
@Suite struct LanguageTests {
    static let bigInts: [(String, String)] = [
        ("print(2 ** 100, -2 ** 100, 2 ** 64 - 1, 2 ** 63)", "1267650600228229401496703205376 -1267650600228229401496703205376 18446744073709551615 9223372036854775808\n"),
        ("print(9223372036854775807 + 1, -9223372036854775808 - 1, (-9223372036854775808) // -1, -(-9223372036854775808))", "9223372036854775808 -9223372036854775809 9223372036854775808 9223372036854775808\n"),
        ("x = 123456789012345678901234567890\nprint(x, type(x).__name__, x * x, x // 7, x % 7, -x // 7, -x % 7, divmod(x, -13))", "123456789012345678901234567890 int 15241578753238836750495351562536198787501905199875019052100 17636684144620811271604938270 0 -17636684144620811271604938270 0 (-9496676077872744530864197530, 0)\n"),
        ("print(0xffffffffffffffffffff, 0b1 << 70, 0o7777777777777777777777777)", "1208925819614629174706175 1180591620717411303424 37778931862957161709567\n"),
        ("print(2 ** 100 + 1.5, 2 ** 100 * 1.0, 10 ** 30 / 10 ** 10, 2 ** 2000 / 2 ** 1999, (2 ** 100) ** 0.5)", "1.2676506002282294e+30 1.2676506002282294e+30 1e+20 2.0 1125899906842624.0\n"),
        ("print(float(2 ** 1024))", "OverflowError: int too large to convert to float\n"),
        ("print(2 ** 2000 / 3)", "OverflowError: integer division result too large for a float\n"),
        ("print(2 ** 64 == 2.0 ** 64, 2 ** 53 + 1 == 2.0 ** 53, 2 ** 100 < 1e300, 2 ** 100 > 1e30, 10 ** 20 > 1e20, 10 ** 20 >= 1e20, 2 ** 100 != 2 ** 100 + 1)", "True False True True False True True\n"),
        ("print(hash(2 ** 100), hash(2 ** 64), hash(-2 ** 63), hash(2 ** 61 - 1), hash(2 ** 100) == hash(2.0 ** 100))", "549755813888 8 -4 0 True\n"),
        ("d = {2 ** 100: 'big', 1: 'one'}\nprint(d[2.0 ** 100], d[1.0], 2 ** 100 in d, 2 ** 101 in d)", "big one True False\n"),
        ("print(int('123456789012345678901234567890'), int('-99999999999999999999'), int('f' * 30, 16), int('0x' + 'f' * 30, 16), int(1e30), int(-2.5e20))", "123456789012345678901234567890 -99999999999999999999 1329227995784915872903807060280344575 1329227995784915872903807060280344575 1000000000000000019884624838656 -250000000000000000000\n"),
        ("print(int('1' * 5000))", "ValueError: Exceeds the limit (4300 digits) for integer string conversion: value has 5000 digits; use sys.set_int_max_str_digits() to increase the limit\n"),
        ("print(str(10 ** 5000))", "ValueError: Exceeds the limit (4300 digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit\n"),
        ("print(f'{2 ** 100:,}', f'{2 ** 100:x}', f'{-2 ** 70:>40}', f'{2 ** 70:e}', format(2 ** 80, '_'), '%d' % 2 ** 100, '%x' % 2 ** 90)", "1,267,650,600,228,229,401,496,703,205,376 10000000000000000000000000                  -1180591620717411303424 1.180592e+21 1_208_925_819_614_629_174_706_176 1267650600228229401496703205376 40000000000000000000000\n"),
        ("print(hex(2 ** 100), bin(-2 ** 70), oct(2 ** 65), abs(-2 ** 100), abs(-9223372036854775808))", "0x10000000000000000000000000 -0b10000000000000000000000000000000000000000000000000000000000000000000000 0o4000000000000000000000 1267650600228229401496703205376 9223372036854775808\n"),
        ("print(round(2 ** 100, -5), round(1e20), round(123456789012345678901234, -3), round(2 ** 70), round(5, -1), round(15, -1))", "1267650600228229401496703200000 100000000000000000000 123456789012345678901000 1180591620717411303424 0 20\n"),
        ("print(2 ** 100 & 0xff, (-2 ** 100) >> 3, 1 << 100, ~(2 ** 100), (-2 ** 100) ^ 12345, (2 ** 100) | 1, 2 ** 100 >> 200, -(2 ** 100) >> 200)", "0 -158456325028528675187087900672 1267650600228229401496703205376 -1267650600228229401496703205377 -1267650600228229401496703193031 1267650600228229401496703205377 0 -1\n"),
        ("print(pow(2, 100, 7), pow(3, 10 ** 20, 1000), pow(-3, 5, 7), pow(2, 200))", "2 1 2 1606938044258990275541962092341162602522202993782792835301376\n"),
        ("print(sum([2 ** 62] * 4), max(2 ** 100, 3), min(-2 ** 100, 0), sorted([2 ** 70, 1, -2 ** 70, 2.5]))", "18446744073709551616 1267650600228229401496703205376 -1267650600228229401496703205376 [-1180591620717411303424, 1, 2.5, 1180591620717411303424]\n"),
        ("print(bool(2 ** 100), bool(2 ** 100 - 2 ** 100), 2 ** 100 - 2 ** 100, type(2 ** 100 - 2 ** 100 + 1))", "True False 0 <class 'int'>\n"),
        ("print([1, 2][2 ** 100])", "IndexError: cannot fit 'int' into an index-sized integer\n"),
        ("print('ab' * 2 ** 100)", "OverflowError: cannot fit 'int' into an index-sized integer\n"),
        ("x = 1\nfor i in range(70):\n    x *= 3\nprint(x, x.bit_length() if hasattr(x, 'bit_length') else '')", "2503155504993241601315571986085849 111\n"),
        ("n = 2 ** 100\nprint(isinstance(n, int), n == n + 0, n is not None, repr(n), str(n)[:5], [n], (n,), {'k': n})", "True True True 1267650600228229401496703205376 12676 [1267650600228229401496703205376] (1267650600228229401496703205376,) {'k': 1267650600228229401496703205376}\n"),
        ("print(2 ** -100, 0 ** 0, (-1) ** (2 ** 100), 1 ** (2 ** 100))", "7.888609052210118e-31 1 1 1\n"),
        ("print(10 ** 100 // 3 ** 50, 10 ** 100 % 3 ** 50, -(10 ** 100) // 3 ** 50)", "13929555690985383463364423445963945605142060780790232251677716373388868387394 338941025672037806158894 -13929555690985383463364423445963945605142060780790232251677716373388868387395\n"),
        ("print(1e308 * 10, 2 ** 1023 * 2.0)", "inf inf\n"),
    ]
    static let sets: [(String, String)] = [
        ("s = {3, 1, 2}\nprint(s, type(s).__name__, len(s), 2 in s, 5 not in s, set(), {1}, {(1, 2), (1, 2)})", "{1, 2, 3} set 3 True True set() {1} {(1, 2)}\n"),
        ("print({10, 5, 7, 33, 100, 2, 64, 8, 9}, set([10, 5, 7, 33, 100, 2, 64, 8, 9]), {x * 7 for x in range(12)})", "{64, 33, 2, 100, 5, 7, 8, 9, 10} {64, 33, 2, 100, 5, 7, 8, 9, 10} {0, 35, 70, 7, 42, 77, 14, 49, 21, 56, 28, 63}\n"),
        ("s = {x % 5 for x in range(20)}\ns.add(99)\ns.add(-1)\nprint(s)\ns.discard(0)\ns.remove(4)\nprint(sorted(s), len(s))", "{0, 1, 2, 3, 4, 99, -1}\n[-1, 1, 2, 3, 99] 5\n"),
        ("a = {1, 2, 3, 4}\nb = {3, 4, 5}\nprint(a | b, a & b, a - b, b - a, a ^ b, a <= b, {3} <= b, {3} < b, a > {1}, a == {4, 3, 2, 1}, a != b)", "{1, 2, 3, 4, 5} {3, 4} {1, 2} {5} {1, 2, 5} False True True True True True\n"),
        ("a = {1, 2}\nprint(a.union([5], (6,)), a.intersection([2, 9]), a.difference({1}), a.symmetric_difference([2, 3]), a.issubset(range(5)), a.issuperset([1]), a.isdisjoint([7]))", "{1, 2, 5, 6} {2} {2} {1, 3} True True True\n"),
        ("s = set()\ns.remove(1)", "KeyError: 1\n"),
        ("s = set()\ns.pop()", "KeyError: 'pop from an empty set'\n"),
        ("s = {[1, 2]}", "TypeError: unhashable type: 'list'\n"),
        ("d = {{1}: 2}", "TypeError: unhashable type: 'set'\n"),
        ("f = frozenset([1, 2, 2])\nprint(f, frozenset(), {f: 'ok'}[frozenset([2, 1])], f | {3}, isinstance(f, frozenset), isinstance({1}, set))", "frozenset({1, 2}) frozenset() ok frozenset({1, 2, 3}) True True\n"),
        ("words = ['b', 'a', 'b', 'c']\nprint(sorted(set(words)), len({w for w in words}), sorted({w.upper() for w in words if w != 'c'}))", "['a', 'b', 'c'] 3 ['A', 'B']\n"),
        ("s = {1, 2, 3}\ns.update([4], {5})\nc = s.copy()\nc.clear()\nprint(s, c, bool(c), bool(s), list({5, 4, 3}), tuple({1}), {True, 1, 1.0})", "{1, 2, 3, 4, 5} set() False True [3, 4, 5] (1,) {True}\n"),
        ("print({1, 2}.add(3, 4))", "TypeError: set.add() takes exactly one argument (2 given)\n"),
        ("print({1, 2} + {3})", "TypeError: unsupported operand type(s) for +: 'set' and 'set'\n"),
        ("x = 5\nprint({x, x + 1, -x}, {*[1, 2], 3}, {'only'})", "{-5, 5, 6} {1, 2, 3} {'only'}\n"),
        ("print(set('hello') == {'h', 'e', 'l', 'o'}, {1, 2}.union(), len(set(range(1000))), sum({1, 2, 3}))", "True {1, 2} 1000 6\n"),
    ]
    static let slices: [(String, String)] = [
        ("print(range(10)[::2], range(10)[::-1], range(10)[2:8:3], range(0, 20, 5)[1:], range(10)[-3:], range(5, 0, -1)[::2], range(10)[100:])", "range(0, 10, 2) range(9, -1, -1) range(2, 8, 3) range(5, 20, 5) range(7, 10) range(5, 0, -2) range(10, 10)\n"),
        ("r = range(0, 100, 7)[3:9:2]\nprint(r, list(r), len(r), r[1], r[-1], 21 in r, 22 in r)", "range(21, 63, 14) [21, 35, 49] 3 35 49 True False\n"),
        ("print(list(range(10)[::-3]), range(3)[::-1] == range(2, -1, -1), range(10)[::2][::2])", "[9, 6, 3, 0] True range(0, 10, 4)\n"),
        ("s = 'hello world'\nprint(s[::-1], s[::2], s[1::3], s[-1:-6:-1], s[8:2:-2], s[::-2], s[100:], s[:-100], 'abc'[::1], ''[::-1])", "dlrow olleh hlowrd eood dlrow rwo drwolh   abc \n"),
        ("print('héllo'[::-1], (1, 2, 3, 4)[::-2], [1, 2, 3, 4, 5][1::2], b'abcdef'[::2], b'abc'[::-1])", "olléh (4, 2) [2, 4] b'ace' b'cba'\n"),
        ("print(range(10)[::0])", "ValueError: slice step cannot be zero\n"),
        ("print('abc'[::0])", "ValueError: slice step cannot be zero\n"),
        ("print(range(10)[1.5:])", "TypeError: slice indices must be integers or None or have an __index__ method\n"),
        ("print([1, 2, 3][:2 ** 100], 'abc'[-2 ** 100:])", "[1, 2, 3] abc\n"),
    ]
    static let conditionalExpressions: [(String, String)] = [
        ("f = lambda x: 'pos' if x > 0 else 'neg' if x < 0 else 'zero'\nprint(f(1), f(-1), f(0))", "pos neg zero\n"),
        ("print([x if x % 2 else -x for x in range(5)], [x for x in range(10) if (x if x > 5 else 0)])", "[0, 1, -2, 3, -4] [6, 7, 8, 9]\n"),
        ("def g(a, b=1 if True else 2, *, c='x' if False else 'y'):\n    return a if a else b, c\nprint(g(0), g(3, c='z'))", "(1, 'y') (3, 'z')\n"),
        ("d = {k: (v if v else None) for k, v in [('a', 1), ('b', 0)]}\nprint(d, {1 if True else 2: 'one'}, (1 if False else 2, 3), [1, 2][0 if True else 1])", "{'a': 1, 'b': None} {1: 'one'} (2, 3) 1\n"),
        ("x = 3\ny = x * 2 if x > 2 else x\nz = not x if x else 5\nprint(y, z, f'{\"big\" if x > 2 else \"small\"}', ('a' if x else 'b').upper())", "6 False big A\n"),
        ("def h(n):\n    return n if n < 2 else h(n - 1) + h(n - 2)\nprint(h(10), [h(i) if i % 2 else 0 for i in range(6)])", "55 [0, 1, 0, 2, 0, 5]\n"),
        ("async def main():\n    v = await q() if True else None\n    return v\nasync def q():\n    return 'awaited'\nimport asyncio\nprint(asyncio.run(main()))", "awaited\n"),
        ("print(1 if 2 else 3 if 4 else 5, (lambda: 1 if 0 else 2)(), [*(range(2) if True else [])], {**({'a': 1} if 1 else {})})", "1 2 [0, 1] {'a': 1}\n"),
        ("x = 1 if True", "SyntaxError: expected 'else' after 'if' expression\n"),
    ]

    @Test(arguments: bigInts)
    func bigInt(source: String, expected: String) async {
        #expect(await runLastLine(source) == expected, "\(source)")
    }

    @Test(arguments: sets)
    func set(source: String, expected: String) async {
        #expect(await runLastLine(source) == expected, "\(source)")
    }

    @Test(arguments: slices)
    func slice(source: String, expected: String) async {
        #expect(await runLastLine(source) == expected, "\(source)")
    }

    @Test(arguments: conditionalExpressions)
    func conditionalExpression(source: String, expected: String) async {
        #expect(await runLastLine(source) == expected, "\(source)")
    }
}
