@testable import PoolScript
import Testing

@testable import Playground
@testable import TerminalUI

/// The terminal's error view styles the interpreter's ``Diagnostic`` by role and prints exactly the characters of
/// CPython's text (``Diagnostic/formatted()``).
@Suite struct DiagnosticRenderingTests {
    static let e = "\u{1B}"

    /// Programs whose errors cover tracebacks, file source lines, folded recursion, chains, groups (nested, more
    /// than fifteen members, a nested group last), suggestions, empty and multi-line messages, and syntax errors
    /// with carets.
    static let programs: [(source: String, fileName: String)] = [
        ("import httpx\nhttpx.Limits(max_conections=5)", "<stdin>"),
        ("def f(n):\n    return f(n + 1)\nf(0)", "<stdin>"),
        ("def f(n):\n    return f(n + 1)\nf(0)", "deep.py"),
        ("def g():\n    raise KeyError('k')\ntry:\n    g()\nexcept KeyError as e:\n    raise ValueError('a\\nb') from e", "c.py"),
        ("try:\n    1/0\nexcept ZeroDivisionError:\n    raise TypeError('x')", "<stdin>"),
        ("try:\n    1/0\nexcept ZeroDivisionError:\n    raise TypeError('x') from None", "<stdin>"),
        ("raise ExceptionGroup('many', [ValueError(str(i)) for i in range(20)])", "<stdin>"),
        ("raise ExceptionGroup('n', [ValueError('a'), ExceptionGroup('inner', [TypeError('t'), KeyError('k')])])", "<stdin>"),
        ("def w(n):\n    raise ValueError(n)\nerrs = []\nfor i in range(2):\n    try:\n        w(i)\n    except ValueError as e:\n        errs.append(e)\nraise ExceptionGroup('g', errs)", "g.py"),
        ("lenght = 1\nprint(lengt)", "<stdin>"),
        ("raise ValueError()", "<stdin>"),
        ("x = (1 +", "<stdin>"),
        ("  x = 1", "<stdin>"),
        ("名前 = 1 +* 2", "s.py"),
        ("print('a' 'b' c)", "<stdin>"),
        ("class A(metaclass=B): pass", "<stdin>"),
    ]

    static func diagnostics() async -> [Diagnostic] {
        var result: [Diagnostic] = []
        for (source, fileName) in programs {
            let harness = Interpreter(host: NoHost())
            switch await harness.run(source, fileName: fileName, mode: .file) {
            case .ok: Issue.record("no error from \(source)")
            case .error(let error):
                var d = error.diagnostic
                result.append(d)
                d.notes.append(.hint("a hint: with\nnewlines and a colon"))
                result.append(d)
            case .syntaxError(let error): result.append(error.diagnostic(fileName: fileName))
            }
        }
        return result
    }

    @Test func plainRenderingIsTheTextRenderersOutput() async {
        let all = await Self.diagnostics()
        #expect(all.count == 2 * Self.programs.count - 5)
        for d in all {
            let plain = PlainDecorator().render(ErrorView.view(d).render())
            #expect(Array(plain.utf8) == Array(d.formatted().utf8), "\(d.formatted())")
            #expect(ErrorView.render(d, color: false) == d.formatted())
            // Colour adds escapes and nothing else.
            let coloured = ErrorView.render(d, color: true)
            #expect(stripANSIEscapes(coloured) == d.formatted())
        }
    }

    @Test func exceptionLinesAreRedCaretsBoldHintsCyan() async throws {
        var d = PythonError(.typeError, "bad").diagnostic
        d.notes.append(.hint("look"))
        #expect(ErrorView.render(d, color: true) == "\(Self.e)[31mTypeError: bad\(Self.e)[0m\n  \(Self.e)[36mhint: look\(Self.e)[0m\n")
        let all = await Self.diagnostics()
        let syntax = try #require(all.first { $0.kind == .syntaxError && $0.location?.caret != nil })
        #expect(ErrorView.render(syntax, color: true).contains("\n\(Self.e)[1m    "))
        // Inside a group's box the member's exception line is red after the plain margin.
        let group = try #require(all.first { $0.group != nil })
        #expect(ErrorView.render(group, color: true).contains("    | \(Self.e)[31mValueError: 0\(Self.e)[0m\n"))
    }

    @Test func onlyTopLevelHintsFitTheWidth() {
        var d = PythonError(.typeError, "a message longer than the width stays whole").diagnostic
        d.notes.append(.hint("a hint longer than the width wraps"))
        #expect(
            ErrorView.render(d, color: false, width: 24)
                == "TypeError: a message longer than the width stays whole\n  hint: a hint longer\n        than the width\n        wraps\n")
    }

}

/// A host with no modules and no output, for errors alone.
private final class NoHost: ScriptHost {
    func importModule(_ name: String) throws -> Value? { nil }
    func write(_ text: String) {}
}
