/// `class` statements and `@decorator` lines.
extension Parser {
    /// `@d1` / `@d2(args)` lines, then the `def`, `async def` or `class` they decorate.
    mutating func parseDecorated() throws -> Stmt {
        var decorators: [Expr] = []
        while current.isOp("@") {
            index += 1
            decorators.append(try parseNamedTest())
            guard current.kind == .newline else { throw invalidSyntax() }
            index += 1
        }
        let t = current
        let statement: Stmt
        if t.isKeyword("def") {
            statement = try parseDef(isAsync: false, at: t.start)
        } else if t.isKeyword("async") && peekToken(1).isKeyword("def") {
            index += 1
            statement = try parseDef(isAsync: true, at: t.start)
        } else if t.isKeyword("class") {
            statement = try parseClass(at: t.start)
        } else {
            throw invalidSyntax()
        }
        switch statement.kind {
        case .function(let decl): decl.decorators = decorators
        case .classDef(let decl): decl.decorators = decorators
        default: break
        }
        return statement
    }

    /// `class Name:` or `class Name(Base, …):` and its body.
    mutating func parseClass(at start: SourceLocation) throws -> Stmt {
        let t = advance()
        let name = try expectName()
        var bases: [Expr] = []
        if acceptOp("(") {
            while !current.isOp(")") {
                if current.isName && peekToken(1).isOp("=") {
                    throw notSupported("class keyword arguments (metaclass=…) are", at: current.start)
                }
                bases.append(try parseStarOr { try $0.parseTest() })
                if !acceptOp(",") { break }
            }
            try expectOp(")")
        }
        let savedFunctions = functions
        let savedLoops = loopDepth
        functions = []
        loopDepth = 0
        classDepth += 1
        defer {
            functions = savedFunctions
            loopDepth = savedLoops
            classDepth -= 1
        }
        let body = try parseBlock("class definition", line: t.start.line)
        return Stmt(.classDef(ClassDecl(name: name, bases: bases, body: body, location: start)), start)
    }
}
