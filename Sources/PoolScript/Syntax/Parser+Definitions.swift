/// `with`, `def` and parameters, simple statements (assignment, `return`, `raise`, `del`, …), imports and the
/// checks on assignment targets.
extension Parser {
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
        defDepth += 1
        let savedLoops = loopDepth
        let savedYield = sawYield
        loopDepth = 0
        sawYield = false
        defer {
            functions.removeLast()
            defDepth -= 1
            loopDepth = savedLoops
            sawYield = savedYield
        }
        let body = try parseBlock("function definition", line: t.start.line)
        let decl = FunctionDecl(name: name, parameters: parameters, body: body, isAsync: isAsync, location: start)
        decl.isGenerator = sawYield
        if isAsync && sawYield, let location = returnWithValue(in: body) {
            throw error("'return' with value in async generator", at: location)
        }
        decl.locals = Set(parameters.map(\.name)).union(assignedNames(body))
        try resolveDeclarations(decl)
        // Once the outermost function is complete, every enclosing scope is known: check `nonlocal` bindings.
        if defDepth == 1 { try checkNonlocals(decl, enclosing: []) }
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
            case "global", "nonlocal":
                index += 1
                var names: [String] = []
                repeat { names.append(try expectName()) } while acceptOp(",")
                if t.text == "global" { return Stmt(.global(names), t.start) }
                if functions.isEmpty && classDepth == 0 {
                    throw error(
                        "nonlocal declaration not allowed at module level",
                        at: t.start,
                        end: statementEnd("nonlocal", names, t.start)
                    )
                }
                return Stmt(.nonlocal(names), t.start)
            case "yield":
                let e = try parseYield()
                return Stmt(.expression(e), t.start)
            default: break
            }
        }
        let first = try parseExpressionList(allowStar: true)
        if current.isOp("=") {
            var targets = [first]
            var value = first
            while acceptOp("=") {
                value = current.isKeyword("yield") ? try parseYield() : try parseExpressionList(allowStar: true)
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
