/// Names a function body assigns (its locals in Python's scoping rule), not descending into nested defs.
func assignedNames(_ body: [Stmt]) -> Set<String> {
    var names: Set<String> = []
    func target(_ e: Expr) {
        switch e.kind {
        case .name(let n): names.insert(n)
        case .tuple(let items), .list(let items): items.forEach(target)
        case .starred(let inner): target(inner)
        default: break
        }
    }
    func visit(_ statements: [Stmt]) {
        for s in statements {
            switch s.kind {
            case .assign(let targets, _): targets.forEach(target)
            case .augAssign(let t, _, _): target(t)
            case .annotated(let t, let value): if value != nil { target(t) }
            case .importModules(let items):
                for item in items { names.insert(item.alias ?? String(item.name.split(separator: ".")[0])) }
            case .importFrom(_, let items):
                for item in items { names.insert(item.alias ?? item.name) }
            case .ifElse(_, let a, let b):
                visit(a)
                visit(b)
            case .whileLoop(_, let a, let b):
                visit(a)
                visit(b)
            case .forLoop(let t, _, let a, let b, _):
                target(t)
                visit(a)
                visit(b)
            case .function(let decl): names.insert(decl.name)
            case .classDef(let decl): names.insert(decl.name)
            case .tryExcept(let body, let handlers, let orElse, let finally):
                visit(body)
                visit(orElse)
                visit(finally)
                for h in handlers {
                    if let n = h.name { names.insert(n) }
                    visit(h.body)
                }
            case .delete(let targets): targets.forEach(target)
            case .with(let items, let body, _):
                for item in items { if let t = item.target { target(t) } }
                visit(body)
            case .expression, .breakLoop, .continueLoop, .pass, .returnValue, .raise, .assert, .global, .nonlocal: break
            }
        }
    }
    visit(body)
    return names
}

/// Where a body's first `return value` is, not descending into nested defs: an async generator may not have one
/// (CPython's compiler: "'return' with value in async generator").
func returnWithValue(in body: [Stmt]) -> SourceLocation? {
    for s in body {
        let found: SourceLocation?
        switch s.kind {
        case .returnValue(.some): found = s.location
        case .ifElse(_, let a, let b), .whileLoop(_, let a, let b), .forLoop(_, _, let a, let b, _):
            found = returnWithValue(in: a) ?? returnWithValue(in: b)
        case .with(_, let a, _): found = returnWithValue(in: a)
        case .tryExcept(let a, let handlers, let b, let c):
            found = returnWithValue(in: a) ?? handlers.lazy.compactMap { returnWithValue(in: $0.body) }.first
                ?? returnWithValue(in: b) ?? returnWithValue(in: c)
        default: found = nil
        }
        if let found { return found }
    }
    return nil
}
