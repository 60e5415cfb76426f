import Testing

@testable import PoolScript

/// A ``ParsedSource`` is the one parse of an entry: asking whether it is complete, running it, and splitting a module
/// into its top-level statements all read that parse.
@Suite struct ParseOnceTests {
    /// Runs `body` with a fresh counter installed and returns how many module parses it made.
    static func parses(_ body: () async -> Void) async -> Int {
        let counter = ParseCounter()
        await ParseCounter.$current.withValue(counter) { await body() }
        return counter.parses
    }

    @Test func anEntryIsParsedOnceFromPromptToRun() async {
        let host = TestHost()
        let interpreter = Interpreter(host: host)
        let count = await Self.parses {
            let parsed = ParsedSource("x = 6\nx * 7")
            #expect(parsed.status == .complete)
            #expect(parsed.syntaxError == nil)
            guard case .ok = await interpreter.run(parsed, mode: .interactive) else {
                Issue.record("the entry failed")
                return
            }
        }
        #expect(count == 1)
        #expect(host.output == "42\n")
    }

    @Test func runningSourceTextParsesItOnce() async {
        let interpreter = Interpreter(host: TestHost())
        #expect(await Self.parses { _ = await interpreter.run("y = 1", mode: .file) } == 1)
        #expect(await Self.parses { _ = inputStatus("if y:") } == 1)
        // Nothing is counted outside a counter's scope.
        let idle = ParseCounter()
        _ = ParsedSource("z = 1")
        #expect(idle.parses == 0)
    }

    @Test func aSyntaxErrorComesFromTheSameParse() async {
        let interpreter = Interpreter(host: TestHost())
        var report = ""
        let count = await Self.parses {
            let parsed = ParsedSource("x = (1 +")
            #expect(parsed.status == .incomplete)
            if case .syntaxError(let error) = await interpreter.run(parsed, mode: .file) {
                report = error.formatted(fileName: "<stdin>")
            }
        }
        #expect(count == 1)
        #expect(report == "  File \"<stdin>\", line 1\n    x = (1 +\n        ^\nSyntaxError: '(' was never closed\n")
    }

    @Test(arguments: [
        ("x = 1", InputStatus.complete), ("if x:", .incomplete), ("if x:\n    y = 1", .incomplete),
        ("if x:\n    y = 1\n", .complete), ("if x:\n", .invalid), ("x = (1,", .incomplete), ("x = )", .invalid),
        ("s = '''a", .incomplete), ("def f(:", .invalid),
    ])
    func statusIsInputStatus(source: String, expected: InputStatus) {
        #expect(ParsedSource(source).status == expected)
        #expect(inputStatus(source) == expected)
    }

    @Test func aModuleSplitsIntoStatementsFromOneParse() async {
        let source = """
            import asyncio

            @staticmethod
            def fail(n):
                # a comment inside
                raise ValueError(n)
            # a trailing comment

            x = 1
            fail(x)
            """
        let host = TestHost()
        let interpreter = Interpreter(host: host)
        var ranges: [String] = []
        var report = ""
        let count = await Self.parses {
            guard case .success(let statements) = ParsedSource(source).topLevelStatements else {
                Issue.record("the module did not parse")
                return
            }
            for statement in statements {
                ranges.append("\(statement.first)-\(statement.last)")
                if case .error(let error) = await interpreter.run(statement.parsed, fileName: "m.py", mode: .file) {
                    report = error.formatted()
                }
            }
        }
        #expect(count == 1)
        #expect(ranges == ["1-1", "3-6", "9-9", "10-10"])
        // Tracebacks show the file's lines and line numbers, in the definition as in the statement that called it.
        #expect(
            report == """
                Traceback (most recent call last):
                  File "m.py", line 10, in <module>
                    fail(x)
                  File "m.py", line 6, in fail
                    raise ValueError(n)
                ValueError: 1

                """)
    }

    @Test func aModuleThatDoesNotParseHasNoStatements() {
        guard case .failure(let error) = ParsedSource("x = 1\ny = (").topLevelStatements else {
            Issue.record("expected a syntax error")
            return
        }
        #expect(error.reportedLine == 2)
        #expect(error.reportedKind == "SyntaxError")
    }
}
