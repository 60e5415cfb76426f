@testable import PoolScript
import Testing

/// Syntax errors rendered exactly as CPython 3.11 renders them.
@Suite struct DiagnosticTests {
    static let cases: [(String, String)] = [
        (
            "x = (1 +",
            """
              File "<stdin>", line 1
                x = (1 +
                    ^
            SyntaxError: '(' was never closed

            """
        ),
        (
            "if x\n    pass",
            """
              File "<stdin>", line 1
                if x
                    ^
            SyntaxError: expected ':'

            """
        ),
        (
            "print('hi)",
            """
              File "<stdin>", line 1
                print('hi)
                      ^
            SyntaxError: unterminated string literal (detected at line 1)

            """
        ),
        (
            "x = = 1",
            """
              File "<stdin>", line 1
                x = = 1
                    ^
            SyntaxError: invalid syntax

            """
        ),
        (
            "  x = 1",
            """
              File "<stdin>", line 1
                x = 1
            IndentationError: unexpected indent

            """
        ),
        (
            "if True:\nx = 1",
            """
              File "<stdin>", line 2
                x = 1
                ^
            IndentationError: expected an indented block after 'if' statement on line 1

            """
        ),
        (
            "f(a b)",
            """
              File "<stdin>", line 1
                f(a b)
                  ^^^
            SyntaxError: invalid syntax. Perhaps you forgot a comma?

            """
        ),
        (
            "print 'x'",
            """
              File "<stdin>", line 1
                print 'x'
                ^^^^^^^^^
            SyntaxError: Missing parentheses in call to 'print'. Did you mean print(...)?

            """
        ),
        (
            "x = [1, 2)",
            """
              File "<stdin>", line 1
                x = [1, 2)
                         ^
            SyntaxError: closing parenthesis ')' does not match opening parenthesis '['

            """
        ),
        (
            "f() = 1",
            """
              File "<stdin>", line 1
                f() = 1
                ^
            SyntaxError: cannot assign to function call here. Maybe you meant '==' instead of '='?

            """
        ),
        (
            "x = 1，2",
            """
              File "<stdin>", line 1
                x = 1，2
                     ^
            SyntaxError: invalid character '，' (U+FF0C)

            """
        ),
        (
            "class Pool(metaclass=ABCMeta):\n    pass",
            """
              File "<stdin>", line 1
                class Pool(metaclass=ABCMeta):
                           ^
            NotImplementedError: class keyword arguments (metaclass=…) are not supported in PoolPlay's Python subset

            """
        ),
        (
            "def f():\n    nonlocal x",
            """
              File "<stdin>", line 2
                nonlocal x
                ^^^^^^^^^^
            SyntaxError: no binding for nonlocal 'x' found

            """
        ),
        (
            "if (n := 10) > 5: pass",
            """
              File "<stdin>", line 1
                if (n := 10) > 5: pass
                      ^
            NotImplementedError: assignment expressions (':=') are not supported in PoolPlay's Python subset

            """
        ),
        (
            "x = 1\nyield 1",
            """
              File "<stdin>", line 2
                yield 1
                ^^^^^^^
            SyntaxError: 'yield' outside function

            """
        ),
        (
            "def f():\n    print(x)\n    global x",
            """
              File "<stdin>", line 3
                global x
                ^^^^^^^^
            SyntaxError: name 'x' is used prior to global declaration

            """
        ),
        (
            "break",
            """
              File "<stdin>", line 1
                break
                ^
            SyntaxError: 'break' outside loop

            """
        ),
        (
            "def f():\n    await g()",
            """
              File "<stdin>", line 2
                await g()
                ^
            SyntaxError: 'await' outside async function

            """
        ),
        (
            "x = '''abc",
            """
              File "<stdin>", line 1
                x = '''abc
                    ^
            SyntaxError: unterminated triple-quoted string literal (detected at line 1)

            """
        ),
        (
            "if x = 1:\n    pass",
            """
              File "<stdin>", line 1
                if x = 1:
                   ^^^^^
            SyntaxError: invalid syntax. Maybe you meant '==' or ':=' instead of '='?

            """
        ),
        (
            "limits = httpx.Limits(\n    max_connections=10  # max\n    max_keepalive_connections=5\n)",
            """
              File "<stdin>", line 2
                max_connections=10  # max
                                ^^^^^^^^^
            SyntaxError: invalid syntax. Perhaps you forgot a comma?

            """
        ),
        (
            "x = 012",
            """
              File "<stdin>", line 1
                x = 012
                    ^
            SyntaxError: leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers

            """
        ),
    ]

    @Test(arguments: cases)
    func rendersLikeCPython(_ testCase: (String, String)) async {
        let output = await run(testCase.0)
        #expect(output == testCase.1, "source: \(testCase.0)")
    }

    @Test func diagnosticCarriesLineAndColumn() async {
        let interpreter = Interpreter(host: TestHost())
        guard case .syntaxError(let d) = await interpreter.run("a = 1\nb = (2,\n", mode: .file) else {
            Issue.record("expected a syntax error")
            return
        }
        #expect(d.line == 2)
        #expect(d.column == 5)
        #expect(d.message == "'(' was never closed")
        #expect(d.sourceLine == "b = (2,")
    }

    @Test func commentsInsideMultiLineCallsAreIgnored() async {
        let source = """
            def f(**kw):
                return kw
            print(f(
                a=1,  # first
                # a whole comment line
                b=2  # last
            ))
            """
        #expect(await run(source) == "{'a': 1, 'b': 2}\n")
    }
}

@Suite struct InputStatusTests {
    static let cases: [(String, InputStatus)] = [
        ("x = 1", .complete),
        ("x = (1 +", .incomplete),
        ("client = AsyncOpenAI(\n    http_client=c,", .incomplete),
        ("if x:", .incomplete),
        ("if x:\n", .invalid),
        ("", .complete),
        ("# just a comment", .complete),
        ("if x:\n    y = 1", .incomplete),
        ("if x:\n    y = 1\n", .complete),
        ("for i in range(3): print(i)", .incomplete),
        ("for i in range(3): print(i)\n", .complete),
        ("s = '''abc", .incomplete),
        ("s = 'abc", .invalid),
        ("x = )", .invalid),
        ("x = = 1", .invalid),
        ("async def main():", .incomplete),
        ("x = 1 + \\", .incomplete),
        ("try:\n    x = 1", .incomplete),
        ("try:\n    x = 1\n", .invalid),
        ("try:\n    x = 1\nexcept ValueError:\n    pass", .incomplete),
        ("try:\n    x = 1\nfinally:\n    pass\n", .complete),
    ]

    @Test(arguments: cases)
    func classifies(_ testCase: (String, InputStatus)) {
        #expect(inputStatus(testCase.0) == testCase.1, "source: \(testCase.0)")
    }
}
