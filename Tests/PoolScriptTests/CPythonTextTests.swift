import Testing

@testable import PoolScript

/// Each construct and each error message of the subset against CPython 3.11's exact text. Every expected value
/// below was printed by a real run of `.venv/openai3/bin/python` (CPython 3.11.7) on the same source at module
/// level; errors are caught and printed as `print(type(e).__name__, e)`, and for uncaught ones the expected value
/// is the last stderr line of `python -c SOURCE` (CPython adds "Did you mean" only there, never to `str(e)`).
@Suite struct CPythonTextTests {
    static let constructs: [(String, String)] = [
        ("a, b = 1, 2\na, b = b, a\nprint(a, b)", "2 1\n"),
        ("(x, y), z = (1, 2), 3\nprint(x, y, z)", "1 2 3\n"),
        ("a = b = [1]\nprint(a is b)", "True\n"),
        ("n = 5\nn += 2\nn *= 3\nn //= 4\nn %= 4\nn **= 3\nprint(n)", "1\n"),
        ("x = 7\nx /= 2\nprint(x)", "3.5\n"),
        ("l = [1]\nl += [2]\nl[0] -= 5\nprint(l)", "[-4, 2]\n"),
        ("i = 0\nwhile i < 3:\n    i += 1\nelse:\n    print('else', i)", "else 3\n"),
        ("i = 0\nwhile True:\n    i += 1\n    if i == 2:\n        continue\n    if i > 3:\n        break\n    print(i)\nelse:\n    print('no')", "1\n3\n"),
        ("for i in range(3):\n    pass\nprint(i)", "2\n"),
        ("def outer():\n    k = 3\n    def inner():\n        return k * 2\n    return inner\nprint(outer()())", "6\n"),
        ("def f(*args, **kwargs):\n    return args, kwargs\nprint(f(1, *[2, 3], x=1, **{'y': 2}))", "((1, 2, 3), {'x': 1, 'y': 2})\n"),
        ("def f(a, *, b=2):\n    return a + b\nprint(f(1), f(1, b=5))", "3 6\n"),
        ("def f():\n    pass\nprint(f.__qualname__)\ndef g():\n    def h():\n        pass\n    return h\nprint(g().__qualname__)", "f\ng.<locals>.h\n"),
        ("try:\n    raise ValueError('v')\nexcept ValueError as e:\n    print('caught', e)\nfinally:\n    print('finally')", "caught v\nfinally\n"),
        ("def f():\n    try:\n        return 'body'\n    finally:\n        print('cleanup')\nprint(f())", "cleanup\nbody\n"),
        ("try:\n    try:\n        {}['k']\n    except KeyError:\n        raise\nexcept LookupError as e:\n    print(type(e).__name__, e)", "KeyError 'k'\n"),
        ("x = [1, 2, 3]\ndel x[1]\nprint(x)\nd = {'a': 1}\ndel d['a']\nprint(d)", "[1, 3]\n{}\n"),
        ("print([1, 2, 3, 4][1:3], [1, 2, 3][::-1], 'abcdef'[::2], (1, 2, 3)[-2:])", "[2, 3] [3, 2, 1] ace (2, 3)\n"),
        ("print([n * n for n in range(5) if n % 2])", "[1, 9]\n"),
        ("print([(a, b) for a in range(2) for b in 'xy'])", "[(0, 'x'), (0, 'y'), (1, 'x'), (1, 'y')]\n"),
        ("print(1 and 0, 0 or 'y', not '', None or [])", "0 y True []\n"),
        ("print(2 in [1, 2], 'a' not in 'abc', 'k' in {'k': 0})", "True False True\n"),
        ("print(1 < 2 < 3, 3 > 2 > 2, 1 == 1.0)", "True False True\n"),
        ("print(0.1 + 0.2, 1 / 3, 10 / 5, 2 ** 0.5, 1e16, 1e-7, 123.0, -0.0)", "0.30000000000000004 0.3333333333333333 2.0 1.4142135623730951 1e+16 1e-07 123.0 -0.0\n"),
        ("print(7 // -2, -7 % 3, 2 ** -2, 5 % 2.5, round(2.5), round(0.125, 2))", "-4 2 0.25 0.0 2 0.12\n"),
        ("print(f'{3.14159:.2f}|{42:>6}|{42:<4}|{7:03d}|{0.5:.0%}|{1234567:,}|{255:x}|{\"s\"!r}')", "3.14|    42|42  |007|50%|1,234,567|ff|'s'\n"),
        ("v = 12.5\nprint(f'{v=}')", "v=12.5\n"),
        ("print(repr('a\\'b'), repr(\"q\\\"\"), repr('\\n'), repr(b'x\\x00'))", "\"a'b\" 'q\"' '\\n' b'x\\x00'\n"),
        ("print([1.0, 2.5e-5, 'x', None, True], {'a': (1,)}, (1,), ())", "[1.0, 2.5e-05, 'x', None, True] {'a': (1,)} (1,) ()\n"),
        ("print(int('12'), float('2'), str(2.0), bool([]), len('abc'), sum([1, 2]), min(3, 1), max([4, 9]))", "12 2.0 2.0 False 3 3 1 9\n"),
        ("print(sorted([3, 1, 2], reverse=True), list(range(3)), type(3).__name__, isinstance(True, int))", "[3, 2, 1] [0, 1, 2] int True\n"),
        ("print(type(1), type('s'), type(None), type(print))", "<class 'int'> <class 'str'> <class 'NoneType'> <class 'builtin_function_or_method'>\n"),
        ("print(issubclass(KeyError, LookupError), issubclass(bool, int), issubclass(ValueError, (TypeError, Exception)))", "True True True\n"),
        ("print(divmod(7, 2), abs(-3), list(zip('ab', [1, 2])), list(enumerate('ab')))", "(3, 1) 3 [('a', 1), ('b', 2)] [(0, 'a'), (1, 'b')]\n"),
    ]

    static let caughtErrors: [(String, String)] = [
        ("undefined_name", "NameError name 'undefined_name' is not defined"),
        ("len(1, 2)", "TypeError len() takes exactly one argument (2 given)"),
        ("int('x')", "ValueError invalid literal for int() with base 10: 'x'"),
        ("1 % 0", "ZeroDivisionError integer modulo by zero"),
        ("1 // 0", "ZeroDivisionError integer division or modulo by zero"),
        ("1.0 // 0", "ZeroDivisionError float floor division by zero"),
        ("1.0 % 0", "ZeroDivisionError float modulo"),
        ("divmod(1.0, 0)", "ZeroDivisionError float divmod()"),
        ("divmod(1, 0)", "ZeroDivisionError integer division or modulo by zero"),
        ("0 ** -1", "ZeroDivisionError 0.0 cannot be raised to a negative power"),
        ("[][0]", "IndexError list index out of range"),
        ("()[1]", "IndexError tuple index out of range"),
        ("'ab'[5]", "IndexError string index out of range"),
        ("{}['k']", "KeyError 'k'"),
        ("{}[1]", "KeyError 1"),
        ("'a' * 'b'", "TypeError can't multiply sequence by non-int of type 'str'"),
        ("None + 1", "TypeError unsupported operand type(s) for +: 'NoneType' and 'int'"),
        ("[1] * 'x'", "TypeError can't multiply sequence by non-int of type 'str'"),
        ("'abc'.nope", "AttributeError 'str' object has no attribute 'nope'"),
        ("'abc'.uper", "AttributeError 'str' object has no attribute 'uper'"),
        ("(1).real.x", "AttributeError 'int' object has no attribute 'x'"),
        ("[].apend", "AttributeError 'list' object has no attribute 'apend'"),
        ("{}.key", "AttributeError 'dict' object has no attribute 'key'"),
        ("x = 5\nx()", "TypeError 'int' object is not callable"),
        ("'a' < 1", "TypeError '<' not supported between instances of 'str' and 'int'"),
        ("iter(5)", "TypeError 'int' object is not iterable"),
        ("a, b = 1", "TypeError cannot unpack non-iterable int object"),
        ("a, b = [1, 2, 3]", "ValueError too many values to unpack (expected 2)"),
        ("def f(a): pass\nf(b=1)", "TypeError f() got an unexpected keyword argument 'b'"),
        ("def f(a): pass\nf()", "TypeError f() missing 1 required positional argument: 'a'"),
        ("def f(a, b): pass\nf(1, 2, 3)", "TypeError f() takes 2 positional arguments but 3 were given"),
        ("def f(): pass\nf(1)", "TypeError f() takes 0 positional arguments but 1 was given"),
        ("def f(*, k): pass\nf()", "TypeError f() missing 1 required keyword-only argument: 'k'"),
        ("def f(a): pass\nf(1, a=2)", "TypeError f() got multiple values for argument 'a'"),
        ("raise ValueError('bad', 2)", "ValueError ('bad', 2)"),
        ("raise KeyError('k')", "KeyError 'k'"),
        ("raise TypeError", "TypeError "),
        ("import nosuchmodule", "ModuleNotFoundError No module named 'nosuchmodule'"),
        ("float('nan1')", "ValueError could not convert string to float: 'nan1'"),
        ("[1, 2].index(5)", "ValueError 5 is not in list"),
        ("{}.pop('x')", "KeyError 'x'"),
        ("issubclass(1, int)", "TypeError issubclass() arg 1 must be a class"),
        ("sorted([1, 'a'])", "TypeError '<' not supported between instances of 'str' and 'int'"),
        ("isinstance(1, 2)", "TypeError isinstance() arg 2 must be a type, a tuple of types, or a union"),
        ("'abc'.index('z')", "ValueError substring not found"),
        ("hash([])", "TypeError unhashable type: 'list'"),
    ]

    static let uncaughtErrors: [(String, String)] = [
        ("limits_value = 1\nprint(limits_valu)", "NameError: name 'limits_valu' is not defined. Did you mean: 'limits_value'?"),
        ("print(lenn([]))", "NameError: name 'lenn' is not defined. Did you mean: 'len'?"),
        ("'abc'.uper()", "AttributeError: 'str' object has no attribute 'uper'. Did you mean: 'upper'?"),
        ("[].apend(1)", "AttributeError: 'list' object has no attribute 'apend'. Did you mean: 'append'?"),
        ("def f(a):\n    pass\nf(b=1)", "TypeError: f() got an unexpected keyword argument 'b'"),
        ("d = {}\nd.gett('k')", "AttributeError: 'dict' object has no attribute 'gett'. Did you mean: 'get'?"),
        ("raise ValueError('no')", "ValueError: no"),
        // CPython 3.11.7, `python -c "f(x for x in y, 1)"`.
        ("f(x for x in y, 1)", "SyntaxError: Generator expression must be parenthesized"),
        // CPython 3.11.7 on a file holding the line: invalid syntax inside a bracket never closed is reported
        // first, a missing comma is not.
        ("def f(:", "SyntaxError: invalid syntax"),
        ("y = [1,, 2", "SyntaxError: invalid syntax"),
        ("import (os", "SyntaxError: invalid syntax"),
        ("print(a b", "SyntaxError: '(' was never closed"),
        ("foo(a=", "SyntaxError: '(' was never closed"),
        ("d = {1: 2, 3}", "SyntaxError: ':' expected after dictionary key"),
        ("print(f'{\\\"q\\\"}')", "SyntaxError: f-string expression part cannot include a backslash"),
    ]

    static let moreConstructs: [(String, String)] = [
        (
            "try:\n    try:\n        1/0\n    except ZeroDivisionError:\n        raise KeyError('k') from None\n"
                + "except KeyError as e:\n    print(e.__cause__, type(e.__context__).__name__, e.__suppress_context__)",
            "None ZeroDivisionError True\n"
        ),
        // Exception chaining attributes (CPython 3.11.7 runs of the same lines).
        (
            "try:\n    try:\n        1/0\n    except ZeroDivisionError as z:\n        raise ValueError('v') from z\n"
                + "except ValueError as e:\n    print(type(e.__cause__).__name__, e.__context__ is e.__cause__, e.__suppress_context__)",
            "ZeroDivisionError True True\n"
        ),
        (
            "try:\n    try:\n        1/0\n    except ZeroDivisionError:\n        raise KeyError('k')\n"
                + "except KeyError as e:\n    print(e.__cause__, type(e.__context__).__name__, e.__suppress_context__)",
            "None ZeroDivisionError False\n"
        ),
        // CPython 3.11.7 runs of the same lines.
        ("print('Hello'.swapcase(), '\\u00df'.swapcase())", "hELLO SS\n"),
        (
            "print('42'.isnumeric(), '4a'.isalnum(), ''.isalnum(), '\\u00bd'.isnumeric(), '\\u00bd'.isdecimal(), '4.2'.isdecimal())",
            "True True False True False False\n"
        ),
        ("print('{0[0]} {1[k]} {2.real} {0[1]:>3}'.format([5, 6], {'k': 6}, 7))", "5 6 7   6\n"),
        // Iterator type names and reversed(dict) (CPython 3.11.7 run of the same lines).
        (
            "for v in ['ab', '\\u00e9', [1], (1,), {1: 2}, range(2), b'x']:\n    print(type(iter(v)).__name__, end=' ')\n"
                + "print()\nfor v in [[1], (1,), range(2), 'ab', {1: 2}]:\n    print(type(reversed(v)).__name__, end=' ')\n"
                + "print(list(reversed({1: 2, 3: 4})))\nit = iter([1, 2])\nprint(iter(it) is it, next(it), list(it))",
            "str_ascii_iterator str_iterator list_iterator tuple_iterator dict_keyiterator range_iterator bytes_iterator \n"
                + "list_reverseiterator reversed range_iterator reversed dict_reversekeyiterator [3, 1]\nTrue 1 [2]\n"
        ),
        // CPython 3.11.7 inside asyncio.run (where the main task is Task-1, so its numbers are one higher).
        (
            "import asyncio\nasync def w():\n    return 1\na = asyncio.create_task(w())\n"
                + "b = asyncio.create_task(w(), name='x')\nc = asyncio.create_task(w())\n"
                + "print(a.get_name(), b.get_name(), c.get_name(), await c)",
            "Task-1 x Task-3 1\n"
        ),
        // Methods looked up on the type (CPython 3.11.7 run of the same lines).
        (
            "print(str.upper('x'), sorted(['b', 'C', 'a'], key=str.lower), dict.get({'a': 1}, 'a'), list.count([1, 1], 1))",
            "X ['a', 'b', 'C'] 1 2\n"
        ),
        ("try:\n    str.upper()\nexcept TypeError as e:\n    print(e)", "unbound method str.upper() needs an argument\n"),
        (
            "print(str.upper, type(str.upper).__name__, dict.get)",
            "<method 'upper' of 'str' objects> method_descriptor <method 'get' of 'dict' objects>\n"
        ),
        (
            "try:\n    str.upper(5)\nexcept TypeError as e:\n    print(e)",
            "descriptor 'upper' for 'str' objects doesn't apply to a 'int' object\n"
        ),
        ("print('%5s|%-5s|%05s|%3r' % ('ab', 'cd', 'e', 'q'))", "   ab|cd   |    e|'q'\n"),
        ("print('a=b=c'.partition('='), 'a=b=c'.rpartition('='), 'abc'.partition('x'), 'abc'.rpartition('x'))", "('a', '=', 'b=c') ('a=b', '=', 'c') ('abc', '', '') ('', '', 'abc')\n"),
        ("print(ascii('é'), ascii(['ü']), ascii('plain'))", "'\\xe9' ['\\xfc'] 'plain'\n"),
        ("print((5).real, (2.5).imag, True.real)", "5 0.0 1\n"),
        ("print('{:{}}|{:>{w}}'.format('a', 5, 'b', w=3), '{0:{1}}|'.format('c', 4))", "a    |  b c   |\n"),
        ("try:\n    '{:{:{}}}'.format(1, 2, 3)\nexcept ValueError as e:\n    print(e)", "Max string recursion exceeded\n"),
        ("def f():\n    def g():\n        pass\n    return g\nprint(f().__qualname__, f().__name__)", "f.<locals>.g g\n"),
        ("def f(a):\n    def g(b):\n        pass\n    g()\ntry:\n    f(1)\nexcept TypeError as e:\n    print(e)", "f.<locals>.g() missing 1 required positional argument: 'b'\n"),
        ("try:\n    len()\nexcept TypeError as e:\n    print(e)", "len() takes exactly one argument (0 given)\n"),
        ("try:\n    a, b = 5\nexcept TypeError as e:\n    print(e)", "cannot unpack non-iterable int object\n"),
        ("try:\n    print(issubclass(int, 5))\nexcept TypeError as e:\n    print(e)", "issubclass() arg 2 must be a class, a tuple of classes, or a union\n"),
        ("print(issubclass(ZeroDivisionError, ArithmeticError), issubclass(int, object), issubclass(str, int))", "True True False\n"),
        ("try:\n    divmod(2.5, 0.0)\nexcept ZeroDivisionError as e:\n    print(e)", "float divmod()\n"),
        ("try:\n    5 % 0\nexcept ZeroDivisionError as e:\n    print(e)", "integer modulo by zero\n"),
        ("try:\n    x = undefined_thing\nexcept NameError as e:\n    print(e, e.args)", "name 'undefined_thing' is not defined (\"name 'undefined_thing' is not defined\",)\n"),
        ("try:\n    [].apend\nexcept AttributeError as e:\n    print(e, e.args)", "'list' object has no attribute 'apend' (\"'list' object has no attribute 'apend'\",)\n"),
    ]

    @Test(arguments: constructs)
    func constructPrintsWhatCPythonPrints(_ testCase: (String, String)) async {
        #expect(await run(testCase.0) == testCase.1, "source: \(testCase.0)")
    }

    @Test(arguments: moreConstructs)
    func laterFixesPrintWhatCPythonPrints(_ testCase: (String, String)) async {
        #expect(await run(testCase.0) == testCase.1, "source: \(testCase.0)")
    }

    @Test(arguments: caughtErrors)
    func caughtErrorTextIsCPythons(_ testCase: (String, String)) async {
        let body = testCase.0.split(separator: "\n", omittingEmptySubsequences: false).map { "    " + $0 }
        let source = "try:\n" + body.joined(separator: "\n") + "\nexcept Exception as e:\n    print(type(e).__name__, e)"
        #expect(await run(source) == testCase.1 + "\n", "source: \(testCase.0)")
    }

    @Test(arguments: uncaughtErrors)
    func uncaughtErrorLineIsCPythons(_ testCase: (String, String)) async {
        let output = await run(testCase.0)
        let lastLine = output.split(separator: "\n").last.map(String.init) ?? ""
        #expect(lastLine == testCase.1, "source: \(testCase.0)\n\(output)")
    }
}
