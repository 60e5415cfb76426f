/// `class` statements and what user classes do at run time: instantiation, bound methods, properties,
/// `super()`, dunder methods (`__repr__`, `__str__`, `__eq__`, `__call__`, context managers).
extension Interpreter {
    /// Runs a class body and builds the class.
    nonisolated(nonsending) func makeClass(_ decl: ClassDecl, _ f: Frame) async throws -> Value {
        var bases: [Value] = []
        for e in decl.bases {
            if case .starred(let inner) = e.kind {
                bases += try iterate(try await eval(inner, f))
            } else {
                bases.append(try await eval(e, f))
            }
        }
        for base in bases {
            switch base {
            case .object(is ClassObject), .object(is ExceptionClass): continue
            case .object(let t as TypeObject) where t.name == "object": continue
            case .object(let t as TypeObject):
                throw PythonError.notImplementedError(
                    "subclassing the built-in type '\(t.shortName)' is not supported in PoolPlay's Python subset"
                )
            case .object(let o) where o is PyClass:
                throw PythonError.notImplementedError(
                    "subclassing '\(o.pyRepr())' is not supported in PoolPlay's Python subset"
                )
            default:
                throw PythonError.typeError("bases must be types")
            }
        }
        for (i, base) in bases.enumerated() where bases[..<i].contains(where: { identical($0, base) }) {
            if case .object(let c as ClassObject) = base {
                throw PythonError.typeError("duplicate base class \(c.name)")
            }
        }
        let qualname: String
        if let outer = f.qualname {
            qualname = f.isClassBody ? outer + "." + decl.name : outer + ".<locals>." + decl.name
        } else {
            qualname = decl.name
        }
        let scope = Scope(kind: .classBody, parent: f.scope)
        scope.vars["__module__"] = .str("__main__")
        scope.vars["__qualname__"] = .str(qualname)
        let frame = Frame(scope: scope, context: f.context, file: f.file, function: decl.name)
        frame.qualname = qualname
        frame.isClassBody = true
        frame.line = decl.location.line
        do {
            _ = try await exec(decl.body, frame)
        } catch {
            var e = pythonError(from: error)
            frame.record(&e)
            throw e
        }
        let userBases = bases.filter { if case .object(let t as TypeObject) = $0 { return t.name != "object" } else { return true } }
        let cls = try ClassObject(name: decl.name, qualname: qualname, bases: userBases)
        if let first = decl.body.first, case .expression(let e) = first.kind, case .str(let doc) = e.kind {
            cls.define("__doc__", .str(doc))
        }
        for (name, value) in scope.vars where name != "__qualname__" {
            cls.define(name, value)
            attachClass(cls, to: value)
        }
        if let ec = cls.exceptionClass { userExceptionClasses[ObjectIdentifier(ec)] = cls }
        return .object(cls)
    }

    /// Records the defining class on functions in a class namespace, for zero-argument `super()`.
    private func attachClass(_ cls: ClassObject, to value: Value) {
        switch value {
        case .object(let fn as FunctionObject): fn.definingClass = cls
        case .object(let m as ClassMethodObject): attachClass(cls, to: m.function)
        case .object(let s as StaticMethodObject): attachClass(cls, to: s.function)
        case .object(let p as PropertyObject):
            attachClass(cls, to: p.getter)
            attachClass(cls, to: p.setter)
        default: break
        }
    }

    /// The user class of an instance value (`InstanceObject` or a user exception), if it has one.
    func userClass(of value: Value) -> ClassObject? {
        switch value {
        case .object(let i as InstanceObject): return i.cls
        case .object(let e as ExceptionInstance): return e.userClass ?? userExceptionClasses[ObjectIdentifier(e.type)]
        default: return nil
        }
    }

    /// `Cls(args)`: a new instance, initialised by `__init__` when the class has one.
    nonisolated(nonsending) func instantiate(_ cls: ClassObject, _ arguments: Arguments, _ f: Frame) async throws
        -> Value
    {
        let instance: Value
        let initializer = cls.lookup("__init__")
        if let ec = cls.exceptionClass {
            if initializer == nil, let first = arguments.keywords.first {
                throw PythonError.typeError("\(cls.name)() takes no keyword arguments: '\(first.name)'")
            }
            let e = ExceptionInstance(type: ec, args: arguments.positional)
            e.userClass = cls
            instance = .object(e)
        } else {
            instance = .object(InstanceObject(cls: cls))
        }
        if let (function, _) = initializer {
            let result = try await call(bindClassAttribute(function, to: instance, cls: cls), arguments, f)
            guard case .none = result else {
                throw PythonError.typeError("__init__() should return None, not '\(result.typeName)'")
            }
        } else if cls.exceptionClass == nil && !(arguments.positional.isEmpty && arguments.keywords.isEmpty) {
            throw PythonError.typeError("\(cls.name)() takes no arguments")
        }
        return instance
    }

    /// `super()`: the class that defines the running method and the method's first argument.
    func makeSuper(_ arguments: Arguments, _ f: Frame) throws -> Value {
        if arguments.positional.count == 2 {
            guard case .object(let cls as ClassObject) = arguments.positional[0] else {
                throw PythonError.typeError("super() argument 1 must be a type, not \(arguments.positional[0].typeName)")
            }
            let receiver = arguments.positional[1]
            guard let receiverClass = receiver.object(as: ClassObject.self) ?? userClass(of: receiver) else {
                throw PythonError.typeError("super(type, obj): obj must be an instance or subtype of type")
            }
            return .object(SuperObject(cls: cls, receiver: receiver, receiverClass: receiverClass))
        }
        guard arguments.positional.isEmpty else {
            throw PythonError.typeError("super() takes at most 2 arguments (\(arguments.positional.count) given)")
        }
        guard let fn = f.functionObject, let cls = fn.definingClass else {
            throw PythonError.runtimeError("super(): no arguments")
        }
        guard let first = fn.decl.parameters.first, let receiver = f.scope.vars[first.name] else {
            throw PythonError.runtimeError("super(): no arguments")
        }
        guard let receiverClass = receiver.object(as: ClassObject.self) ?? userClass(of: receiver) else {
            throw PythonError.typeError("super(type, obj): obj must be an instance or subtype of type")
        }
        return .object(SuperObject(cls: cls, receiver: receiver, receiverClass: receiverClass))
    }

    /// `super().name` when no user class after the current one defines it: the builtin base's method.
    func superFallback(_ s: SuperObject, _ name: String) -> Value? {
        let receiver = s.receiver
        switch name {
        case "__init__":
            return .object(
                NativeFunction(name: "__init__") { a in
                    if case .object(let e as ExceptionInstance) = receiver {
                        if let first = a.keywords.first {
                            throw PythonError.typeError("\(e.type.name)() takes no keyword arguments: '\(first.name)'")
                        }
                        e.args = a.positional
                    } else if !a.positional.isEmpty || !a.keywords.isEmpty {
                        throw PythonError.typeError(
                            "object.__init__() takes exactly one argument (the instance to initialize)"
                        )
                    }
                    return .none
                }
            )
        case "__str__":
            return .object(NativeFunction(name: "__str__") { _ in
                if case .object(let e as ExceptionInstance) = receiver { return .str(e.message) }
                return .str(receiver.repr())
            })
        case "__repr__":
            return .object(NativeFunction(name: "__repr__") { _ in
                if case .object(let e as ExceptionInstance) = receiver { return .str(e.pyRepr()) }
                return .str(receiver.repr())
            })
        case "__eq__":
            return .object(NativeFunction(name: "__eq__") { a in
                guard a.positional.count == 1 else { throw PythonError.typeError("expected 1 argument, got \(a.positional.count)") }
                if case .object(let x) = receiver, case .object(let y) = a.positional[0], x === y { return .bool(true) }
                return .object(NotImplementedObject.shared)
            })
        case "__setattr__":
            return .object(NativeFunction(name: "__setattr__") { a in
                guard a.positional.count == 2, case .str(let attribute) = a.positional[0] else {
                    throw PythonError.typeError("expected 2 arguments, got \(a.positional.count)")
                }
                guard case .object(let target) = receiver else { return .none }
                try target.setAttribute(attribute, a.positional[1])
                return .none
            })
        case "__hash__":
            return .object(NativeFunction(name: "__hash__") { _ in
                if case .object(let o) = receiver { return .int(ObjectIdentifier(o).hashValue >> 4) }
                return .int(0)
            })
        default: return nil
        }
    }

    // MARK: Attributes

    /// Attribute lookup that can run Python code: properties, `super()` and `__getattr__`.
    nonisolated(nonsending) func getAttributeAsync(_ value: Value, _ name: String, _ f: Frame) async throws -> Value {
        guard case .object(let o) = value else { return try getAttribute(value, name) }
        if let s = o as? SuperObject {
            if let v = s.findInUserClasses(name) {
                if case .object(let p as PropertyObject) = v { return try await callPropertyGetter(p, s.receiver, name, f) }
                return v
            }
            if let v = superFallback(s, name) { return v }
            throw PythonError.attributeError("'super' object has no attribute '\(name)'")
        }
        guard let cls = userClass(of: value) else { return try getAttribute(value, name) }
        if let (attr, _) = cls.lookup(name), case .object(let p as PropertyObject) = attr {
            return try await callPropertyGetter(p, value, name, f)
        }
        do {
            return try getAttribute(value, name)
        } catch let e as PythonError where e.type.isSubclass(of: .attributeError) {
            guard let (hook, _) = cls.lookup("__getattr__") else { throw e }
            return try await call(bindClassAttribute(hook, to: value, cls: cls), Arguments(positional: [.str(name)]), f)
        }
    }

    private nonisolated(nonsending) func callPropertyGetter(
        _ p: PropertyObject, _ receiver: Value, _ name: String, _ f: Frame
    ) async throws -> Value {
        if case .none = p.getter {
            throw PythonError.attributeError("property '\(name)' of '\(receiver.typeName)' object has no getter")
        }
        return try await call(p.getter, Arguments(positional: [receiver]), f)
    }

    /// `obj.name = value`, calling a property's setter.
    nonisolated(nonsending) func setAttributeAsync(_ object: Value, _ name: String, _ value: Value, _ f: Frame)
        async throws
    {
        if let cls = userClass(of: object), let (attr, _) = cls.lookup(name),
            case .object(let p as PropertyObject) = attr
        {
            if case .none = p.setter {
                throw PythonError.attributeError("property '\(name)' of '\(cls.name)' object has no setter")
            }
            _ = try await call(p.setter, Arguments(positional: [object, value]), f)
            return
        }
        if let cls = userClass(of: object), let (hook, _) = cls.lookup("__setattr__") {
            _ = try await call(bindClassAttribute(hook, to: object, cls: cls), Arguments(positional: [.str(name), value]), f)
            return
        }
        guard case .object(let o) = object else {
            throw PythonError.attributeError("'\(object.typeName)' object has no attribute '\(name)'")
        }
        try o.setAttribute(name, value)
    }

    // MARK: Dunder methods

    /// Like `callDunder`, with full call arguments (`__call__`).
    nonisolated(nonsending) func callDunderWith(_ value: Value, _ name: String, _ arguments: Arguments, _ f: Frame)
        async throws -> Value?
    {
        guard let cls = userClass(of: value), let (method, _) = cls.lookup(name) else { return nil }
        return try await call(bindClassAttribute(method, to: value, cls: cls), arguments, f)
    }

    func containsInstancesForFormat(_ value: Value) -> Bool { containsInstances(value) }

    /// Calls `name` on a user instance if its class defines it; nil when it does not.
    nonisolated(nonsending) func callDunder(_ value: Value, _ name: String, _ arguments: [Value], _ f: Frame)
        async throws -> Value?
    {
        guard let cls = userClass(of: value), let (method, _) = cls.lookup(name) else { return nil }
        return try await call(bindClassAttribute(method, to: value, cls: cls), Arguments(positional: arguments), f)
    }

    /// `repr(value)`, calling `__repr__` of user instances, also inside lists, tuples, dicts and sets.
    nonisolated(nonsending) func reprAsync(_ value: Value, _ f: Frame) async throws -> String {
        switch value {
        case .object(let m as BoundMethod) where userClass(of: m.receiver) != nil:
            let name = m.function.object(as: FunctionObject.self)?.qualname ?? "?"
            return "<bound method \(name) of \(try await reprAsync(m.receiver, f))>"
        case .object(let o):
            if let r = try await callDunder(value, "__repr__", [], f) {
                guard case .str(let s) = r else {
                    throw PythonError.typeError("__repr__ returned non-string (type \(r.typeName))")
                }
                return s
            }
            if let set = o as? PySetObject, containsInstances(value) {
                if set.count == 0 { return set.pyRepr() }
                var parts: [String] = []
                for item in set.items { parts.append(try await reprAsync(item, f)) }
                let body = "{" + parts.joined(separator: ", ") + "}"
                return set.frozen ? "frozenset(\(body))" : body
            }
            return try value.checkedRepr()
        case .list(let l) where containsInstances(value):
            var parts: [String] = []
            for item in l.items { parts.append(try await reprAsync(item, f)) }
            return "[" + parts.joined(separator: ", ") + "]"
        case .tuple(let t) where containsInstances(value):
            var parts: [String] = []
            for item in t { parts.append(try await reprAsync(item, f)) }
            return t.count == 1 ? "(" + parts[0] + ",)" : "(" + parts.joined(separator: ", ") + ")"
        case .dict(let d) where containsInstances(value):
            var parts: [String] = []
            for (k, v) in d.pairs { parts.append(try await reprAsync(k, f) + ": " + (try await reprAsync(v, f))) }
            return "{" + parts.joined(separator: ", ") + "}"
        default:
            return try value.checkedRepr()
        }
    }

    /// `str(value)`, calling `__str__` (or `__repr__`) of user instances.
    nonisolated(nonsending) func strAsync(_ value: Value, _ f: Frame) async throws -> String {
        if case .object(is BoundMethod) = value { return try await reprAsync(value, f) }
        guard case .object = value, userClass(of: value) != nil else {
            if containsInstances(value) { return try await reprAsync(value, f) }
            return try value.checkedStr()
        }
        if let r = try await callDunder(value, "__str__", [], f) {
            guard case .str(let s) = r else {
                throw PythonError.typeError("__str__ returned non-string (type \(r.typeName))")
            }
            return s
        }
        if case .object(let e as ExceptionInstance) = value { return e.message }
        return try await reprAsync(value, f)
    }

    /// True when a container holds user instances somewhere (one level of nesting is checked per call).
    private func containsInstances(_ value: Value) -> Bool {
        func isUser(_ v: Value) -> Bool {
            switch v {
            case .object(let o): return o is InstanceObject || userClass(of: v) != nil || (o as? PySetObject).map { s in s.storage.pairs.contains { isUser($0.key) } } ?? false
            case .list(let l): return l.items.contains(where: isUser)
            case .tuple(let t): return t.contains(where: isUser)
            case .dict(let d): return d.pairs.contains { isUser($0.key) || isUser($0.value) }
            default: return false
            }
        }
        return isUser(value)
    }

    /// `a op b` for comparisons, calling `__eq__`, `__lt__` and their reflections on user instances.
    nonisolated(nonsending) func compareAsync(_ op: CompareOp, _ a: Value, _ b: Value, _ f: Frame) async throws
        -> Bool
    {
        guard userClass(of: a) != nil || userClass(of: b) != nil else { return try compare(op, a, b) }
        let names: (String, String)
        switch op {
        case .eq: names = ("__eq__", "__eq__")
        case .ne: names = ("__ne__", "__ne__")
        case .lt: names = ("__lt__", "__gt__")
        case .le: names = ("__le__", "__ge__")
        case .gt: names = ("__gt__", "__lt__")
        case .ge: names = ("__ge__", "__le__")
        default: return try compare(op, a, b)
        }
        func implemented(_ v: Value?) -> Value? {
            guard let v else { return nil }
            if case .object(is NotImplementedObject) = v { return nil }
            return v
        }
        if let r = implemented(try await callDunder(a, names.0, [b], f)) { return r.isTruthy }
        if let r = implemented(try await callDunder(b, names.1, [a], f)) { return r.isTruthy }
        if op == .ne {
            if let r = implemented(try await callDunder(a, "__eq__", [b], f)) { return !r.isTruthy }
            if let r = implemented(try await callDunder(b, "__eq__", [a], f)) { return !r.isTruthy }
        }
        switch op {
        case .eq: return identical(a, b)
        case .ne: return !identical(a, b)
        default:
            throw PythonError.typeError(
                "'\(op.rawValue)' not supported between instances of '\(a.typeName)' and '\(b.typeName)'"
            )
        }
    }

    static let binaryDunders: [BinaryOp: String] = [
        .add: "add", .sub: "sub", .mul: "mul", .div: "truediv", .floorDiv: "floordiv", .mod: "mod", .pow: "pow",
        .matMul: "matmul", .bitAnd: "and", .bitOr: "or", .bitXor: "xor", .lshift: "lshift", .rshift: "rshift",
    ]

    /// `a op b` when either side is a user instance: `__op__`, then the right side's `__rop__`.
    nonisolated(nonsending) func binaryOpAsync(_ op: BinaryOp, _ a: Value, _ b: Value, _ f: Frame, inPlace: Bool = false)
        async throws -> Value
    {
        guard userClass(of: a) != nil || userClass(of: b) != nil, let name = Interpreter.binaryDunders[op] else {
            return inPlace ? try self.inPlace(op, a, b) : try binaryOp(op, a, b)
        }
        func implemented(_ v: Value?) -> Value? {
            guard let v else { return nil }
            if case .object(is NotImplementedObject) = v { return nil }
            return v
        }
        if inPlace, let r = implemented(try await callDunder(a, "__i\(name)__", [b], f)) { return r }
        if let r = implemented(try await callDunder(a, "__\(name)__", [b], f)) { return r }
        if let r = implemented(try await callDunder(b, "__r\(name)__", [a], f)) { return r }
        let symbol = op == .pow ? "** or pow()" : op.rawValue
        throw PythonError.typeError(
            "unsupported operand type(s) for \(symbol)\(inPlace ? "=" : ""): '\(a.typeName)' and '\(b.typeName)'"
        )
    }

    /// Truthiness that calls `__bool__`, then `__len__`, of user instances.
    nonisolated(nonsending) func truthy(_ value: Value, _ f: Frame) async throws -> Bool {
        guard userClass(of: value) != nil else { return value.isTruthy }
        if let r = try await callDunder(value, "__bool__", [], f) {
            guard case .bool(let b) = r else {
                throw PythonError.typeError("__bool__ should return bool, returned \(r.typeName)")
            }
            return b
        }
        if let n = try await userLength(value, f) { return n != 0 }
        return true
    }

    /// `len(x)` through `__len__`; nil when the class has none.
    nonisolated(nonsending) func userLength(_ value: Value, _ f: Frame) async throws -> Int? {
        guard let r = try await callDunder(value, "__len__", [], f) else { return nil }
        switch r {
        case .int(let n):
            if n < 0 { throw PythonError.valueError("__len__() should return >= 0") }
            return n
        case .bool(let b): return b ? 1 : 0
        case .object(is BigIntObject): throw PythonError(.overflowError, "cannot fit 'int' into an index-sized integer")
        default: throw PythonError.typeError("'\(r.typeName)' object cannot be interpreted as an integer")
        }
    }

    /// `x in container` for lists and tuples holding user instances: `__eq__` decides, as in CPython.
    nonisolated(nonsending) func containsAsync(_ container: Value, _ item: Value, _ f: Frame) async throws -> Bool {
        let items: [Value]
        switch container {
        case .list(let l): items = l.items
        case .tuple(let t): items = t
        default:
            if userClass(of: container) != nil, let r = try await callDunder(container, "__contains__", [item], f) {
                return try await truthy(r, f)
            }
            // No `__contains__`: walk the iterator until an equal item (`PySequence_Contains`), which consumes
            // a generator only that far.
            if userClass(of: container)?.lookup("__iter__") != nil || isLazyIterable(container) {
                let iterator = try await makeIterator(container, f)
                while let x = try await iterator.next(self, f) {
                    if identical(x, item) { return true }
                    if try await compareAsync(.eq, x, item, f) { return true }
                }
                return false
            }
            return try contains(container, item)
        }
        guard userClass(of: item) != nil || items.contains(where: { userClass(of: $0) != nil }) else {
            return try contains(container, item)
        }
        for x in items {
            if identical(x, item) { return true }
            if try await compareAsync(.eq, x, item, f) { return true }
        }
        return false
    }

    /// A value whose `str`/`repr` were computed by running `__str__`/`__repr__`, for the synchronous formatters
    /// (`%`, `str.format`).
    nonisolated(nonsending) func preformatted(_ value: Value, _ f: Frame) async throws -> Value {
        switch value {
        case .tuple(let items):
            var out: [Value] = []
            for item in items { out.append(try await preformatted(item, f)) }
            return .tuple(out)
        case .dict(let d) where containsInstances(value):
            let copy = PyDict()
            for (k, v) in d.pairs { try copy.set(k, try await preformatted(v, f)) }
            return .dict(copy)
        default:
            guard userClass(of: value) != nil || containsInstances(value) else { return value }
            return .object(
                PreformattedObject(
                    original: value, str: try await strAsync(value, f), repr: try await reprAsync(value, f)
                )
            )
        }
    }

    /// The items of a value for iteration: `__iter__` (and `__next__` until StopIteration) or `__getitem__` with
    /// 0, 1, 2… of user instances; everything else as `iterate` gives it.
    nonisolated(nonsending) func iterateAsync(_ value: Value, _ f: Frame) async throws -> [Value] {
        if case .object(let o as any PyBlockingIterable) = value {
            let iterator = try o.makeBlockingIterator()
            var items: [Value] = []
            while let item = try await iterator.next(f.context) {
                try tick()
                items.append(item)
                try checkSize(items.count)
            }
            return items
        }
        guard let cls = userClass(of: value) else { return try iterate(value) }
        var items: [Value] = []
        if let iterator = try await callDunder(value, "__iter__", [], f) {
            guard let iteratorClass = userClass(of: iterator) else { return try await iterateAsync(iterator, f) }
            guard iteratorClass.lookup("__next__") != nil else {
                throw PythonError.typeError("iter() returned non-iterator of type '\(iteratorClass.name)'")
            }
            while true {
                try tick()
                do {
                    items.append(try await callDunder(iterator, "__next__", [], f) ?? .none)
                } catch let e as PythonError where e.type.isSubclass(of: .stopIteration) {
                    return items
                }
                try checkSize(items.count)
            }
        }
        if cls.lookup("__getitem__") != nil {
            while true {
                try tick()
                do {
                    items.append(try await callDunder(value, "__getitem__", [.int(items.count)], f) ?? .none)
                } catch let e as PythonError
                    where e.type.isSubclass(of: .indexError) || e.type.isSubclass(of: .stopIteration)
                {
                    return items
                }
                try checkSize(items.count)
            }
        }
        throw PythonError.typeError("'\(cls.name)' object is not iterable")
    }

    // MARK: Context managers

    /// `with` on a user instance: `__enter__` / `__exit__` (or `__aenter__` / `__aexit__` for `async with`).
    nonisolated(nonsending) func execUserWith(
        _ manager: Value, _ cls: ClassObject, _ item: WithItem, _ rest: ArraySlice<WithItem>, _ body: [Stmt],
        isAsync: Bool, _ f: Frame
    ) async throws -> Flow {
        let (enterName, exitName) = isAsync ? ("__aenter__", "__aexit__") : ("__enter__", "__exit__")
        guard cls.lookup(enterName) != nil, cls.lookup(exitName) != nil else {
            if isAsync {
                throw PythonError.typeError(
                    "'\(cls.name)' object does not support the asynchronous context manager protocol"
                )
            }
            throw PythonError.typeError("'\(cls.name)' object does not support the context manager protocol")
        }
        var entered = try await callDunder(manager, enterName, [], f) ?? .none
        if isAsync { entered = try await awaitValue(entered, f) }
        if let target = item.target { try await assign(target, entered, f) }
        let flow: Flow
        do {
            flow = try await execWith(rest, body, isAsync: isAsync, f)
        } catch {
            let e = pythonError(from: error)
            let instance = Value.object(e.instance ?? ExceptionInstance(e))
            var result = try await callDunder(manager, exitName, [typeObject(of: instance), instance, .none], f) ?? .none
            if isAsync { result = try await awaitValue(result, f) }
            if result.isTruthy { return .normal }
            throw e
        }
        var result = try await callDunder(manager, exitName, [.none, .none, .none], f) ?? .none
        if isAsync { result = try await awaitValue(result, f) }
        return flow
    }
}
