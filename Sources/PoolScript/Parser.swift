/// A hand-written recursive-descent parser from tokens to the AST, with CPython's error messages.
///
/// Statements live here; expressions in `Parser+Expressions.swift`. Constructs outside PoolPlay's
/// subset (classes, decorators, generators, global/nonlocal, match, walrus) are reported as
/// `NotImplementedError` diagnostics pointing at the construct, never as a crash.
struct Parser {
    var tokens: [Token]
    var index = 0
    let lexer: Lexer
    /// `isAsync` of each enclosing function, innermost last.
    var functions: [Bool] = []
    var loopDepth = 0
    /// Nesting of expressions being parsed, bounded so hostile input cannot overflow the stack.
    var nesting = 0
    /// The deepest expression nesting accepted ("too many nested expressions" beyond). CPython allows 200 nested
    /// brackets, but one level costs about 30 recursive calls here, and at 200 levels a debug build overflowed an
    /// 8 MB stack (found by the fuzzer); 100 is far beyond any real program and leaves half the stack free.
    static let maxNesting = 100

    /// Tokenizes and parses a whole module.
    static func parseModule(_ source: String) throws -> [Stmt] {
        var lexer = Lexer(source)
        let tokens = try lexer.tokenize()
        var parser = Parser(tokens: tokens, lexer: lexer)
        return try parser.parseStatements(untilDedent: false)
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
    ) -> Diagnostic {
        lexer.error(message, location, kind: kind, end: end)
    }

    func unexpectedIndent(_ t: Token) -> Diagnostic {
        var d = error("unexpected indent", at: t.end, kind: .indentationError)
        d.showsCaret = false
        return d
    }

    func invalidSyntax(_ token: Token? = nil) -> Diagnostic {
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

    func notSupported(_ what: String, at location: SourceLocation) -> Diagnostic {
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

    // MARK: Statements

    mutating func parseStatements(untilDedent: Bool) throws -> [Stmt] {
        var statements: [Stmt] = []
        while true {
            switch current.kind {
            case .eof:
                return statements
            case .dedent where untilDedent:
                index += 1
                return statements
            case .newline:
                index += 1
            case .indent:
                throw unexpectedIndent(current)
            default:
                statements += try parseStatement()
            }
        }
    }

    mutating func parseStatement() throws -> [Stmt] {
        let t = current
        if t.kind == .name {
            switch t.text {
            case "if": return [try parseIf()]
            case "while": return [try parseWhile()]
            case "for": return [try parseFor(isAsync: false, at: t.start)]
            case "try": return [try parseTry()]
            case "with": return [try parseWith(isAsync: false, at: t.start)]
            case "def": return [try parseDef(isAsync: false, at: t.start)]
            case "async":
                index += 1
                if current.isKeyword("def") { return [try parseDef(isAsync: true, at: t.start)] }
                if current.isKeyword("with") { return [try parseWith(isAsync: true, at: t.start)] }
                if current.isKeyword("for") { return [try parseFor(isAsync: true, at: t.start)] }
                throw invalidSyntax()
            case "class": throw notSupported("class definitions are", at: t.start)
            case "match" where isMatchStatement(): throw notSupported("match statements are", at: t.start)
            default: break
            }
        }
        if t.isOp("@") { throw notSupported("decorators are", at: t.start) }
        var statements = [try parseSimpleStatement()]
        while acceptOp(";") {
            if current.kind == .newline || current.kind == .eof { break }
            statements.append(try parseSimpleStatement())
        }
        guard current.kind == .newline || current.kind == .eof else {
            if case .expression(let e) = statements.last!.kind, case .name("print") = e.kind,
                [.name].contains(current.kind) || isStringToken(current)
            {
                var last = current
                while peekToken(1).kind != .newline && peekToken(1).kind != .eof {
                    index += 1
                    last = current
                }
                throw error(
                    "Missing parentheses in call to 'print'. Did you mean print(...)?",
                    at: e.location,
                    end: last.end
                )
            }
            throw invalidSyntax()
        }
        if current.kind == .newline { index += 1 }
        return statements
    }

    func isStringToken(_ t: Token) -> Bool {
        switch t.kind {
        case .string, .bytes, .fstring, .int, .float: return true
        default: return false
        }
    }

    func isMatchStatement() -> Bool {
        var i = index + 1
        let next = tokens[i]
        if next.kind == .op && !next.isOp("(") && !next.isOp("[") && !next.isOp("-") { return false }
        if next.kind == .newline { return false }
        while i < tokens.count, tokens[i].kind != .newline, tokens[i].kind != .eof { i += 1 }
        return i > 0 && tokens[i - 1].isOp(":")
    }

    /// A block after ':' — an indented suite, or simple statements on the same line.
    mutating func parseBlock(_ what: String, line: Int) throws -> [Stmt] {
        try expectOp(":")
        if current.kind != .newline {
            var statements = [try parseSimpleStatement()]
            while acceptOp(";") {
                if current.kind == .newline || current.kind == .eof { break }
                statements.append(try parseSimpleStatement())
            }
            guard current.kind == .newline || current.kind == .eof else { throw invalidSyntax() }
            if current.kind == .newline { index += 1 }
            return statements
        }
        index += 1
        guard current.kind == .indent else {
            var d = error(
                "expected an indented block after \(what) on line \(line)",
                at: current.start,
                kind: .indentationError
            )
            d.incompleteInput = current.kind == .eof
            d.incompleteBlock = true
            throw d
        }
        index += 1
        return try parseStatements(untilDedent: true)
    }

    /// `if x = 1:` gets CPython's hint instead of "expected ':'".
    mutating func checkAssignmentInCondition(_ test: Expr) throws {
        guard current.isOp("=") else { return }
        index += 1
        var last = tokens[index - 1]
        if startsExpression(current) {
            _ = try parseTest()
            last = tokens[index - 1]
        }
        throw error("invalid syntax. Maybe you meant '==' or ':=' instead of '='?", at: test.location, end: last.end)
    }

    mutating func parseIf() throws -> Stmt {
        let t = advance()
        let test = try parseNamedTest()
        try checkAssignmentInCondition(test)
        let body = try parseBlock("'\(t.text)' statement", line: t.start.line)
        var orElse: [Stmt] = []
        if current.isKeyword("elif") {
            orElse = [try parseIf()]
        } else if current.isKeyword("else") {
            let e = advance()
            orElse = try parseBlock("'else' statement", line: e.start.line)
        }
        return Stmt(.ifElse(test, body, orElse), t.start)
    }

    mutating func parseWhile() throws -> Stmt {
        let t = advance()
        let test = try parseNamedTest()
        try checkAssignmentInCondition(test)
        loopDepth += 1
        let body = try parseBlock("'while' statement", line: t.start.line)
        loopDepth -= 1
        var orElse: [Stmt] = []
        if current.isKeyword("else") {
            let e = advance()
            orElse = try parseBlock("'else' statement", line: e.start.line)
        }
        return Stmt(.whileLoop(test, body, orElse: orElse), t.start)
    }

    mutating func parseFor(isAsync: Bool, at start: SourceLocation) throws -> Stmt {
        let t = advance()
        if isAsync && functions.last == false { throw error("'async for' outside async function", at: start) }
        let target = try parseTargetList()
        try checkTarget(target, augmented: false)
        guard acceptKeyword("in") else { throw invalidSyntax() }
        let iterable = try parseExpressionList()
        loopDepth += 1
        let body = try parseBlock("'for' statement", line: t.start.line)
        loopDepth -= 1
        var orElse: [Stmt] = []
        if current.isKeyword("else") {
            let e = advance()
            orElse = try parseBlock("'else' statement", line: e.start.line)
        }
        return Stmt(.forLoop(target: target, iterable: iterable, body: body, orElse: orElse, isAsync: isAsync), start)
    }

    /// `for` targets: a comma list of bitwise-or expressions (so `in` is not swallowed).
    mutating func parseTargetList() throws -> Expr {
        let start = current.start
        var items = [try parseStarOr { try $0.parseBitOr() }]
        var sawComma = false
        while acceptOp(",") {
            sawComma = true
            if current.isKeyword("in") || current.isOp("=") { break }
            items.append(try parseStarOr { try $0.parseBitOr() })
        }
        return sawComma ? Expr(.tuple(items), start) : items[0]
    }

    mutating func parseTry() throws -> Stmt {
        let t = advance()
        let body = try parseBlock("'try' statement", line: t.start.line)
        var handlers: [ExceptHandler] = []
        while current.isKeyword("except") {
            let e = advance()
            if current.isOp("*") { throw notSupported("'except*' is", at: current.start) }
            var type: Expr?
            var name: String?
            if !current.isOp(":") {
                type = try parseTest()
                if current.isOp(",") {
                    throw error("multiple exception types must be parenthesized", at: type!.location)
                }
                if acceptKeyword("as") { name = try expectName() }
            }
            let handlerBody = try parseBlock("'except' statement", line: e.start.line)
            handlers.append(ExceptHandler(type: type, name: name, body: handlerBody, location: e.start))
        }
        var orElse: [Stmt] = []
        var finally: [Stmt] = []
        if !handlers.isEmpty && current.isKeyword("else") {
            let e = advance()
            orElse = try parseBlock("'else' statement", line: e.start.line)
        }
        if current.isKeyword("finally") {
            let f = advance()
            finally = try parseBlock("'finally' statement", line: f.start.line)
        }
        if handlers.isEmpty && finally.isEmpty {
            var d = error("expected 'except' or 'finally' block", at: current.start)
            // At the end of the input the handler may still be on its way (the REPL's `...`).
            d.incompleteInput = current.kind == .eof
            d.incompleteBlock = true
            throw d
        }
        return Stmt(.tryExcept(body: body, handlers: handlers, orElse: orElse, finally: finally), t.start)
    }

    mutating func parseWith(isAsync: Bool, at start: SourceLocation) throws -> Stmt {
        let t = advance()
        if isAsync && functions.last == false {
            throw error("'async with' outside async function", at: start)
        }
        var items: [WithItem] = []
        repeat {
            let context = try parseTest()
            var target: Expr?
            if acceptKeyword("as") {
                target = try parseStarOr { try $0.parseBitOr() }
                try checkTarget(target!, augmented: false)
            }
            items.append(WithItem(context: context, target: target))
        } while acceptOp(",")
        let body = try parseBlock("'with' statement", line: t.start.line)
        return Stmt(.with(items, body, isAsync: isAsync), start)
    }

    mutating func parseDef(isAsync: Bool, at start: SourceLocation) throws -> Stmt {
        let t = advance()
        let name = try expectName()
        try expectOp("(", "expected '('")
        let parameters = try parseParameters(closing: ")")
        try expectOp(")")
        if acceptOp("->") { _ = try parseTest() }
        functions.append(isAsync)
        let savedLoops = loopDepth
        loopDepth = 0
        defer {
            functions.removeLast()
            loopDepth = savedLoops
        }
        let body = try parseBlock("function definition", line: t.start.line)
        let decl = FunctionDecl(name: name, parameters: parameters, body: body, isAsync: isAsync, location: start)
        decl.locals = Set(parameters.map(\.name)).union(assignedNames(body))
        return Stmt(.function(decl), start)
    }

    /// Parameters of a `def` (closing ")") or a `lambda` (closing ":").
    mutating func parseParameters(closing: String) throws -> [ParameterDecl] {
        var parameters: [ParameterDecl] = []
        var keywordOnly = false
        var sawDefault = false
        while !current.isOp(closing) {
            if acceptOp("/") {
            } else if acceptOp("**") {
                parameters.append(ParameterDecl(name: try expectName(), kind: .varKeyword, defaultValue: nil))
                if closing == ")", acceptOp(":") { _ = try parseTest() }
            } else if acceptOp("*") {
                keywordOnly = true
                if current.isName {
                    parameters.append(ParameterDecl(name: advance().text, kind: .varPositional, defaultValue: nil))
                    if closing == ")", acceptOp(":") { _ = try parseTest() }
                }
            } else {
                let nameToken = current
                let name = try expectName()
                if parameters.contains(where: { $0.name == name }) {
                    throw error("duplicate argument '\(name)' in function definition", at: nameToken.start)
                }
                if closing == ")", acceptOp(":") { _ = try parseTest() }
                var defaultValue: Expr?
                if acceptOp("=") {
                    defaultValue = try parseTest()
                    sawDefault = true
                } else if sawDefault && !keywordOnly {
                    throw error("non-default argument follows default argument", at: nameToken.start)
                }
                parameters.append(
                    ParameterDecl(
                        name: name,
                        kind: keywordOnly ? .keywordOnly : .positionalOrKeyword,
                        defaultValue: defaultValue
                    )
                )
            }
            if !acceptOp(",") { break }
        }
        return parameters
    }

    mutating func parseSimpleStatement() throws -> Stmt {
        let t = current
        if t.kind == .name {
            switch t.text {
            case "pass":
                index += 1
                return Stmt(.pass, t.start)
            case "break":
                guard loopDepth > 0 else { throw error("'break' outside loop", at: t.start) }
                index += 1
                return Stmt(.breakLoop, t.start)
            case "continue":
                guard loopDepth > 0 else { throw error("'continue' not properly in loop", at: t.start) }
                index += 1
                return Stmt(.continueLoop, t.start)
            case "return":
                guard !functions.isEmpty else { throw error("'return' outside function", at: t.start) }
                index += 1
                if current.kind == .newline || current.isOp(";") || current.kind == .eof {
                    return Stmt(.returnValue(nil), t.start)
                }
                return Stmt(.returnValue(try parseExpressionList()), t.start)
            case "raise":
                index += 1
                if current.kind == .newline || current.isOp(";") || current.kind == .eof {
                    return Stmt(.raise(nil, cause: nil), t.start)
                }
                let e = try parseTest()
                var cause: Expr?
                if acceptKeyword("from") { cause = try parseTest() }
                return Stmt(.raise(e, cause: cause), t.start)
            case "del":
                index += 1
                var targets: [Expr] = []
                repeat {
                    if current.kind == .newline { break }
                    let target = try parseBitOr()
                    try checkTarget(target, augmented: false, deleting: true)
                    targets.append(target)
                } while acceptOp(",")
                return Stmt(.delete(targets), t.start)
            case "import": return try parseImport()
            case "from": return try parseFromImport()
            case "assert":
                index += 1
                let test = try parseTest()
                var message: Expr?
                if acceptOp(",") { message = try parseTest() }
                return Stmt(.assert(test, message), t.start)
            case "global", "nonlocal": throw notSupported("'\(t.text)' statements are", at: t.start)
            case "yield": throw notSupported("generators ('yield') are", at: t.start)
            default: break
            }
        }
        let first = try parseExpressionList(allowStar: true)
        if current.isOp("=") {
            var targets = [first]
            var value = first
            while acceptOp("=") {
                if current.isKeyword("yield") { throw notSupported("generators ('yield') are", at: current.start) }
                value = try parseExpressionList(allowStar: true)
                targets.append(value)
            }
            targets.removeLast()
            for target in targets { try checkTarget(target, augmented: false) }
            return Stmt(.assign(targets: targets, value: value), t.start)
        }
        if current.kind == .op, current.text.count >= 2, current.text.hasSuffix("="),
            let op = BinaryOp(rawValue: String(current.text.dropLast())),
            !["==", "<=", ">=", "!="].contains(current.text)
        {
            try checkTarget(first, augmented: true)
            index += 1
            let value = try parseExpressionList()
            return Stmt(.augAssign(first, op, value), t.start)
        }
        if current.isOp(":") {
            try checkTarget(first, augmented: false)
            index += 1
            _ = try parseTest()
            var value: Expr?
            if acceptOp("=") { value = try parseExpressionList() }
            return Stmt(.annotated(target: first, value: value), t.start)
        }
        return Stmt(.expression(first), t.start)
    }

    mutating func parseDottedName() throws -> String {
        var name = try expectName()
        while acceptOp(".") { name += "." + (try expectName()) }
        return name
    }

    mutating func parseImport() throws -> Stmt {
        let t = advance()
        var names: [(name: String, alias: String?)] = []
        repeat {
            let name = try parseDottedName()
            var alias: String?
            if acceptKeyword("as") { alias = try expectName() }
            names.append((name, alias))
        } while acceptOp(",")
        return Stmt(.importModules(names), t.start)
    }

    mutating func parseFromImport() throws -> Stmt {
        let t = advance()
        if current.isOp(".") || current.isOp("...") { throw notSupported("relative imports are", at: current.start) }
        let module = try parseDottedName()
        guard acceptKeyword("import") else { throw invalidSyntax() }
        if current.isOp("*") { throw notSupported("'from … import *' is", at: current.start) }
        let parenthesized = acceptOp("(")
        var names: [(name: String, alias: String?)] = []
        repeat {
            if parenthesized && current.isOp(")") { break }
            let name = try expectName()
            var alias: String?
            if acceptKeyword("as") { alias = try expectName() }
            names.append((name, alias))
        } while acceptOp(",")
        if parenthesized { try expectOp(")") }
        if names.isEmpty { throw invalidSyntax() }
        return Stmt(.importFrom(module: module, names: names), t.start)
    }

    /// Rejects assignment to things that cannot be assigned, with CPython 3.11's wording.
    func checkTarget(_ target: Expr, augmented: Bool, deleting: Bool = false) throws {
        let verb = deleting ? "delete" : "assign to"
        func describe(_ e: Expr) -> String? {
            switch e.kind {
            case .name, .attribute, .item: return nil
            case .tuple(let items), .list(let items):
                if augmented { return e.kindName }
                for item in items { if let bad = describe(item) { return bad } }
                return nil
            case .starred(let inner): return augmented || deleting ? "starred" : describe(inner)
            default: return e.kindName
            }
        }
        guard let bad = describe(target) else { return }
        if augmented {
            throw error("'\(bad)' is an illegal expression for augmented assignment", at: target.location)
        }
        if case .name(let n) = target.kind, ["True", "False", "None"].contains(n) {
            throw error("cannot \(verb) \(n)", at: target.location)
        }
        let suffix = deleting ? "" : " here. Maybe you meant '==' instead of '='?"
        switch target.kind {
        case .none, .bool: throw error("cannot \(verb) \(bad)", at: target.location)
        case .compare, .binary, .unary, .and, .or, .call, .int, .float, .str, .bytes, .fstring, .await:
            throw error("cannot \(verb) \(bad)\(suffix)", at: target.location)
        default:
            throw error("cannot \(verb) \(bad)", at: target.location)
        }
    }
}

extension Expr {
    /// CPython's name for the kind of expression in "cannot assign to …" messages.
    var kindName: String {
        switch kind {
        case .name: return "name"
        case .none: return "None"
        case .bool(let b): return b ? "True" : "False"
        case .int, .float, .str, .bytes, .ellipsis: return "literal"
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
        case .dictComp: return "dict comprehension"
        case .ifExp: return "conditional expression"
        case .lambda: return "lambda"
        }
    }
}
