extension Parser {
    /// A comma list of expressions; more than one (or a trailing comma) makes a tuple.
    mutating func parseExpressionList(allowStar: Bool = true) throws -> Expr {
        let start = current.start
        let first = try parseStarOr { try $0.parseNamedTest() }
        guard current.isOp(",") else {
            if case .starred = first.kind {
                throw error("can't use starred expression here", at: first.location)
            }
            return first
        }
        var items = [first]
        while acceptOp(",") {
            if !startsExpression(current) { break }
            items.append(try parseStarOr { try $0.parseNamedTest() })
        }
        return Expr(.tuple(items), start)
    }

    func startsExpression(_ t: Token) -> Bool {
        switch t.kind {
        case .name:
            return !pythonKeywords.contains(t.text)
                || ["None", "True", "False", "not", "lambda", "await"].contains(t.text)
        case .int, .bigInt, .float, .string, .bytes, .fstring: return true
        case .op: return ["(", "[", "{", "-", "+", "~", "*", "..."].contains(t.text)
        case .newline, .indent, .dedent, .eof: return false
        }
    }

    mutating func parseStarOr(_ inner: (inout Parser) throws -> Expr) throws -> Expr {
        if current.isOp("*") {
            let t = advance()
            return Expr(.starred(try parseBitOr()), t.start)
        }
        return try inner(&self)
    }

    /// A test, rejecting the walrus operator.
    mutating func parseNamedTest() throws -> Expr {
        let e = try parseTest()
        if current.isOp(":=") { throw notSupported("assignment expressions (':=') are", at: current.start) }
        return e
    }

    mutating func parseTest() throws -> Expr {
        nesting += 1
        defer { nesting -= 1 }
        if nesting > Parser.maxNesting { throw error("too many nested expressions", at: current.start) }
        if current.isKeyword("lambda") { return try parseLambda() }
        if current.isKeyword("yield") { throw invalidSyntax() }
        let e = try parseOr()
        if current.isKeyword("if") {
            index += 1
            let test = try parseOr()
            guard acceptKeyword("else") else {
                throw error("expected 'else' after 'if' expression", at: current.start)
            }
            let orElse = try parseTest()
            return Expr(.ifExp(test: test, body: e, orElse: orElse), e.location)
        }
        return e
    }

    mutating func parseLambda() throws -> Expr {
        let t = advance()
        let parameters = try parseParameters(closing: ":")
        try expectOp(":")
        functions.append(false)
        let savedYield = sawYield
        sawYield = false
        defer {
            functions.removeLast()
            sawYield = savedYield
        }
        let body = try parseTest()
        let decl = FunctionDecl(
            name: "<lambda>",
            parameters: parameters,
            body: [Stmt(.returnValue(body), body.location)],
            isAsync: false,
            location: t.start
        )
        decl.locals = Set(parameters.map(\.name))
        decl.isGenerator = sawYield
        return Expr(.lambda(decl), t.start)
    }

    mutating func parseOr() throws -> Expr {
        var e = try parseAnd()
        var length = 0
        while current.isKeyword("or") {
            length += 1
            if length > 2000 { throw error("expression too long", at: current.start) }
            index += 1
            e = Expr(.or(e, try parseAnd()), e.location)
        }
        return e
    }

    mutating func parseAnd() throws -> Expr {
        var e = try parseNot()
        var length = 0
        while current.isKeyword("and") {
            length += 1
            if length > 2000 { throw error("expression too long", at: current.start) }
            index += 1
            e = Expr(.and(e, try parseNot()), e.location)
        }
        return e
    }

    mutating func parseNot() throws -> Expr {
        if current.isKeyword("not") {
            let t = advance()
            nesting += 1
            defer { nesting -= 1 }
            if nesting > Parser.maxNesting { throw error("too many nested expressions", at: t.start) }
            return Expr(.unary(.not, try parseNot()), t.start)
        }
        return try parseComparison()
    }

    mutating func parseComparison() throws -> Expr {
        let first = try parseBitOr()
        var rest: [(CompareOp, Expr)] = []
        while true {
            let op: CompareOp
            if current.kind == .op, let o = CompareOp(rawValue: current.text) {
                op = o
                index += 1
            } else if current.isKeyword("in") {
                op = .in
                index += 1
            } else if current.isKeyword("not") && peekToken(1).isKeyword("in") {
                op = .notIn
                index += 2
            } else if current.isKeyword("is") {
                index += 1
                op = acceptKeyword("not") ? .isNot : .is
            } else {
                break
            }
            rest.append((op, try parseBitOr()))
        }
        return rest.isEmpty ? first : Expr(.compare(first, rest), first.location)
    }

    mutating func parseBinary(_ ops: [String], _ next: (inout Parser) throws -> Expr) throws -> Expr {
        var e = try next(&self)
        var length = 0
        while current.kind == .op, ops.contains(current.text) {
            length += 1
            if length > 2000 { throw error("expression too long", at: current.start) }
            let op = BinaryOp(rawValue: advance().text)!
            e = Expr(.binary(op, e, try next(&self)), e.location)
        }
        return e
    }

    mutating func parseBitOr() throws -> Expr { try parseBinary(["|"]) { try $0.parseBitXor() } }
    mutating func parseBitXor() throws -> Expr { try parseBinary(["^"]) { try $0.parseBitAnd() } }
    mutating func parseBitAnd() throws -> Expr { try parseBinary(["&"]) { try $0.parseShift() } }
    mutating func parseShift() throws -> Expr { try parseBinary(["<<", ">>"]) { try $0.parseArith() } }
    mutating func parseArith() throws -> Expr { try parseBinary(["+", "-"]) { try $0.parseTerm() } }
    mutating func parseTerm() throws -> Expr { try parseBinary(["*", "/", "//", "%", "@"]) { try $0.parseFactor() } }

    mutating func parseFactor() throws -> Expr {
        if current.kind == .op, let op = ["-": UnaryOp.neg, "+": .pos, "~": .invert][current.text] {
            let t = advance()
            nesting += 1
            defer { nesting -= 1 }
            if nesting > Parser.maxNesting { throw error("too many nested expressions", at: t.start) }
            return Expr(.unary(op, try parseFactor()), t.start)
        }
        return try parsePower()
    }

    mutating func parsePower() throws -> Expr {
        var e: Expr
        if current.isKeyword("await") {
            let t = advance()
            if functions.last == false { throw error("'await' outside async function", at: t.start) }
            e = Expr(.await(try parsePrimary()), t.start)
        } else {
            e = try parsePrimary()
        }
        if acceptOp("**") {
            nesting += 1
            defer { nesting -= 1 }
            if nesting > Parser.maxNesting { throw error("too many nested expressions", at: current.start) }
            e = Expr(.binary(.pow, e, try parseFactor()), e.location)
        }
        return e
    }

    mutating func parsePrimary() throws -> Expr {
        var e = try parseAtom()
        while true {
            if current.isOp(".") {
                index += 1
                guard current.kind == .name else { throw invalidSyntax() }
                e = Expr(.attribute(e, advance().text), e.location)
            } else if current.isOp("(") {
                index += 1
                e = Expr(.call(e, try parseCallArguments()), e.location)
            } else if current.isOp("[") {
                index += 1
                e = Expr(.item(e, try parseSubscript()), e.location)
            } else {
                return e
            }
        }
    }

    mutating func parseCallArguments() throws -> [CallArgument] {
        var arguments: [CallArgument] = []
        var sawKeyword = false
        var bareGenerator: Expr?
        while !current.isOp(")") {
            var start = current
            if acceptOp("**") {
                arguments.append(.doubleStar(try parseTest()))
                sawKeyword = true
            } else if acceptOp("*") {
                arguments.append(.star(try parseTest()))
            } else if current.kind == .name, peekToken(1).isOp("="), !pythonKeywords.contains(current.text) {
                let name = advance().text
                index += 1
                start = current
                if arguments.contains(where: { if case .keyword(name, _) = $0 { return true } else { return false } }) {
                    throw error("keyword argument repeated: \(name)", at: start.start)
                }
                arguments.append(.keyword(name, try parseTest()))
                sawKeyword = true
            } else {
                let value = try parseNamedTest()
                if current.isOp("=") {
                    throw error("expression cannot contain assignment, perhaps you meant \"==\"?", at: value.location)
                }
                if startsComprehension {
                    let comp = try parseComprehensionTail(value, generator: true)
                    bareGenerator = bareGenerator ?? comp
                    arguments.append(.positional(comp))
                } else {
                    if sawKeyword {
                        throw error("positional argument follows keyword argument", at: value.location)
                    }
                    arguments.append(.positional(value))
                }
            }
            if !acceptOp(",") {
                if !current.isOp(")") && startsExpression(current) && current.kind != .op {
                    throw error("invalid syntax. Perhaps you forgot a comma?", at: start.start, end: current.end)
                }
                break
            }
        }
        // CPython 3.11's grammar allows an unparenthesized generator only as the sole argument.
        if let bareGenerator, arguments.count > 1 {
            throw error("Generator expression must be parenthesized", at: bareGenerator.location)
        }
        try expectOp(")")
        return arguments
    }

    mutating func parseSubscript() throws -> Expr {
        let start = current.start
        var items: [Expr] = []
        var sawComma = false
        repeat {
            if current.isOp("]") { break }
            items.append(try parseSliceItem())
            if current.isOp(",") { sawComma = true }
        } while acceptOp(",")
        try expectOp("]")
        guard !items.isEmpty else { throw invalidSyntax(tokens[index - 1]) }
        return sawComma ? Expr(.tuple(items), start) : items[0]
    }

    mutating func parseSliceItem() throws -> Expr {
        let start = current.start
        var lower: Expr?
        if !current.isOp(":") { lower = try parseNamedTest() }
        guard acceptOp(":") else { return lower! }
        var upper: Expr?
        var step: Expr?
        if !current.isOp(":") && !current.isOp("]") && !current.isOp(",") { upper = try parseTest() }
        if acceptOp(":") {
            if !current.isOp("]") && !current.isOp(",") { step = try parseTest() }
        }
        return Expr(.slice(lower, upper, step), start)
    }

    /// `yield`, `yield value(s)` or `yield from iterable`, at `current` (the `yield` keyword). Marks the enclosing
    /// function a generator. CPython's compiler errors: "'yield' outside function", "'yield from' inside async
    /// function".
    mutating func parseYield() throws -> Expr {
        let t = advance()
        let e: Expr
        if acceptKeyword("from") {
            e = Expr(.yieldFrom(try parseTest()), t.start)
        } else if current.kind == .newline || current.kind == .eof || current.isOp(")") || current.isOp(";")
            || current.isOp("=") || current.isOp("]") || current.isOp("}")
        {
            e = Expr(.yield(nil), t.start)
        } else {
            e = Expr(.yield(try parseExpressionList(allowStar: true)), t.start)
        }
        let end = tokens[index - 1].end
        guard !functions.isEmpty else { throw error("'yield' outside function", at: t.start, end: end) }
        if case .yieldFrom = e.kind, functions.last == true {
            throw error("'yield from' inside async function", at: t.start, end: end)
        }
        sawYield = true
        return e
    }

    /// `for` or `async for` after an element: a comprehension follows.
    var startsComprehension: Bool {
        current.isKeyword("for") || (current.isKeyword("async") && peekToken(1).isKeyword("for"))
    }

    mutating func parseComprehensionTail(_ element: Expr, generator: Bool = false) throws -> Expr {
        var clauses: [Comprehension] = []
        while startsComprehension {
            let isAsync = current.isKeyword("async")
            if isAsync {
                if generator { throw notSupported("asynchronous generator expressions are", at: current.start) }
                index += 1
            }
            index += 1
            let target = try parseTargetList()
            try checkTarget(target, augmented: false)
            guard acceptKeyword("in") else { throw invalidSyntax() }
            let iterable = try parseOr()
            var conditions: [Expr] = []
            while current.isKeyword("if") {
                index += 1
                conditions.append(try parseOr())
            }
            clauses.append(Comprehension(target: target, iterable: iterable, conditions: conditions, isAsync: isAsync))
        }
        if generator { return Expr(.genExp(element, clauses), element.location) }
        return Expr(.listComp(element, clauses), element.location)
    }
}
