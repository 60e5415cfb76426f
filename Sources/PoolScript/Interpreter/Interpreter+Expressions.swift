import BigInt

extension Interpreter {
    nonisolated(nonsending) func eval(_ e: Expr, _ f: Frame) async throws -> Value {
        switch e.kind {
        case .name(let name): return try lookup(name, f)
        case .none: return .none
        case .bool(let b): return .bool(b)
        case .int(let i): return .int(i)
        case .bigInt(let b): return .object(BigIntObject(b))
        case .float(let d): return .float(d)
        case .str(let s): return .str(s)
        case .bytes(let b): return .bytes(b)
        case .ellipsis: return .object(EllipsisObject.shared)
        case .fstring(let parts): return .str(try await render(parts, f))
        case .attribute(let objectExpr, let name):
            return try await getAttributeAsync(try await eval(objectExpr, f), name, f)
        case .call(let calleeExpr, let argumentExprs):
            let callee = try await eval(calleeExpr, f)
            let arguments = try await evalArguments(argumentExprs, f)
            return try await call(callee, arguments, f)
        case .item(let containerExpr, let keyExpr):
            let container = try await eval(containerExpr, f)
            let key = try await eval(keyExpr, f)
            if let result = try await callDunder(container, "__getitem__", [key], f) { return result }
            return try getItem(container, key)
        case .slice(let lower, let upper, let step):
            return .object(
                SliceObject(
                    lower: try await evalOptional(lower, f),
                    upper: try await evalOptional(upper, f),
                    step: try await evalOptional(step, f)
                )
            )
        case .binary(let op, let a, let b):
            let left = try await eval(a, f)
            var right = try await eval(b, f)
            if op == .mod, case .str = left { right = try await preformatted(right, f) }
            return try await binaryOpAsync(op, left, right, f)
        case .unary(let op, let operand):
            let value = try await eval(operand, f)
            if op == .not { return .bool(!(try await truthy(value, f))) }
            return try unaryOp(op, value)
        case .and(let a, let b):
            let left = try await eval(a, f)
            return try await truthy(left, f) ? try await eval(b, f) : left
        case .or(let a, let b):
            let left = try await eval(a, f)
            return try await truthy(left, f) ? left : try await eval(b, f)
        case .compare(let first, let rest):
            var left = try await eval(first, f)
            for (op, rightExpr) in rest {
                let right = try await eval(rightExpr, f)
                let holds: Bool
                switch op {
                case .in: holds = try await containsAsync(right, left, f)
                case .notIn: holds = !(try await containsAsync(right, left, f))
                default: holds = try await compareAsync(op, left, right, f)
                }
                guard holds else { return .bool(false) }
                left = right
            }
            return .bool(true)
        case .list(let items):
            let values = try await evalItems(items, f)
            try checkSize(values.count)
            return .list(PyList(values))
        case .tuple(let items):
            return .tuple(try await evalItems(items, f))
        case .dict(let entries):
            let d = PyDict()
            for (keyExpr, valueExpr) in entries {
                if let keyExpr {
                    let key = try await eval(keyExpr, f)
                    try d.set(key, try await eval(valueExpr, f))
                } else {
                    let other = try await eval(valueExpr, f)
                    guard case .dict(let o) = other else {
                        throw PythonError.typeError("'\(other.typeName)' object is not a mapping")
                    }
                    for (k, v) in o.pairs { try d.set(k, v) }
                }
            }
            try checkSize(d.count)
            return .dict(d)
        case .starred:
            throw PythonError(.syntaxError, "can't use starred expression here")
        case .await(let inner):
            return try await awaitValue(try await eval(inner, f), f)
        case .genExp(let element, let clauses):
            return try await makeGeneratorExpression(element, clauses, f)
        case .yield(let e):
            guard let core = f.generator else { throw PythonError(.syntaxError, "'yield' outside function") }
            return try await core.suspend(yielding: try await evalOptional(e, f))
        case .yieldFrom(let e):
            guard let core = f.generator else { throw PythonError(.syntaxError, "'yield' outside function") }
            return try await yieldFrom(try await eval(e, f), core, f)
        case .listComp(let element, let clauses):
            let scope = Scope(kind: .comprehension, parent: f.scope)
            let inner = Frame(scope: scope, context: f.context, file: f.file, function: f.function)
            inner.line = f.line
            var results: [Value] = []
            try await comprehend(element, clauses[...], inner, &results)
            return .list(PyList(results))
        case .set(let items):
            let values = try await evalItems(items, f)
            try checkSize(values.count)
            // CPython compiles a display of three or more constants to a frozenset constant merged into a new set.
            if items.count > 2 && items.allSatisfy(\.isConstant) { return .object(try PySetObject.fromConstants(values)) }
            return .object(try PySetObject(values))
        case .setComp(let element, let clauses):
            let scope = Scope(kind: .comprehension, parent: f.scope)
            let inner = Frame(scope: scope, context: f.context, file: f.file, function: f.function)
            inner.line = f.line
            var results: [Value] = []
            try await comprehend(element, clauses[...], inner, &results)
            return .object(try PySetObject(results))
        case .dictComp(let keyExpr, let valueExpr, let clauses):
            let scope = Scope(kind: .comprehension, parent: f.scope)
            let inner = Frame(scope: scope, context: f.context, file: f.file, function: f.function)
            inner.line = f.line
            var results: [Value] = []
            try await comprehend(Expr(.tuple([keyExpr, valueExpr]), keyExpr.location), clauses[...], inner, &results)
            let d = PyDict()
            for case .tuple(let pair) in results { try d.set(pair[0], pair[1]) }
            return .dict(d)
        case .ifExp(let test, let body, let orElse):
            return try await truthy(try await eval(test, f), f) ? try await eval(body, f) : try await eval(orElse, f)
        case .lambda(let decl):
            return try await makeFunction(decl, f)
        }
    }

    nonisolated(nonsending) func evalOptional(_ e: Expr?, _ f: Frame) async throws -> Value {
        guard let e else { return .none }
        return try await eval(e, f)
    }

    nonisolated(nonsending) private func comprehend(
        _ element: Expr,
        _ clauses: ArraySlice<Comprehension>,
        _ f: Frame,
        _ results: inout [Value]
    )
        async throws
    {
        var collected: [Value] = []
        try await comprehend(element, clauses, nil, f) { value in
            collected.append(value)
            try self.checkSize(collected.count)
        }
        results = collected
    }

    /// Runs a comprehension's clauses, handing each element to `emit`: list, set and dict displays collect them,
    /// a generator expression yields them. `first` is the first clause's iterator when it was made already.
    nonisolated(nonsending) func comprehend(
        _ element: Expr,
        _ clauses: ArraySlice<Comprehension>,
        _ first: ValueIterator?,
        _ f: Frame,
        _ emit: nonisolated(nonsending) (Value) async throws -> Void
    ) async throws {
        guard let clause = clauses.first else {
            try await emit(try await eval(element, f))
            return
        }
        let next: nonisolated(nonsending) () async throws -> Value?
        if clause.isAsync {
            next = try await asyncNext(of: try await eval(clause.iterable, f), f)
        } else {
            let iterator: ValueIterator
            if let first { iterator = first } else { iterator = try await makeIterator(try await eval(clause.iterable, f), f) }
            next = { try await iterator.next(self, f) }
        }
        while let item = try await next() {
            try tick()
            try await assign(clause.target, item, f)
            var keep = true
            for condition in clause.conditions where !(try await truthy(try await eval(condition, f), f)) {
                keep = false
                break
            }
            if keep { try await comprehend(element, clauses.dropFirst(), nil, f, emit) }
        }
    }

    nonisolated(nonsending) func evalItems(_ items: [Expr], _ f: Frame) async throws -> [Value] {
        var values: [Value] = []
        for item in items {
            if case .starred(let inner) = item.kind {
                values += try await iterateAsync(try await eval(inner, f), f)
            } else {
                values.append(try await eval(item, f))
            }
        }
        return values
    }

    nonisolated(nonsending) func evalArguments(_ exprs: [CallArgument], _ f: Frame) async throws -> Arguments {
        var arguments = Arguments()
        for a in exprs {
            switch a {
            case .positional(let e): arguments.positional.append(try await eval(e, f))
            case .star(let e):
                let v = try await eval(e, f)
                do { arguments.positional += try await iterateAsync(v, f) } catch {
                    throw PythonError.typeError("Value after * must be an iterable, not \(v.typeName)")
                }
            case .keyword(let name, let e): arguments.keywords.append((name, try await eval(e, f)))
            case .doubleStar(let e):
                let v = try await eval(e, f)
                guard case .dict(let d) = v else {
                    throw PythonError.typeError("argument after ** must be a mapping, not \(v.typeName)")
                }
                for (k, value) in d.pairs {
                    guard case .str(let name) = k else { throw PythonError.typeError("keywords must be strings") }
                    if arguments.keywords.contains(where: { $0.name == name }) {
                        throw PythonError.typeError("got multiple values for keyword argument '\(name)'")
                    }
                    arguments.keywords.append((name, value))
                }
            }
        }
        return arguments
    }

    // MARK: Names

    func lookup(_ name: String, _ f: Frame) throws -> Value {
        var scope: Scope? = f.scope
        var first = true
        while let s = scope {
            switch s.kind {
            case .module:
                // A library module written in Python (Stdlib) has a module scope of its own.
                if s !== moduleScope, let v = s.vars[name] { return v }
                scope = nil
                continue
            case .comprehension, .classBody:
                if let v = s.vars[name] { return v }
            case .function(let locals):
                if s.globalNames.contains(name) {
                    scope = nil
                    continue
                }
                if let v = s.vars[name] { return v }
                if locals.contains(name) {
                    if first {
                        throw PythonError(
                            .unboundLocalError,
                            "cannot access local variable '\(name)' where it is not associated with a value"
                        )
                    }
                    throw PythonError.nameError(
                        "cannot access free variable '\(name)' where it is not associated with a value in enclosing scope"
                    )
                }
                first = false
            }
            scope = s.parent
        }
        if let v = moduleScope.vars[name] ?? builtins[name] { return v }
        var candidates = Array(moduleScope.vars.keys) + Array(builtins.keys)
        var s: Scope? = f.scope
        while let sc = s {
            candidates += sc.vars.keys
            s = sc.parent
        }
        var e = PythonError.nameError("name '\(name)' is not defined")
        e.suggestion = suggestion(for: name, among: candidates)
        throw e
    }

    // MARK: Calls

    /// Calls `callee`. A coroutine the call returns (an `async def`'s, or a host's) is adopted by this interpreter,
    /// which warns when it is dropped without having been awaited (``Coroutine``).
    nonisolated(nonsending) func call(_ callee: Value, _ arguments: Arguments, _ f: Frame) async throws -> Value {
        let result = try await callWithoutAdopting(callee, arguments, f)
        if case .object(let coroutine as Coroutine) = result, coroutine.owner == nil {
            coroutine.owner = self
            adoptCoroutine(coroutine)
        }
        return result
    }

    private nonisolated(nonsending) func callWithoutAdopting(_ callee: Value, _ arguments: Arguments, _ f: Frame)
        async throws -> Value
    {
        try tick()
        guard case .object(let o) = callee else {
            throw PythonError.typeError("'\(callee.typeName)' object is not callable")
        }
        var arguments = arguments
        if let name = (o as? NativeFunction)?.name ?? (o as? InterpBuiltin)?.name ?? (o as? TypeObject)?.name,
            Interpreter.eagerConsumers.contains(name),
            arguments.positional.contains(where: { $0.object(as: GeneratorObject.self) != nil })
        {
            arguments.positional = try await materializeGenerators(arguments.positional, f)
        }
        switch o {
        case let fn as FunctionObject:
            return try await callFunction(fn, arguments, f)
        case let builtin as InterpBuiltin:
            return try await builtin.body(self, arguments, f)
        case let type as TypeObject:
            guard let constructor = type.constructor else { return try type.call(arguments) }
            return try await constructor(self, arguments, f)
        case let cls as ClassObject:
            return try await instantiate(cls, arguments, f)
        case let method as BoundMethod:
            var bound = arguments
            bound.positional.insert(method.receiver, at: 0)
            return try await call(method.function, bound, f)
        case let s as StaticMethodObject:
            return try await call(s.function, arguments, f)
        case is InstanceObject:
            guard let result = try await callDunderWith(callee, "__call__", arguments, f) else {
                return try await completeBlocking(try o.call(arguments), f)
            }
            return result
        default:
            return try await completeBlocking(try o.call(arguments), f)
        }
    }

    nonisolated(nonsending) func callFunction(_ fn: FunctionObject, _ arguments: Arguments, _ f: Frame) async throws
        -> Value
    {
        let decl = fn.decl
        let bound = try arguments.bind(fn.qualname, fn.signature)
        let scope = Scope(kind: .function(locals: decl.locals), parent: fn.closure)
        if !decl.globals.isEmpty { scope.globalNames = Set(decl.globals.keys) }
        if !decl.nonlocals.isEmpty { scope.nonlocalNames = Set(decl.nonlocals.keys) }
        for p in decl.parameters {
            switch p.kind {
            case .positionalOrKeyword, .keywordOnly: scope.vars[p.name] = bound[p.name]
            case .varPositional: scope.vars[p.name] = .tuple(bound.extraPositional)
            case .varKeyword:
                scope.vars[p.name] = .dict(PyDict(bound.extraKeywords.map { (Value.str($0.name), $0.value) }))
            }
        }
        if decl.isGenerator { return makeGenerator(fn, scope) }
        if decl.isAsync {
            return .object(
                Coroutine(name: fn.qualname) { context in
                    try await self.runBody(fn, scope, context)
                }
            )
        }
        return try await runBody(fn, scope, f.context)
    }

    nonisolated(nonsending) private func runBody(_ fn: FunctionObject, _ scope: Scope, _ context: TaskContext)
        async throws -> Value
    {
        context.depth += 1
        defer { context.depth -= 1 }
        if context.depth > limits.maxRecursionDepth {
            throw PythonError(.recursionError, "maximum recursion depth exceeded")
        }
        let frame = Frame(scope: scope, context: context, file: fn.file, function: fn.decl.name)
        frame.qualname = fn.qualname
        frame.functionObject = fn
        frame.line = fn.decl.location.line
        // A generator only this call's locals held is closed as the call returns (its `finally` runs before the
        // caller goes on), as CPython's reference counting closes it.
        do {
            let flow = try await exec(fn.decl.body, frame)
            if !scope.hasInnerScopes { scope.vars.removeAll() }
            if hasAbandonedGenerators { await closeAbandonedGenerators(context) }
            if case .returned(let v) = flow { return v }
            return .none
        } catch {
            var e = pythonError(from: error)
            frame.record(&e)
            if !scope.hasInnerScopes { scope.vars.removeAll() }
            if hasAbandonedGenerators { await closeAbandonedGenerators(context) }
            throw e
        }
    }

    nonisolated(nonsending) func awaitValue(_ value: Value, _ f: Frame) async throws -> Value {
        guard case .object(let o) = value, let awaitable = o as? PyAwaitable else {
            throw PythonError.typeError("object \(value.typeName) can't be used in 'await' expression")
        }
        return try await awaitable.awaitValue(f.context)
    }

    // MARK: Attributes and items

    func getAttribute(_ value: Value, _ name: String) throws -> Value {
        if case .object(let o) = value {
            if let v = try o.getAttribute(name) { return v }
            if name == "__class__" { return typeObject(of: value) }
            if let type = o as? TypeObject, let method = unboundMethod(type, name) { return method }
            if let type = o as? TypeObject, type.name == "object", name == "__setattr__" {
                // `object.__setattr__(self, name, value)`: the plain store a custom `__setattr__` delegates to.
                return .object(NativeFunction(name: "__setattr__") { a in
                    guard a.positional.count == 3, a.keywords.isEmpty else {
                        throw PythonError.typeError("expected 3 arguments, got \(a.positional.count)")
                    }
                    guard case .str(let attribute) = a.positional[1] else {
                        throw PythonError.typeError("attribute name must be string, not '\(a.positional[1].typeName)'")
                    }
                    guard case .object(let target) = a.positional[0] else {
                        throw PythonError.typeError("can't apply this __setattr__ to \(a.positional[0].typeName) object")
                    }
                    try target.setAttribute(attribute, a.positional[2])
                    return .none
                })
            }
            var e: PythonError
            if let m = o as? ModuleObject {
                e = PythonError.attributeError("module '\(m.name)' has no attribute '\(name)'")
            } else if let c = o as? ClassObject {
                e = PythonError.attributeError("type object '\(c.name)' has no attribute '\(name)'")
            } else if o is PyClass, case .str(let className)? = try? o.getAttribute("__name__") {
                // A host class (`AsyncOpenAI._client`): CPython's `type_getattro` message.
                e = PythonError.attributeError("type object '\(className)' has no attribute '\(name)'")
            } else {
                e = PythonError.attributeError("'\(o.pyTypeName)' object has no attribute '\(name)'")
            }
            e.suggestion = suggestion(for: name, among: o.attributeNames)
            throw e
        }
        // Numbers' data attributes (CPython `int.real`, `float.imag`): values, not methods.
        switch (value, name) {
        case (.int, "real"), (.float, "real"): return value
        case (.bool(let b), "real"): return .int(b ? 1 : 0)
        case (.int, "imag"), (.bool, "imag"): return .int(0)
        case (.float, "imag"): return .float(0)
        default: break
        }
        if let method = builtinMethod(value, name) { return .object(method) }
        if name == "__class__" { return typeObject(of: value) }
        var e = PythonError.attributeError("'\(value.typeName)' object has no attribute '\(name)'")
        e.suggestion = suggestion(for: name, among: builtinMethodNames(value))
        throw e
    }

    func normalizeIndex(_ key: Value, count: Int, what: String) throws -> Int {
        let i: Int
        switch key {
        case .int(let n): i = n
        case .bool(let b): i = b ? 1 : 0
        case .object(is BigIntObject):
            throw PythonError.indexError("cannot fit 'int' into an index-sized integer")
        default:
            let kind = what.hasPrefix("list") ? "list" : what
            throw PythonError.typeError("\(kind) indices must be integers or slices, not \(key.typeName)")
        }
        let j = i < 0 ? i + count : i
        guard j >= 0 && j < count else { throw PythonError.indexError("\(what) index out of range") }
        return j
    }

    func getItem(_ container: Value, _ key: Value) throws -> Value {
        let slice = key.object(as: SliceObject.self)
        switch container {
        case .list(let l):
            if let slice { return .list(PyList(try slice.indices(length: l.items.count).map { l.items[$0] })) }
            return l.items[try normalizeIndex(key, count: l.items.count, what: "list")]
        case .tuple(let t):
            if let slice { return .tuple(try slice.indices(length: t.count).map { t[$0] }) }
            return t[try normalizeIndex(key, count: t.count, what: "tuple")]
        case .str(let s):
            let scalars = Array(s.unicodeScalars)
            if let slice {
                var out = String.UnicodeScalarView()
                for i in try slice.indices(length: scalars.count) { out.append(scalars[i]) }
                return .str(String(out))
            }
            if case .int = key {
            } else if case .bool = key {
            } else {
                throw PythonError.typeError("string indices must be integers, not '\(key.typeName)'")
            }
            return .str(String(scalars[try normalizeIndex(key, count: scalars.count, what: "string")]))
        case .bytes(let b):
            if let slice { return .bytes(try slice.indices(length: b.count).map { b[$0] }) }
            return .int(Int(b[try normalizeIndex(key, count: b.count, what: "index")]))
        case .dict(let d):
            guard let v = try d.get(key) else { throw PythonError.keyError(key) }
            return v
        case .object(let o):
            return try o.getItem(key)
        case .none, .bool, .int, .float:
            throw PythonError.typeError("'\(container.typeName)' object is not subscriptable")
        }
    }

    func setItem(_ container: Value, _ key: Value, _ value: Value) throws {
        switch container {
        case .list(let l):
            if let slice = key.object(as: SliceObject.self) {
                let replacement = try iterate(value)
                let indices = try slice.indices(length: l.items.count)
                if case .none = slice.step {
                    let n = l.items.count
                    func clamp(_ v: Value, _ fallback: Int) -> Int {
                        guard case .int(let i) = v else { return fallback }
                        return i < 0 ? max(0, i + n) : min(i, n)
                    }
                    let lower = clamp(slice.lower, 0)
                    let upper = max(lower, clamp(slice.upper, n))
                    try checkSize(n - (upper - lower) + replacement.count)
                    l.items.replaceSubrange(lower..<upper, with: replacement)
                } else {
                    guard replacement.count == indices.count else {
                        throw PythonError.valueError(
                            "attempt to assign sequence of size \(replacement.count) to extended slice of size \(indices.count)"
                        )
                    }
                    for (i, v) in zip(indices, replacement) { l.items[i] = v }
                }
                return
            }
            l.items[try normalizeIndex(key, count: l.items.count, what: "list assignment")] = value
        case .dict(let d):
            try d.set(key, value)
            try checkSize(d.count)
        default:
            throw PythonError.typeError("'\(container.typeName)' object does not support item assignment")
        }
    }

    /// The items a `for` loop visits.
    func iterate(_ value: Value) throws -> [Value] {
        switch value {
        case .list(let l): return l.items
        case .tuple(let t): return t
        case .str(let s): return s.unicodeScalars.map { .str(String($0)) }
        case .bytes(let b): return b.map { .int(Int($0)) }
        case .dict(let d): return d.pairs.map(\.key)
        case .object(let r as RangeObject):
            try checkSize(r.count)
            return try r.iterate()
        case .object(let o): return try o.iterate()
        case .none, .bool, .int, .float:
            throw PythonError.typeError("'\(value.typeName)' object is not iterable")
        }
    }

    func typeObject(of value: Value) -> Value {
        if let cls = userClass(of: value) { return .object(cls) }
        if case .object(let o) = value, let e = o as? ExceptionInstance { return .object(e.type) }
        if case .object(let o) = value, let cls = host.pythonClass(of: o) { return cls }
        if case .object(let o) = value, let q = o as? PyModuleQualified {
            return .object(TypeObject(q.pyModuleName + "." + o.pyTypeName, shortName: o.pyTypeName))
        }
        if let builtin = builtins[value.typeName], case .object(let t as TypeObject) = builtin { return .object(t) }
        return .object(TypeObject(value.typeName))
    }

    // MARK: f-strings

    nonisolated(nonsending) func render(_ parts: [FStringPart], _ f: Frame) async throws -> String {
        var out = ""
        for part in parts {
            switch part {
            case .literal(let s): out += s
            case .expression(let e, let conversion, let specParts, let debugText):
                let value = try await eval(e, f)
                if let debugText { out += debugText }
                let spec = try await render(specParts, f)
                switch conversion {
                case "r": out += try format(.str(try await reprAsync(value, f)), spec: spec)
                case "s": out += try format(.str(try await strAsync(value, f)), spec: spec)
                case "a": out += try format(.str(asciiRepr(try await reprAsync(value, f))), spec: spec)
                default:
                    if debugText != nil && spec.isEmpty {
                        out += try await reprAsync(value, f)
                    } else if let cls = userClass(of: value) {
                        if let r = try await callDunder(value, "__format__", [.str(spec)], f) {
                            guard case .str(let s) = r else {
                                throw PythonError.typeError("__format__ must return a str, not \(r.typeName)")
                            }
                            out += s
                        } else if spec.isEmpty {
                            out += try await strAsync(value, f)
                        } else {
                            throw PythonError.typeError("unsupported format string passed to \(cls.name).__format__")
                        }
                    } else if containsInstancesForFormat(value), spec.isEmpty {
                        out += try await strAsync(value, f)
                    } else {
                        out += try format(value, spec: spec)
                    }
                }
            }
        }
        return out
    }
}

extension Expr {
    /// A literal CPython's compiler folds into a constant (so `{1, 2, 3}` becomes a frozenset constant).
    var isConstant: Bool {
        switch kind {
        case .none, .bool, .int, .bigInt, .float, .str, .bytes, .ellipsis: return true
        case .unary(.neg, let e), .unary(.pos, let e), .unary(.invert, let e): return e.isConstant
        case .tuple(let items): return items.allSatisfy(\.isConstant)
        case .binary(let op, let a, let b):
            // The AST optimizer folds arithmetic on constants unless an int result would pass 128 bits.
            guard a.isConstant && b.isConstant else { return false }
            switch (op, a.kind, b.kind) {
            case (.pow, .int(let base), .int(let exponent)):
                let bits = Int.bitWidth - base.magnitude.leadingZeroBitCount
                return exponent >= 0 && bits * exponent <= 128
            case (.lshift, .int(let base), .int(let shift)):
                return shift >= 0 && Int.bitWidth - base.magnitude.leadingZeroBitCount + shift <= 128
            case (.pow, _, _), (.lshift, _, _): return false
            default: return true
            }
        default: return false
        }
    }
}

/// `...`
final class EllipsisObject: PyObject, Sendable {
    static let shared = EllipsisObject()
    var pyTypeName: String { "ellipsis" }
    func pyRepr() -> String { "Ellipsis" }
}

func asciiRepr(_ s: String) -> String {
    var out = ""
    for u in s.unicodeScalars {
        if u.value < 128 {
            out.unicodeScalars.append(u)
        } else if u.value <= 0xff {
            out += "\\x" + hex(u.value, width: 2)
        } else if u.value <= 0xffff {
            out += "\\u" + hex(u.value, width: 4)
        } else {
            out += "\\U" + hex(u.value, width: 8)
        }
    }
    return out
}
