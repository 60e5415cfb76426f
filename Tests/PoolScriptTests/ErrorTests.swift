import Testing

@testable import PoolScript

/// A host object with httpx.Limits-like attributes, for AttributeError suggestions.
final class FakeLimits: PyObject {
    var values: [String: Value]
    init(_ values: [String: Value]) { self.values = values }
    var pyTypeName: String { "Limits" }
    func pyRepr() -> String {
        "Limits(max_connections=\(values["max_connections"]!.repr()), max_keepalive_connections=\(values["max_keepalive_connections"]!.repr()), keepalive_expiry=5.0)"
    }
    func getAttribute(_ name: String) throws -> Value? { values[name] }
    var attributeNames: [String] { values.keys.sorted() }
}

func makeLimitsConstructor() -> Value {
    .object(
        NativeFunction(name: "Limits") { arguments in
            let bound = try arguments.bind(
                "Limits.__init__",
                [
                    Parameter("max_connections", kind: .keywordOnly, default: Value.none),
                    Parameter("max_keepalive_connections", kind: .keywordOnly, default: Value.none),
                    Parameter("keepalive_expiry", kind: .keywordOnly, default: .float(5.0)),
                ],
                selfCounted: true
            )
            return .object(
                FakeLimits([
                    "max_connections": bound["max_connections"],
                    "max_keepalive_connections": bound["max_keepalive_connections"],
                    "keepalive_expiry": bound["keepalive_expiry"],
                ])
            )
        }
    )
}

@Suite struct ErrorTests {
    static let cases: [(String, String)] = [
        ("x", "NameError: name 'x' is not defined"),
        ("pritn('x')", "NameError: name 'pritn' is not defined. Did you mean: 'print'?"),
        ("1 + 'a'", "TypeError: unsupported operand type(s) for +: 'int' and 'str'"),
        ("'a' + 1", "TypeError: can only concatenate str (not \"int\") to str"),
        ("1 / 0", "ZeroDivisionError: division by zero"),
        ("1 // 0", "ZeroDivisionError: integer division or modulo by zero"),
        ("1.0 / 0", "ZeroDivisionError: float division by zero"),
        ("[1][5]", "IndexError: list index out of range"),
        ("{'a': 1}['b']", "KeyError: 'b'"),
        ("None.x", "AttributeError: 'NoneType' object has no attribute 'x'"),
        ("'abc'.uper()", "AttributeError: 'str' object has no attribute 'uper'. Did you mean: 'upper'?"),
        ("len(5)", "TypeError: object of type 'int' has no len()"),
        ("5()", "TypeError: 'int' object is not callable"),
        ("int('x1')", "ValueError: invalid literal for int() with base 10: 'x1'"),
        ("float('abc')", "ValueError: could not convert string to float: 'abc'"),
        ("def f(x): pass\nf()", "TypeError: f() missing 1 required positional argument: 'x'"),
        ("def f(x): pass\nf(1, 2)", "TypeError: f() takes 1 positional argument but 2 were given"),
        ("def f(x): pass\nf(y=1)", "TypeError: f() got an unexpected keyword argument 'y'"),
        ("def f(x): pass\nf(1, x=1)", "TypeError: f() got multiple values for argument 'x'"),
        ("a, b = [1, 2, 3]", "ValueError: too many values to unpack (expected 2)"),
        ("a, b, c = [1, 2]", "ValueError: not enough values to unpack (expected 3, got 2)"),
        ("raise ValueError('bad value')", "ValueError: bad value"),
        ("raise RuntimeError", "RuntimeError"),
        ("assert 1 == 2, 'nope'", "AssertionError: nope"),
        ("import numpy", "ModuleNotFoundError: No module named 'numpy'"),
        (
            "def f():\n    x = x + 1\nf()",
            "UnboundLocalError: cannot access local variable 'x' where it is not associated with a value"
        ),
        ("1 < 'a'", "TypeError: '<' not supported between instances of 'int' and 'str'"),
        ("[] + ()", "TypeError: can only concatenate list (not \"tuple\") to list"),
        ("{[]: 1}", "TypeError: unhashable type: 'list'"),
        ("sum(['a'])", "TypeError: unsupported operand type(s) for +: 'int' and 'str'"),
        ("float(2 ** 1024)", "OverflowError: int too large to convert to float"),
        ("for x in 5: pass", "TypeError: 'int' object is not iterable"),
        ("max([])", "ValueError: max() arg is an empty sequence"),
        ("exit()", "SystemExit"),
    ]

    @Test(arguments: cases)
    func lastLineMatchesCPython(_ testCase: (String, String)) async {
        let output = await run(testCase.0)
        let lastLine = output.split(separator: "\n").last.map(String.init) ?? ""
        #expect(lastLine == testCase.1, "source: \(testCase.0)\n\(output)")
    }

    @Test func tracebackFormat() async {
        let output = await run("def f():\n    return 1 / 0\nf()")
        #expect(
            output == """
                Traceback (most recent call last):
                  File "<stdin>", line 3, in <module>
                  File "<stdin>", line 2, in f
                ZeroDivisionError: division by zero

                """
        )
    }

    @Test func chainedExceptionsShowBothTracebacks() async {
        let during = await run("try:\n    1 / 0\nexcept ZeroDivisionError:\n    raise ValueError('x')")
        #expect(
            during == """
                Traceback (most recent call last):
                  File "<stdin>", line 2, in <module>
                ZeroDivisionError: division by zero

                During handling of the above exception, another exception occurred:

                Traceback (most recent call last):
                  File "<stdin>", line 4, in <module>
                ValueError: x

                """
        )
        let cause = await run("try:\n    {}['k']\nexcept KeyError as e:\n    raise RuntimeError('missing') from e")
        #expect(cause.contains("The above exception was the direct cause of the following exception:"))
        let suppressed = await run("try:\n    {}['k']\nexcept KeyError:\n    raise RuntimeError('missing') from None")
        #expect(
            suppressed
                == "Traceback (most recent call last):\n  File \"<stdin>\", line 4, in <module>\nRuntimeError: missing\n"
        )
        let bare = await run("try:\n    1 / 0\nexcept ZeroDivisionError:\n    raise")
        #expect(!bare.contains("During handling"))
    }

    @Test func fileTracebacksShowSourceLines() async {
        let host = TestHost()
        let interpreter = Interpreter(host: host)
        let result = await interpreter.run("def f():\n    return missing\n\nf()\n", fileName: "main.py", mode: .file)
        #expect(
            render(result) == """
                Traceback (most recent call last):
                  File "main.py", line 4, in <module>
                    f()
                  File "main.py", line 2, in f
                    return missing
                NameError: name 'missing' is not defined

                """
        )
    }

    @Test func hostErrorsKeepTheirHint() async {
        let host = TestHost()
        let poolTimeout = ExceptionClass(name: "PoolTimeout", module: "httpx", base: .timeoutError)
        host.modules["httpx"] = .object(
            ModuleObject(
                name: "httpx",
                attributes: [
                    "PoolTimeout": .object(poolTimeout),
                    "fail": .object(
                        NativeFunction(name: "fail") { _ in
                            throw PythonError(poolTimeout, "", hint: "all 2 connections were busy for 5.0 s")
                        }
                    ),
                ]
            )
        )
        let output = await run("import httpx\nhttpx.fail()", host: host)
        #expect(
            output == """
                Traceback (most recent call last):
                  File "<stdin>", line 2, in <module>
                httpx.PoolTimeout
                  hint: all 2 connections were busy for 5.0 s

                """
        )
        let caught = await run(
            "import httpx\ntry:\n    httpx.fail()\nexcept httpx.PoolTimeout as e:\n    print('caught', type(e), repr(str(e)))\nexcept Exception:\n    print('wrong')",
            host: TestHost()
        )
        #expect(caught.hasSuffix("ModuleNotFoundError: No module named 'httpx'\n"))
        let host2 = TestHost()
        host2.modules = host.modules
        let caught2 = await run(
            "import httpx\ntry:\n    httpx.fail()\nexcept httpx.PoolTimeout as e:\n    print('caught', type(e), repr(str(e)))",
            host: host2
        )
        #expect(caught2 == "caught <class 'httpx.PoolTimeout'> ''\n")
    }

    @Test func attributeErrorSuggestsTheClosestName() async {
        let host = TestHost()
        host.modules["httpx"] = .object(ModuleObject(name: "httpx", attributes: ["Limits": makeLimitsConstructor()]))
        let output = await run(
            "import httpx\nlimits = httpx.Limits(max_connections=10)\nlimits.max_conections",
            host: host
        )
        #expect(
            output.hasSuffix(
                "AttributeError: 'Limits' object has no attribute 'max_conections'. Did you mean: 'max_connections'?\n"
            )
        )
        let module = await run("import httpx\nhttpx.Limit", host: host)
        #expect(module.hasSuffix("AttributeError: module 'httpx' has no attribute 'Limit'. Did you mean: 'Limits'?\n"))
    }

    @Test func bindingErrorsUseCPythonWording() async {
        let host = TestHost()
        host.modules["httpx"] = .object(ModuleObject(name: "httpx", attributes: ["Limits": makeLimitsConstructor()]))
        let positional = await run("import httpx\nhttpx.Limits(10)", host: host)
        #expect(positional.hasSuffix("TypeError: Limits.__init__() takes 1 positional argument but 2 were given\n"))
        let keyword = await run("import httpx\nhttpx.Limits(max_conn=1)", host: host)
        #expect(keyword.hasSuffix("TypeError: Limits.__init__() got an unexpected keyword argument 'max_conn'\n"))
    }

    @Test func levenshteinMatchesCPythonCosts() {
        #expect(
            suggestion(for: "max_conections", among: ["max_connections", "max_keepalive_connections"])
                == "max_connections"
        )
        #expect(suggestion(for: "Print", among: ["print"]) == "print")
        #expect(suggestion(for: "zzzzzz", among: ["print"]) == nil)
    }

    @Test func recursionIsBounded() async {
        let output = await run("def f(n):\n    return f(n + 1)\nf(0)")
        #expect(output.hasSuffix("RecursionError: maximum recursion depth exceeded\n"))
        #expect(output.contains("[Previous line repeated"))
    }
}
