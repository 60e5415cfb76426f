/// `global` and `nonlocal`: the checks CPython's symbol table makes, with its messages.
extension Parser {
    /// Records a function's `global`/`nonlocal` names and checks each declaration against what the body did
    /// before it, in source order: "name 'x' is used prior to global declaration" and its siblings.
    func resolveDeclarations(_ decl: FunctionDecl) throws {
        var used: Set<String> = []
        var assigned: Set<String> = []
        let parameters = Set(decl.parameters.map(\.name))

        func declare(_ names: [String], global: Bool, at location: SourceLocation) throws {
            let what = global ? "global" : "nonlocal"
            // CPython underlines the whole statement.
            let end = statementEnd(what, names, location)
            func error(_ message: String, at location: SourceLocation) -> SyntaxError {
                self.error(message, at: location, end: end)
            }
            for name in names {
                if parameters.contains(name) { throw error("name '\(name)' is parameter and \(what)", at: location) }
                if global ? decl.nonlocals[name] != nil : decl.globals[name] != nil {
                    throw error("name '\(name)' is nonlocal and global", at: location)
                }
                if used.contains(name) {
                    throw error("name '\(name)' is used prior to \(what) declaration", at: location)
                }
                if assigned.contains(name) {
                    throw error("name '\(name)' is assigned to before \(what) declaration", at: location)
                }
                if global { decl.globals[name] = location } else { decl.nonlocals[name] = location }
            }
        }
        func use(_ e: Expr?) { if let e { forEachName(in: e) { used.insert($0) } } }
        func target(_ e: Expr) {
            switch e.kind {
            case .name(let n): assigned.insert(n)
            case .tuple(let items), .list(let items): items.forEach(target)
            case .starred(let inner): target(inner)
            default: use(e)
            }
        }
        func visit(_ statements: [Stmt]) throws {
            for s in statements {
                switch s.kind {
                case .expression(let e): use(e)
                case .assign(let targets, let value):
                    use(value)
                    targets.forEach(target)
                case .augAssign(let t, _, let v):
                    use(v)
                    target(t)
                case .annotated(let t, let value):
                    use(value)
                    target(t)
                case .importModules(let items):
                    for item in items { assigned.insert(item.alias ?? String(item.name.split(separator: ".")[0])) }
                case .importFrom(_, let items):
                    for item in items { assigned.insert(item.alias ?? item.name) }
                case .ifElse(let test, let a, let b):
                    use(test)
                    try visit(a)
                    try visit(b)
                case .whileLoop(let test, let a, let b):
                    use(test)
                    try visit(a)
                    try visit(b)
                case .forLoop(let t, let iterable, let a, let b, _):
                    use(iterable)
                    target(t)
                    try visit(a)
                    try visit(b)
                case .function(let inner):
                    for p in inner.parameters { use(p.defaultValue) }
                    inner.decorators.forEach(use)
                    assigned.insert(inner.name)
                case .classDef(let c):
                    c.bases.forEach(use)
                    c.decorators.forEach(use)
                    assigned.insert(c.name)
                case .tryExcept(let body, let handlers, let orElse, let finally):
                    try visit(body)
                    for h in handlers {
                        use(h.type)
                        if let n = h.name { assigned.insert(n) }
                        try visit(h.body)
                    }
                    try visit(orElse)
                    try visit(finally)
                case .delete(let targets): targets.forEach(target)
                case .with(let items, let body, _):
                    for item in items {
                        use(item.context)
                        if let t = item.target { target(t) }
                    }
                    try visit(body)
                case .returnValue(let e): use(e)
                case .raise(let e, let cause):
                    use(e)
                    use(cause)
                case .assert(let test, let message):
                    use(test)
                    use(message)
                case .global(let names): try declare(names, global: true, at: s.location)
                case .nonlocal(let names): try declare(names, global: false, at: s.location)
                case .breakLoop, .continueLoop, .pass: break
                }
            }
        }
        try visit(decl.body)
        decl.locals.subtract(decl.globals.keys)
        decl.locals.subtract(decl.nonlocals.keys)
    }

    /// Checks that every `nonlocal` name of `decl` and the functions nested in it is bound in an enclosing
    /// function: "no binding for nonlocal 'x' found". `enclosing` holds the enclosing functions' bindings.
    func checkNonlocals(_ decl: FunctionDecl, enclosing: [Set<String>]) throws {
        for (name, location) in decl.nonlocals.sorted(by: { $0.value.line < $1.value.line })
        where !enclosing.contains(where: { $0.contains(name) }) {
            let names = decl.nonlocals.filter { $0.value == location }.keys.sorted()
            throw error(
                "no binding for nonlocal '\(name)' found",
                at: location,
                end: statementEnd("nonlocal", names, location)
            )
        }
        let chain = enclosing + [decl.locals.union(decl.nonlocals.keys)]
        for nested in nestedFunctions(decl.body) { try checkNonlocals(nested, enclosing: chain) }
    }
}

/// Where a `global a, b` statement written with single spaces ends.
func statementEnd(_ keyword: String, _ names: [String], _ start: SourceLocation) -> SourceLocation {
    SourceLocation(line: start.line, column: start.column + keyword.count + 1 + names.joined(separator: ", ").count)
}

/// Functions defined directly in `body` (inside compound statements and class bodies, not inside other functions).
func nestedFunctions(_ body: [Stmt]) -> [FunctionDecl] {
    var found: [FunctionDecl] = []
    func visit(_ statements: [Stmt]) {
        for s in statements {
            switch s.kind {
            case .function(let decl): found.append(decl)
            case .classDef(let c): visit(c.body)
            case .ifElse(_, let a, let b), .whileLoop(_, let a, orElse: let b): visit(a); visit(b)
            case .forLoop(_, _, let a, let b, _): visit(a); visit(b)
            case .tryExcept(let body, let handlers, let orElse, let finally):
                visit(body)
                handlers.forEach { visit($0.body) }
                visit(orElse)
                visit(finally)
            case .with(_, let body, _): visit(body)
            default: break
            }
        }
    }
    visit(body)
    return found
}

/// Calls `body` with every name an expression reads (not descending into lambda bodies).
func forEachName(in e: Expr, _ body: (String) -> Void) {
    func visit(_ e: Expr) {
        switch e.kind {
        case .name(let n): body(n)
        case .none, .bool, .int, .bigInt, .float, .str, .bytes, .ellipsis: break
        case .fstring(let parts):
            for case .expression(let inner, _, let spec, _) in parts {
                visit(inner)
                visit(Expr(.fstring(spec), e.location))
            }
        case .attribute(let o, _): visit(o)
        case .call(let callee, let arguments):
            visit(callee)
            for a in arguments {
                switch a {
                case .positional(let x), .keyword(_, let x), .star(let x), .doubleStar(let x): visit(x)
                }
            }
        case .item(let a, let b), .binary(_, let a, let b), .and(let a, let b), .or(let a, let b):
            visit(a)
            visit(b)
        case .slice(let a, let b, let c): [a, b, c].compactMap { $0 }.forEach(visit)
        case .unary(_, let a), .starred(let a), .await(let a), .yieldFrom(let a): visit(a)
        case .yield(let a): if let a { visit(a) }
        case .compare(let first, let rest):
            visit(first)
            rest.forEach { visit($0.1) }
        case .list(let items), .tuple(let items), .set(let items): items.forEach(visit)
        case .dict(let entries):
            for (k, v) in entries {
                if let k { visit(k) }
                visit(v)
            }
        case .listComp(let element, let clauses), .setComp(let element, let clauses),
            .genExp(let element, let clauses):
            visit(element)
            clauses.forEach { visit($0.iterable); $0.conditions.forEach(visit) }
        case .dictComp(let k, let v, let clauses):
            visit(k)
            visit(v)
            clauses.forEach { visit($0.iterable); $0.conditions.forEach(visit) }
        case .ifExp(let a, let b, let c):
            visit(a)
            visit(b)
            visit(c)
        case .lambda(let decl): decl.parameters.forEach { if let d = $0.defaultValue { visit(d) } }
        }
    }
    visit(e)
}
