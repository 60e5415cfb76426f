/// A hand-written recursive-descent parser from tokens to the AST, with CPython's error messages.
///
/// Statements live here; expressions in `Parser+Expressions.swift`. Constructs outside PoolPlay's
/// subset (match, walrus, class keyword arguments) are reported as
/// `NotImplementedError` diagnostics pointing at the construct, never as a crash.
struct Parser {
    var tokens: [Token]
    var index = 0
    let lexer: Lexer
    /// `isAsync` of each enclosing function, innermost last.
    var functions: [Bool] = []
    var loopDepth = 0
    /// Set when a `yield` is parsed; each function definition saves, clears and reads it for `isGenerator`.
    var sawYield = false
    /// Nesting of `class` bodies being parsed.
    var classDepth = 0
    /// Nesting of `def`s being parsed, across class bodies (which reset `functions`).
    var defDepth = 0
    /// Nesting of expressions being parsed, bounded so hostile input cannot overflow the stack.
    var nesting = 0
    /// The deepest expression nesting accepted ("too many nested expressions" beyond). CPython allows 200 nested
    /// brackets, but one level costs about 30 recursive calls here, and at 200 levels a debug build overflowed an
    /// 8 MB stack (found by the fuzzer); 100 is far beyond any real program and leaves half the stack free.
    static let maxNesting = 100

    /// Tokenizes and parses a whole module.
    static func parseModule(_ source: String) throws -> [Stmt] {
        var lexer = Lexer(source)
        let tokens: [Token]
        do {
            tokens = try lexer.tokenize()
        } catch let unclosed as SyntaxError where unclosed.incompleteInput && unclosed.message.hasSuffix("was never closed") {
            throw earlierSyntaxError(lexer) ?? unclosed
        }
        var parser = Parser(tokens: tokens, lexer: lexer)
        return try parser.parseStatements(untilDedent: false)
    }

    /// CPython's parser consumes tokens as the tokenizer produces them, so plain invalid syntax inside a bracket
    /// that is never closed (`def f(:`, `[1,, 2`) is reported as "invalid syntax" before the tokenizer reaches
    /// the end of the input and finds the bracket open. Parses the tokens read so far; an "invalid syntax" at one
    /// of them (not at the end they stop at) is that earlier error.
    private static func earlierSyntaxError(_ lexer: Lexer) -> SyntaxError? {
        var tokens = lexer.tokensSoFar
        guard let end = tokens.last?.end else { return nil }
        tokens.append(Token(kind: .newline, text: "", start: end, end: end))
        tokens.append(Token(kind: .eof, text: "", start: end, end: end))
        var parser = Parser(tokens: tokens, lexer: lexer)
        do {
            _ = try parser.parseStatements(untilDedent: false)
        } catch let d as SyntaxError where d.message == "invalid syntax" {
            let column = d.column - 1
            if d.line < end.line || (d.line == end.line && column < end.column) { return d }
        } catch {}
        return nil
    }

    /// Parses a single expression (for `Interpreter.evaluate`).
    static func parseExpression(_ source: String) throws -> Expr {
        var lexer = Lexer(source)
        let tokens = try lexer.tokenize()
        var parser = Parser(tokens: tokens, lexer: lexer)
        parser.functions = [true]
        while parser.current.kind == .newline && parser.tokens.count > parser.index + 1
            && parser.peekToken(1).kind != .eof
        {
            parser.index += 1
        }
        let expr = try parser.parseExpressionList()
        while parser.current.kind == .newline || parser.current.kind == .dedent { parser.index += 1 }
        guard parser.current.kind == .eof else { throw parser.invalidSyntax() }
        return expr
    }

    var current: Token { tokens[index] }
    /// True when only the end of the input is left: EOF, perhaps after the dedents that close open blocks (a nested
    /// block header typed last at the prompt: `for …:` / `    try:` still waits for its body).
    var atEndOfInput: Bool {
        tokens[index...].allSatisfy { $0.kind == .dedent || $0.kind == .newline || $0.kind == .eof }
    }
    func peekToken(_ offset: Int) -> Token { tokens[min(index + offset, tokens.count - 1)] }

    mutating func advance() -> Token {
        let t = tokens[index]
        if index < tokens.count - 1 { index += 1 }
        return t
    }

    func error(
        _ message: String,
        at location: SourceLocation,
        kind: ExceptionClass = .syntaxError,
        end: SourceLocation? = nil
    ) -> SyntaxError {
        lexer.error(message, location, kind: kind, end: end)
    }

    func unexpectedIndent(_ t: Token) -> SyntaxError {
        var d = error("unexpected indent", at: t.end, kind: .indentationError)
        d.showsCaret = false
        return d
    }

    func invalidSyntax(_ token: Token? = nil) -> SyntaxError {
        let t = token ?? current
        if t.kind == .indent { return unexpectedIndent(t) }
        if t.kind == .dedent {
            return error("unindent does not match any outer indentation level", at: t.start, kind: .indentationError)
        }
        if t.kind == .eof || t.kind == .newline {
            return error("invalid syntax", at: t.start)
        }
        return error("invalid syntax", at: t.start, end: t.end)
    }

    func notSupported(_ what: String, at location: SourceLocation) -> SyntaxError {
        error("\(what) not supported in PoolPlay's Python subset", at: location, kind: .notImplementedError)
    }

    mutating func acceptOp(_ s: String) -> Bool {
        if current.isOp(s) {
            index += 1
            return true
        }
        return false
    }

    mutating func acceptKeyword(_ s: String) -> Bool {
        if current.isKeyword(s) {
            index += 1
            return true
        }
        return false
    }

    mutating func expectOp(_ s: String, _ message: String? = nil) throws {
        guard acceptOp(s) else {
            throw error(message ?? "expected '\(s)'", at: current.kind == .newline ? current.start : current.start)
        }
    }

    mutating func expectName() throws -> String {
        guard current.isName else { throw invalidSyntax() }
        return advance().text
    }
}

extension Expr {
    /// CPython's name for the kind of expression in "cannot assign to …" messages.
    var kindName: String {
        switch kind {
        case .name: return "name"
        case .none: return "None"
        case .bool(let b): return b ? "True" : "False"
        case .int, .bigInt, .float, .str, .bytes, .ellipsis: return "literal"
        case .fstring: return "f-string expression"
        case .attribute: return "attribute"
        case .call: return "function call"
        case .item: return "subscript"
        case .slice: return "slice"
        case .binary, .unary: return "expression"
        case .and, .or: return "expression"
        case .compare: return "comparison"
        case .list: return "list"
        case .tuple: return "tuple"
        case .dict: return "dict literal"
        case .starred: return "starred"
        case .await: return "await expression"
        case .listComp: return "list comprehension"
        case .genExp: return "generator expression"
        case .yield, .yieldFrom: return "yield expression"
        case .set: return "set display"
        case .setComp: return "set comprehension"
        case .dictComp: return "dict comprehension"
        case .ifExp: return "conditional expression"
        case .lambda: return "lambda"
        }
    }
}
