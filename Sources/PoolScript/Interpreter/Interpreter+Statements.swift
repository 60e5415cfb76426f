/// How a block ended.
enum Flow {
    case normal, breakLoop, continueLoop
    case returned(Value)
}

extension Interpreter {
    nonisolated(nonsending) func exec(_ statements: [Stmt], _ f: Frame) async throws -> Flow {
        for s in statements {
            let flow = try await exec(s, f)
            if case .normal = flow { continue }
            return flow
        }
        return .normal
    }

    nonisolated(nonsending) func exec(_ s: Stmt, _ f: Frame) async throws -> Flow {
        if hasAbandonedGenerators { await closeAbandonedGenerators(f.context) }
        f.line = s.location.line
        runningFrame = f
        try tick()
        switch s.kind {
        case .expression(let e):
            let value = try await eval(e, f)
            if f.echoesExpressions, value != .none {
                // sys.displayhook: `_` is cleared before printing, then set.
                builtins["_"] = Value.none
                // `__repr__` of user classes too (Counter, deque, dataclasses at the prompt).
                host.write(try await reprAsync(value, f) + "\n")
                builtins["_"] = value
            }
        case .assign(let targets, let valueExpr):
            let value = try await eval(valueExpr, f)
            for target in targets { try await assign(target, value, f) }
        case .augAssign(let target, let op, let valueExpr):
            try await augmentedAssign(target, op, valueExpr, f)
        case .annotated(let target, let valueExpr):
            if let valueExpr { try await assign(target, try await eval(valueExpr, f), f) }
            // A class body keeps `name: type` in `__annotations__`, in order, for dataclasses.
            if f.isClassBody, case .name(let name) = target.kind { try recordAnnotation(name, f) }
        case .importModules(let items):
            for item in items {
                let module = try await importModule(item.name, f)
                if let alias = item.alias {
                    bindingScope(alias, f).vars[alias] = module
                } else {
                    let top = String(item.name.split(separator: ".")[0])
                    bindingScope(top, f).vars[top] = top == item.name ? module : try await importModule(top, f)
                }
            }
        case .importFrom(let moduleName, let names):
            let module = try await importModule(moduleName, f)
            for (name, alias) in names {
                guard let value = try? getAttribute(module, name) else {
                    var e = PythonError(
                        .importError,
                        "cannot import name '\(name)' from '\(moduleName)' (unknown location)"
                    )
                    if case .object(let o) = module { e.suggestion = suggestion(for: name, among: o.attributeNames) }
                    throw e
                }
                bindingScope(alias ?? name, f).vars[alias ?? name] = value
            }
        case .ifElse(let test, let body, let orElse):
            if try await truthy(try await eval(test, f), f) { return try await exec(body, f) }
            return try await exec(orElse, f)
        case .whileLoop(let test, let body, let orElse):
            while true {
                f.line = s.location.line
                guard try await truthy(try await eval(test, f), f) else { return try await exec(orElse, f) }
                switch try await exec(body, f) {
                case .normal, .continueLoop: continue
                case .breakLoop: return .normal
                case .returned(let v): return .returned(v)
                }
            }
        case .forLoop(let target, let iterableExpr, let body, let orElse, true):
            let next = try await asyncNext(of: try await eval(iterableExpr, f), f)
            return try await runFor(target, body, orElse, f, next: next)
        case .forLoop(let target, let iterableExpr, let body, let orElse, false):
            // The loop's iterator is released when `execFor` returns, so a generator only the loop held is closed
            // right after it (`for x in gen(): break` runs its `finally` there, as CPython's reference counting does).
            let flow: Flow
            do {
                flow = try await execFor(target, iterableExpr, body, orElse, f)
            } catch {
                if hasAbandonedGenerators { await closeAbandonedGenerators(f.context) }
                throw error
            }
            if hasAbandonedGenerators { await closeAbandonedGenerators(f.context) }
            return flow
        case .breakLoop: return .breakLoop
        case .continueLoop: return .continueLoop
        case .pass: break
        case .function(let decl):
            let decorators = try await evalDecorators(decl.decorators, f)
            bindingScope(decl.name, f).vars[decl.name] = try await decorate(try await makeFunction(decl, f), decorators, f)
        case .classDef(let decl):
            let decorators = try await evalDecorators(decl.decorators, f)
            bindingScope(decl.name, f).vars[decl.name] = try await decorate(try await makeClass(decl, f), decorators, f)
        case .global, .nonlocal: break
        case .returnValue(let e):
            return .returned(try await evalOptional(e, f))
        case .tryExcept(let body, let handlers, let orElse, let finally):
            return try await execTry(body, handlers, orElse, finally, f)
        case .raise(let e, let cause):
            guard let e else {
                guard let current = f.handling else { throw PythonError.runtimeError("No active exception to reraise") }
                throw current
            }
            var value = try await eval(e, f)
            if case .object(let cls as ClassObject) = value, cls.exceptionClass != nil {
                value = try await instantiate(cls, Arguments(), f)
            }
            var error = try exceptionToRaise(value)
            if userClass(of: value) != nil, case .object(let instance as ExceptionInstance) = value {
                // A user `__str__` decides the message the traceback prints.
                if instance.userClass?.lookup("__str__") != nil { error.message = try await strAsync(value, f) }
            }
            if let cause {
                let causeValue = try await eval(cause, f)
                if case .none = causeValue {
                    error.context = []
                    error.contextIsCause = true
                    error.causeIsNone = true
                } else {
                    var cause = try exceptionToRaise(causeValue)
                    // A caught exception keeps the traceback it had where it was caught, which CPython prints
                    // above "The above exception was the direct cause of the following exception:".
                    if case .object(let instance as ExceptionInstance) = causeValue, let caught = instance.error {
                        cause.traceback = caught.traceback
                    }
                    error.context = [cause]
                    error.contextIsCause = true
                }
            }
            throw error
        case .delete(let targets):
            for target in targets { try await delete(target, f) }
        case .with(let items, let body, let isAsync):
            return try await execWith(items[...], body, isAsync: isAsync, f)
        case .assert(let test, let message):
            if !(try await truthy(try await eval(test, f), f)) {
                if let message {
                    let m = try await eval(message, f)
                    var e = PythonError(.assertionError, m.str())
                    e.arguments = [m]
                    throw e
                }
                throw PythonError(.assertionError, "")
            }
        }
        return .normal
    }

    nonisolated(nonsending) func makeFunction(_ decl: FunctionDecl, _ f: Frame) async throws -> Value {
        var defaults: [String: Value] = [:]
        for p in decl.parameters {
            if let d = p.defaultValue { defaults[p.name] = try await eval(d, f) }
        }
        let qualname = f.qualname.map { $0 + (f.isClassBody ? "." : ".<locals>.") + decl.name }
        // Functions defined in a class body do not see the class's names: their closure is the enclosing scope.
        let closure = f.isClassBody ? (f.scope.parent ?? f.scope) : f.scope
        return .object(
            FunctionObject(decl: decl, closure: closure, file: f.file, defaults: defaults, qualname: qualname))
    }

    /// The scope an assignment to `name` binds in: the frame's own, the module's for a `global` name, or the
    /// enclosing function's that owns a `nonlocal` one.
    func bindingScope(_ name: String, _ f: Frame) -> Scope {
        let scope = f.scope
        if scope.globalNames.contains(name) { return moduleScope }
        if scope.nonlocalNames.contains(name) {
            var outer = scope.parent
            while let s = outer {
                if case .function(let locals) = s.kind, locals.contains(name) { return s }
                outer = s.parent
            }
        }
        return scope
    }

    /// The `@decorator` expressions, evaluated top to bottom before the function or class is made, as in CPython.
    nonisolated(nonsending) func evalDecorators(_ decorators: [Expr], _ f: Frame) async throws -> [(Value, Int)] {
        var values: [(Value, Int)] = []
        for d in decorators {
            f.line = d.location.line
            values.append((try await eval(d, f), d.location.line))
        }
        return values
    }

    /// A `for` loop over items `next` produces (nil: exhausted): binds each, runs the body, and runs `orElse` when the
    /// items run out without a `break`.
    /// What `async for` (statement or comprehension) calls for each item: `await iterator.__anext__()` on what
    /// `__aiter__` gave, nil at StopAsyncIteration.
    nonisolated(nonsending) func asyncNext(of iterable: Value, _ f: Frame) async throws
        -> nonisolated(nonsending) () async throws -> Value?
    {
        if let cls = userClass(of: iterable) {
            guard let iterator = try await callDunder(iterable, "__aiter__", [], f) else {
                throw PythonError.typeError("'async for' requires an object with __aiter__ method, got \(cls.name)")
            }
            guard let iteratorClass = userClass(of: iterator), iteratorClass.lookup("__anext__") != nil else {
                throw PythonError.typeError(
                    "'async for' received an object from __aiter__ that does not implement __anext__: \(iterator.typeName)"
                )
            }
            return {
                do {
                    return try await self.awaitValue(try await self.callDunder(iterator, "__anext__", [], f) ?? .none, f)
                } catch let e as PythonError where e.type.isSubclass(of: .stopAsyncIteration) {
                    return nil
                }
            }
        }
        guard case .object(let o) = iterable, let source = o as? PyAsyncIterable else {
            throw PythonError.typeError("'async for' requires an object with __aiter__ method, got \(iterable.typeName)")
        }
        let iterator = try source.makeAsyncIterator()
        return { try await iterator.next(f.context) }
    }

    nonisolated(nonsending) func runFor(
        _ target: Expr, _ body: [Stmt], _ orElse: [Stmt], _ f: Frame,
        next: nonisolated(nonsending) () async throws -> Value?
    ) async throws -> Flow {
        // An error from the iterator is reported at the `for` line, as CPython's FOR_ITER is.
        let loopLine = f.line
        while true {
            try tick()
            f.line = loopLine
            guard let item = try await next() else { break }
            try await assign(target, item, f)
            switch try await exec(body, f) {
            case .normal, .continueLoop: continue
            case .breakLoop: return .normal
            case .returned(let v): return .returned(v)
            }
        }
        return try await exec(orElse, f)
    }

    /// Applies decorators to a new function or class, innermost (last written) first.
    nonisolated(nonsending) func decorate(_ value: Value, _ decorators: [(Value, Int)], _ f: Frame) async throws
        -> Value
    {
        var result = value
        for (decorator, line) in decorators.reversed() {
            f.line = line
            result = try await call(decorator, Arguments(positional: [result]), f)
        }
        return result
    }

    nonisolated(nonsending) func importModule(_ name: String, _ f: Frame) async throws -> Value {
        if let cached = moduleCache[name] { return cached }
        let module: Value
        if let hosted = try host.importModule(name) {
            module = hosted
        } else if name == "asyncio" {
            module = .object(makeAsyncioModule(clock: clock))
        } else if name == "time" {
            module = .object(makeTimeModule(clock: clock))
        } else if let stdlib = try await makeStdlibModule(name, f) {
            module = .object(stdlib)
        } else {
            throw PythonError(.moduleNotFoundError, "No module named '\(name)'")
        }
        moduleCache[name] = module
        return module
    }

    /// The error a `raise value` throws.
    /// A synchronous `for` loop: generators, blocking streams and user iterators one item at a time, other
    /// iterables from their items.
    nonisolated(nonsending) private func execFor(
        _ target: Expr, _ iterableExpr: Expr, _ body: [Stmt], _ orElse: [Stmt], _ f: Frame
    ) async throws -> Flow {
        let iterable = try await eval(iterableExpr, f)
        if case .object(let o as any PyBlockingIterable) = iterable {
            let iterator = try o.makeBlockingIterator()
            return try await runFor(target, body, orElse, f) { try await iterator.next(f.context) }
        }
        let walk = try await userIteration(iterable, f)
        if case .stream(let iterator)? = walk {
            return try await runFor(target, body, orElse, f) { try await iterator.next(f.context) }
        }
        if case .lazy(let iterator)? = walk {
            // A user iterator is asked for one item at a time, as CPython does, so the body runs between
            // items (`for f in as_completed(futures)`, `for i in itertools.count()` with a `break`).
            return try await runFor(target, body, orElse, f) {
                do {
                    return try await self.callDunder(iterator, "__next__", [], f) ?? .none
                } catch let e as PythonError where e.type.isSubclass(of: .stopIteration) {
                    return nil
                }
            }
        }
        var index = 0
        let range = iterable.object(as: RangeObject.self)
        var items: [Value] = []
        if case .items(let collected)? = walk { items = collected } else if range == nil { items = try await iterateAsync(iterable, f) }
        let count = range?.count ?? items.count
        return try await runFor(target, body, orElse, f) {
            guard index < count else { return nil }
            defer { index += 1 }
            return range.map { Value.int($0[index]) } ?? items[index]
        }
    }

    func exceptionToRaise(_ value: Value) throws -> PythonError {
        switch value {
        case .object(let o as ExceptionInstance):
            return o.asError
        case .object(is ClassObject):
            // Exception classes are instantiated before they get here (`raise MyError`).
            throw PythonError.typeError("exceptions must derive from BaseException")
        case .object(let o as ExceptionClass):
            let instance = ExceptionInstance(type: o, args: [])
            return instance.asError
        default:
            throw PythonError.typeError("exceptions must derive from BaseException")
        }
    }

    nonisolated(nonsending) func execTry(
        _ body: [Stmt],
        _ handlers: [ExceptHandler],
        _ orElse: [Stmt],
        _ finally: [Stmt],
        _ f: Frame
    )
        async throws -> Flow
    {
        if handlers.first?.isGroup == true { return try await execTryStar(body, handlers, orElse, finally, f) }
        var flow = Flow.normal
        var pending: Error?
        var bodyCompleted = false
        do {
            flow = try await exec(body, f)
            bodyCompleted = true
        } catch {
            var caught = pythonError(from: error)
            f.record(&caught)
            do {
                if let handler = try await matchingHandler(handlers, caught, f) {
                    let instance = caught.instance ?? ExceptionInstance(caught)
                    caught.instance = instance
                    // The instance sees its chain (`e.__cause__`, `e.__context__`) from the error that carried it.
                    instance.error = caught
                    if let name = handler.name { bindingScope(name, f).vars[name] = .object(instance) }
                    let saved = f.handling
                    f.handling = caught
                    defer {
                        f.handling = saved
                        if let name = handler.name { bindingScope(name, f).vars[name] = nil }
                    }
                    flow = try await exec(handler.body, f)
                } else {
                    pending = caught
                }
            } catch {
                var raised = pythonError(from: error)
                let reraised = raised.instance != nil && raised.instance === caught.instance
                if !reraised && raised.context.isEmpty && (!raised.contextIsCause || raised.causeIsNone) {
                    raised.context = [caught]
                }
                pending = raised
            }
        }
        return try await finishTry(
            flow: flow, pending: pending, bodyCompleted: bodyCompleted, orElse: orElse, finally: finally, f)
    }

    /// The end of a `try` (and `try*`) once its handlers ran: `else` when the body completed normally, `finally`
    /// (whose `return`/`break`/`continue` wins), then the pending exception, if any.
    nonisolated(nonsending) func finishTry(
        flow: Flow, pending: Error?, bodyCompleted: Bool, orElse: [Stmt], finally: [Stmt], _ f: Frame
    ) async throws -> Flow {
        var flow = flow
        var pending = pending
        if bodyCompleted, case .normal = flow, !orElse.isEmpty {
            do { flow = try await exec(orElse, f) } catch { pending = error }
        }
        if !finally.isEmpty {
            let finalFlow = try await exec(finally, f)
            if case .normal = finalFlow {} else { return finalFlow }
        }
        if let pending { throw pending }
        return flow
    }

    nonisolated(nonsending) func matchingHandler(_ handlers: [ExceptHandler], _ error: PythonError, _ f: Frame)
        async throws -> ExceptHandler?
    {
        for handler in handlers {
            guard let typeExpr = handler.type else { return handler }
            f.line = handler.location.line
            if try exceptionMatches(error, try await eval(typeExpr, f)) { return handler }
        }
        return nil
    }

    func exceptionMatches(_ error: PythonError, _ spec: Value) throws -> Bool {
        switch spec {
        case .object(let c as ExceptionClass): return error.type.isSubclass(of: c)
        case .object(let c as ClassObject) where c.exceptionClass != nil:
            return error.type.isSubclass(of: c.exceptionClass!)
        case .tuple(let items):
            for item in items where try exceptionMatches(error, item) { return true }
            return false
        default:
            throw PythonError.typeError("catching classes that do not inherit from BaseException is not allowed")
        }
    }

    nonisolated(nonsending) func execWith(_ items: ArraySlice<WithItem>, _ body: [Stmt], isAsync: Bool, _ f: Frame)
        async throws -> Flow
    {
        guard let item = items.first else { return try await exec(body, f) }
        let manager = try await eval(item.context, f)
        let rest = items.dropFirst()
        if let cls = userClass(of: manager) {
            return try await execUserWith(manager, cls, item, rest, body, isAsync: isAsync, f)
        }
        if isAsync {
            guard case .object(let o) = manager, let cm = o as? PyAsyncContextManager else {
                throw PythonError.typeError(
                    "'\(manager.typeName)' object does not support the asynchronous context manager protocol"
                )
            }
            let entered = try await awaitValue(try cm.asyncEnter(), f)
            if let target = item.target { try await assign(target, entered, f) }
            let flow: Flow
            do {
                flow = try await execWith(rest, body, isAsync: isAsync, f)
            } catch {
                let e = pythonError(from: error)
                if try await awaitValue(try cm.asyncExit(e), f).isTruthy { return .normal }
                throw e
            }
            _ = try await awaitValue(try cm.asyncExit(nil), f)
            return flow
        }
        guard case .object(let o) = manager, let cm = o as? PyContextManager else {
            throw PythonError.typeError("'\(manager.typeName)' object does not support the context manager protocol")
        }
        let entered = try await completeBlocking(try cm.enter(), f)
        if let target = item.target { try await assign(target, entered, f) }
        let flow: Flow
        do {
            flow = try await execWith(rest, body, isAsync: isAsync, f)
        } catch {
            let e = pythonError(from: error)
            if try cm.exit(e) { return .normal }
            throw e
        }
        _ = try cm.exit(nil)
        return flow
    }

    // MARK: Targets

    nonisolated(nonsending) func assign(_ target: Expr, _ value: Value, _ f: Frame) async throws {
        switch target.kind {
        case .name(let name):
            bindingScope(name, f).vars[name] = value
        case .attribute(let objectExpr, let name):
            let object = try await eval(objectExpr, f)
            try await setAttributeAsync(object, name, value, f)
        case .item(let containerExpr, let keyExpr):
            let container = try await eval(containerExpr, f)
            let key = try await eval(keyExpr, f)
            if try await callDunder(container, "__setitem__", [key, value], f) != nil { return }
            try setItem(container, key, value)
        case .tuple(let targets), .list(let targets):
            let items: [Value]
            do {
                items = try await iterateAsync(value, f)
            } catch var e as PythonError where e.type === ExceptionClass.typeError && e.message.hasSuffix("is not iterable") {
                // CPython's UNPACK_SEQUENCE words it differently from iter().
                e.message = "cannot unpack non-iterable \(value.typeName) object"
                throw e
            }
            if let star = targets.firstIndex(where: { if case .starred = $0.kind { return true } else { return false } }
            ) {
                let after = targets.count - star - 1
                guard items.count >= targets.count - 1 else {
                    throw PythonError.valueError(
                        "not enough values to unpack (expected at least \(targets.count - 1), got \(items.count))"
                    )
                }
                for i in 0..<star { try await assign(targets[i], items[i], f) }
                if case .starred(let inner) = targets[star].kind {
                    try await assign(inner, .list(PyList(Array(items[star..<(items.count - after)]))), f)
                }
                for i in 0..<after { try await assign(targets[star + 1 + i], items[items.count - after + i], f) }
                return
            }
            if items.count > targets.count {
                throw PythonError.valueError("too many values to unpack (expected \(targets.count))")
            }
            if items.count < targets.count {
                throw PythonError.valueError(
                    "not enough values to unpack (expected \(targets.count), got \(items.count))"
                )
            }
            for (t, v) in zip(targets, items) { try await assign(t, v, f) }
        case .starred:
            throw PythonError(.syntaxError, "starred assignment target must be in a list or tuple")
        default:
            throw PythonError(.syntaxError, "cannot assign to \(target.kindName)")
        }
    }

    nonisolated(nonsending) func augmentedAssign(_ target: Expr, _ op: BinaryOp, _ valueExpr: Expr, _ f: Frame)
        async throws
    {
        switch target.kind {
        case .name(let name):
            let current = try lookup(name, f)
            let value = try await eval(valueExpr, f)
            bindingScope(name, f).vars[name] = try await binaryOpAsync(op, current, value, f, inPlace: true)
        case .attribute(let objectExpr, let name):
            let object = try await eval(objectExpr, f)
            let current = try await getAttributeAsync(object, name, f)
            let value = try await eval(valueExpr, f)
            try await setAttributeAsync(object, name, try await binaryOpAsync(op, current, value, f, inPlace: true), f)
        case .item(let containerExpr, let keyExpr):
            let container = try await eval(containerExpr, f)
            let key = try await eval(keyExpr, f)
            // User containers (`counter[k] += 1` on a collections.Counter) go through __getitem__ / __setitem__.
            if userClass(of: container) != nil {
                let current = try await callDunder(container, "__getitem__", [key], f) ?? getItem(container, key)
                let value = try await eval(valueExpr, f)
                let result = try await binaryOpAsync(op, current, value, f, inPlace: true)
                if try await callDunder(container, "__setitem__", [key, result], f) == nil { try setItem(container, key, result) }
                return
            }
            let current = try getItem(container, key)
            let value = try await eval(valueExpr, f)
            try setItem(container, key, try inPlace(op, current, value))
        default:
            throw PythonError(.syntaxError, "'\(target.kindName)' is an illegal expression for augmented assignment")
        }
    }

    /// `a += b`: lists extend in place; everything else rebinds.
    func inPlace(_ op: BinaryOp, _ a: Value, _ b: Value) throws -> Value {
        if op == .add, case .list(let l) = a {
            let extra = try iterate(b)
            try checkSize(l.items.count + extra.count)
            l.items += extra
            return a
        }
        return try binaryOp(op, a, b)
    }

    nonisolated(nonsending) func delete(_ target: Expr, _ f: Frame) async throws {
        switch target.kind {
        case .name(let name):
            guard bindingScope(name, f).vars.removeValue(forKey: name) != nil else {
                throw PythonError.nameError("name '\(name)' is not defined")
            }
        case .item(let containerExpr, let keyExpr):
            let container = try await eval(containerExpr, f)
            let key = try await eval(keyExpr, f)
            switch container {
            case .list(let l):
                if case .object(let s as SliceObject) = key {
                    let drop = Set(try s.indices(length: l.items.count))
                    l.items = l.items.enumerated().filter { !drop.contains($0.offset) }.map(\.element)
                } else {
                    let i = try normalizeIndex(key, count: l.items.count, what: "list assignment")
                    l.items.remove(at: i)
                }
            case .dict(let d):
                guard try d.remove(key) != nil else { throw PythonError.keyError(key) }
            default:
                throw PythonError.typeError("'\(container.typeName)' object doesn't support item deletion")
            }
        case .attribute(let objectExpr, let name):
            let object = try await eval(objectExpr, f)
            if case .object(let instance as InstanceObject) = object {
                guard instance.deleteAttribute(name) else {
                    throw PythonError.attributeError("'\(instance.cls.name)' object has no attribute '\(name)'")
                }
                return
            }
            if case .object(let cls as ClassObject) = object, cls.namespace.removeValue(forKey: name) != nil { return }
            throw PythonError.attributeError("cannot delete attribute '\(name)'")
        case .tuple(let items), .list(let items):
            for item in items { try await delete(item, f) }
        default:
            throw PythonError(.syntaxError, "cannot delete \(target.kindName)")
        }
    }
}
