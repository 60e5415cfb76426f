import Synchronization

/// One entry's source, parsed once: its statements (or the syntax error that stopped the parse) and whether the
/// interactive prompt would take it as complete.
///
/// A host parses what the learner typed into a `ParsedSource`, asks ``status`` whether to prompt for more, and runs
/// the same value with `Interpreter.run(_:fileName:mode:)`: the source is never parsed again.
public struct ParsedSource {
    /// The text that was parsed.
    public let source: String
    let outcome: Outcome

    enum Outcome {
        case statements([Stmt])
        case syntaxError(SyntaxError)
        /// Anything else the parser threw (not expected; reported as a Python error when run).
        case failure(any Error)
    }

    /// Parses `source` as a module (counted by ``ParseCounter``).
    public init(_ source: String) {
        self.source = source
        ParseCounter.current?.record()
        do {
            outcome = .statements(try Parser.parseModule(source))
        } catch let error as SyntaxError {
            outcome = .syntaxError(error)
        } catch {
            outcome = .failure(error)
        }
    }

    init(source: String, statements: [Stmt]) {
        self.source = source
        self.outcome = .statements(statements)
    }

    /// The syntax error that keeps the source from running, if any.
    public var syntaxError: SyntaxError? {
        if case .syntaxError(let error) = outcome { return error }
        return nil
    }

    /// Whether the source is a complete interactive input, as CPython's interactive mode decides: an open bracket
    /// or triple-quoted string, a trailing backslash, a header ending in ':' with no body yet, or a compound statement
    /// not yet closed by a blank line are `.incomplete`; other syntax errors are `.invalid`.
    ///
    /// The source is the lines typed so far joined by "\n", without a trailing newline: an empty last line (the
    /// source ends in "\n") is the blank line that closes a block.
    public var status: InputStatus {
        let lines = source.split(separator: "\n", omittingEmptySubsequences: false)
        let endsWithBlankLine = lines.count >= 2 && lines.last!.allSatisfy({ $0 == " " || $0 == "\t" || $0 == "\r" })
        switch outcome {
        case .statements(let statements):
            let hasCompound = statements.contains { s in
                switch s.kind {
                case .ifElse, .whileLoop, .forLoop, .function, .classDef, .tryExcept, .with: return true
                default: return false
                }
            }
            // Even a one-line compound statement (`if x: pass`) waits for a blank line in CPython.
            return hasCompound && !endsWithBlankLine ? .incomplete : .complete
        case .syntaxError(let d):
            // A decorator line waits for the `def` or `class` it decorates (`@dataclass`, then `...`).
            if !endsWithBlankLine, let last = lines.last(where: { !$0.allSatisfy(\.isWhitespace) }),
                last.drop(while: { $0 == " " || $0 == "\t" }).hasPrefix("@")
            {
                return .incomplete
            }
            // A blank line right after `if x:` is an IndentationError in CPython's REPL, not a continuation.
            if (d.kind === ExceptionClass.indentationError || d.incompleteBlock) && endsWithBlankLine { return .invalid }
            return d.incompleteInput ? .incomplete : .invalid
        case .failure:
            return .invalid
        }
    }
}

/// Counts the module parses made in a task and the tasks it starts, for tests that prove an entry is parsed once:
/// `ParseCounter.$current.withValue(counter) { … }`. Outside such a scope nothing is counted.
public final class ParseCounter: Sendable {
    /// The counter of the current task, if a test installed one.
    @TaskLocal public static var current: ParseCounter?
    private let count = Mutex(0)

    public init() {}

    /// Module parses so far.
    public var parses: Int { count.withLock { $0 } }

    func record() { count.withLock { $0 += 1 } }
}
