/// Compound statements: blocks, `if`, `while`, `for`, assignment targets and `try`.
extension Parser {
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
            case "class": return [try parseClass(at: t.start)]
            case "match" where isMatchStatement(): throw notSupported("match statements are", at: t.start)
            default: break
            }
        }
        if t.isOp("@") { return [try parseDecorated()] }
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
            d.incompleteInput = atEndOfInput
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

    /// The first `break`, `continue` or `return` that would leave an `except*` block (not counting those inside
    /// loops or functions nested in it), with where its keyword ends.
    func firstJump(_ body: [Stmt]) -> (location: SourceLocation, end: SourceLocation)? {
        func visit(_ statements: [Stmt], inLoop: Bool) -> (SourceLocation, SourceLocation)? {
            for s in statements {
                func at(_ keyword: String) -> (SourceLocation, SourceLocation) {
                    (s.location, SourceLocation(line: s.location.line, column: s.location.column + keyword.count))
                }
                switch s.kind {
                case .breakLoop where !inLoop: return at("break")
                case .continueLoop where !inLoop: return at("continue")
                case .returnValue: return at("return")
                case .ifElse(_, let a, let b), .tryExcept(let a, _, let b, _):
                    if let j = visit(a, inLoop: inLoop) ?? visit(b, inLoop: inLoop) { return j }
                    if case .tryExcept(_, let handlers, _, let finally) = s.kind {
                        for h in handlers { if let j = visit(h.body, inLoop: inLoop) { return j } }
                        if let j = visit(finally, inLoop: inLoop) { return j }
                    }
                case .whileLoop(_, let a, let b), .forLoop(_, _, let a, let b, _):
                    if let j = visit(a, inLoop: true) ?? visit(b, inLoop: inLoop) { return j }
                case .with(_, let a, _):
                    if let j = visit(a, inLoop: inLoop) { return j }
                default: break
                }
            }
            return nil
        }
        return visit(body, inLoop: false)
    }

    mutating func parseTry() throws -> Stmt {
        let t = advance()
        let body = try parseBlock("'try' statement", line: t.start.line)
        var handlers: [ExceptHandler] = []
        while current.isKeyword("except") {
            let e = advance()
            let isGroup = acceptOp("*")
            if let first = handlers.first, first.isGroup != isGroup {
                throw error(
                    "cannot have both 'except' and 'except*' on the same 'try'",
                    at: e.start,
                    end: SourceLocation(line: e.start.line, column: e.start.column + (isGroup ? 7 : 6))
                )
            }
            if isGroup && current.isOp(":") {
                throw error("expected one or more exception types", at: current.start)
            }
            var type: Expr?
            var name: String?
            if !current.isOp(":") {
                type = try parseTest()
                if current.isOp(",") {
                    throw error("multiple exception types must be parenthesized", at: type!.location)
                }
                if acceptKeyword("as") { name = try expectName() }
            }
            let handlerBody = try parseBlock(isGroup ? "'except*' statement" : "'except' statement", line: e.start.line)
            if isGroup, let jump = firstJump(handlerBody) {
                throw error(
                    "'break', 'continue' and 'return' cannot appear in an except* block",
                    at: jump.location,
                    end: jump.end
                )
            }
            var handler = ExceptHandler(type: type, name: name, body: handlerBody, location: e.start)
            handler.isGroup = isGroup
            handlers.append(handler)
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
            d.incompleteInput = atEndOfInput
            d.incompleteBlock = true
            throw d
        }
        return Stmt(.tryExcept(body: body, handlers: handlers, orElse: orElse, finally: finally), t.start)
    }
}
