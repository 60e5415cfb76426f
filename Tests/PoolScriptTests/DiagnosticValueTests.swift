import Testing

@testable import PoolScript

/// Errors reach hosts as ``Diagnostic`` values: what they hold, and the lines CPython prints, each span by role.
@Suite struct DiagnosticValueTests {
    static func error(_ source: String, fileName: String = "<stdin>") async -> RunResult {
        await Interpreter(host: TestHost()).run(source, fileName: fileName, mode: .file)
    }

    static func diagnostic(_ source: String, fileName: String = "<stdin>") async -> Diagnostic? {
        switch await error(source, fileName: fileName) {
        case .ok: return nil
        case .error(let error): return error.diagnostic
        case .syntaxError(let error): return error.diagnostic(fileName: fileName)
        }
    }

    @Test func aSyntaxErrorHoldsItsLineAndCaretSpan() async throws {
        let d = try #require(await Self.diagnostic("x = 1\n  名前 = 1 +* 2"))
        #expect(d.kind == .syntaxError)
        #expect(d.typeName == "IndentationError")
        #expect(d.message == "unexpected indent")
        #expect(d.location == Diagnostic.Location(fileName: "<stdin>", line: 2, sourceText: "名前 = 1 +* 2", caret: nil))
        let caret = try #require(await Self.diagnostic("x = )"))
        #expect(caret.location?.caret == 4..<5)
        #expect(caret.formatted() == "  File \"<stdin>\", line 1\n    x = )\n        ^\nSyntaxError: unmatched ')'\n")
        #expect(caret.lines().map { $0.spans.map(\.role) } == [[.text], [.text], [.caret], [.exception]])
    }

    @Test func anExceptionHoldsItsFramesChainAndNotes() async throws {
        let source = "def inner():\n    raise KeyError('k')\ntry:\n    inner()\nexcept KeyError as e:\n    raise ValueError('v') from e"
        let d = try #require(await Self.diagnostic(source, fileName: "t.py"))
        #expect(d.kind == .exception)
        #expect(d.typeName == "ValueError")
        #expect(d.message == "v")
        #expect(d.traceback == [Diagnostic.Frame(fileName: "t.py", line: 6, function: "<module>", sourceText: "raise ValueError('v') from e")])
        let cause = try #require(d.chain.first)
        #expect(cause.isCause)
        #expect(cause.diagnostic.summary == "KeyError: 'k'")
        #expect(d.lastLine(in: "t.py") == 6)
        #expect(d.lastLine(in: "other.py") == nil)
        #expect(d.notes.isEmpty)
        var hinted = d
        hinted.notes.append(.hint("look here"))
        let last = try #require(hinted.lines().last)
        #expect(last.spans == [Diagnostic.Span("  ", .text), Diagnostic.Span("hint: look here", .note)])
        #expect(hinted.formatted() == d.formatted() + "  hint: look here\n")
    }

    @Test func aHostHintBecomesANote() throws {
        let error = PythonError(.typeError, "bad", hint: "try this")
        #expect(error.diagnostic.notes == [.hint("try this")])
        #expect(error.formatted() == "TypeError: bad\n  hint: try this\n")
    }

    @Test func stdinFramesShowNoSource() async throws {
        let d = try #require(await Self.diagnostic("def f():\n    return 1 / 0\nf()"))
        #expect(d.traceback.map(\.sourceText) == [nil, nil])
        #expect(d.traceback.map(\.line) == [3, 2])
        #expect(d.summary == "ZeroDivisionError: division by zero")
    }

    @Test func aGroupHoldsItsMembersAndDrawsItsBoxAsMargin() async throws {
        let d = try #require(
            await Self.diagnostic("raise ExceptionGroup('g', [ValueError('a'), ExceptionGroup('inner', [TypeError('t')])])"))
        let members = try #require(d.group)
        #expect(members.map(\.typeName) == ["ValueError", "ExceptionGroup"])
        #expect(members[1].group?.map(\.summary) == ["TypeError: t"])
        let lines = d.lines()
        // Every line of the box starts with margin; exception lines keep their role inside it.
        #expect(lines.allSatisfy { $0.spans.first?.role == .margin })
        let exceptionLines = lines.filter { $0.spans.contains { $0.role == .exception } }.map(\.text)
        #expect(
            exceptionLines == [
                "  | ExceptionGroup: g (2 sub-exceptions)", "    | ValueError: a", "    | ExceptionGroup: inner (1 sub-exception)",
                "      | TypeError: t",
            ])
        #expect(d.formatted() == lines.map { $0.text + "\n" }.joined())
    }

    @Test func warningsAndHintsAreLinesOfTheirOwn() {
        var warning = Diagnostic(kind: .warning, typeName: "UserWarning", message: "careful")
        #expect(warning.formatted() == "UserWarning: careful\n")
        warning.notes = [.hint("why")]
        #expect(warning.lines().map { $0.spans.map(\.role) } == [[.warning], [.text, .note]])
        #expect(Diagnostic(kind: .hint, typeName: "", message: "try %pool").formatted() == "hint: try %pool\n")
    }
}
