/// Generator functions, generator expressions, `yield from`, and ``ValueIterator``, the one-item-at-a-time walk
/// over any iterable that comprehensions, generators and the lazy builtins share.
extension Interpreter {
    /// Calling a generator function: nothing of the body runs yet (CPython's `RETURN_GENERATOR`).
    func makeGenerator(_ fn: FunctionObject, _ scope: Scope) -> Value {
        let decl = fn.decl
        let core = GeneratorCore(kind: decl.isAsync ? .asyncGenerator : .generator, name: fn.qualname) { core in
            try await self.runGeneratorBody(fn, scope, core)
        }
        return .object(decl.isAsync ? AsyncGeneratorObject(core, self) as PyObject : GeneratorObject(core, self))
    }

    /// The body of a generator function, in the generator's task (``GeneratorCore``).
    nonisolated(nonsending) private func runGeneratorBody(_ fn: FunctionObject, _ scope: Scope, _ core: GeneratorCore)
        async throws -> Value
    {
        let frame = Frame(scope: scope, context: core.context!, file: fn.file, function: fn.decl.name)
        frame.qualname = fn.qualname
        frame.functionObject = fn
        frame.generator = core
        frame.line = fn.decl.location.line
        core.frame = frame
        do {
            if case .returned(let v) = try await exec(fn.decl.body, frame) { return v }
            return .none
        } catch {
            var e = pythonError(from: error)
            frame.record(&e)
            throw e
        }
    }

    /// `(element for target in iterable ...)`: the first iterable is evaluated (and `iter()` called on it) at once,
    /// everything else when the generator runs, as CPython compiles a generator expression.
    nonisolated(nonsending) func makeGeneratorExpression(_ element: Expr, _ clauses: [Comprehension], _ f: Frame)
        async throws -> Value
    {
        let first = try await makeIterator(try await eval(clauses[0].iterable, f), f)
        let scope = Scope(kind: .comprehension, parent: f.scope)
        let file = f.file
        let line = f.line
        let core = GeneratorCore(kind: .generator, name: "<genexpr>") { core in
            let frame = Frame(scope: scope, context: core.context!, file: file, function: "<genexpr>")
            frame.line = line
            frame.generator = core
            core.frame = frame
            do {
                try await self.comprehend(element, clauses[...], first, frame) { _ = try await core.suspend(yielding: $0) }
            } catch {
                var e = pythonError(from: error)
                frame.record(&e)
                throw e
            }
            return .none
        }
        return .object(GeneratorObject(core, self))
    }

    /// `yield from iterable` (PEP 380): a sub-generator gets the values sent and the exceptions thrown in, and its
    /// return value is the expression's value; GeneratorExit closes it first. Other iterables are walked.
    nonisolated(nonsending) func yieldFrom(_ iterable: Value, _ core: GeneratorCore, _ f: Frame) async throws -> Value {
        guard case .object(let sub as GeneratorObject) = iterable else {
            let iterator = try await makeIterator(iterable, f)
            while let item = try await iterator.next(self, f) { _ = try await core.suspend(yielding: item) }
            return .none
        }
        var input = GeneratorCore.Input.send(.none)
        while true {
            switch try await sub.core.resume(input, f.context) {
            case .returned(let v): return v
            case .yielded(let v):
                do {
                    input = .send(try await core.suspend(yielding: v))
                } catch let e as PythonError where e.type.isSubclass(of: .generatorExit) {
                    try await sub.core.close(f.context)
                    throw e
                } catch let e as PythonError {
                    input = .raise(e)
                }
            }
        }
    }

    /// Builtins and methods written over a materialized iterable (`str.join`, `list.extend`, `dict(...)`, set
    /// operations, `math.fsum`): a generator argument is run to its end first, as they would consume it anyway.
    static let eagerConsumers: Set<String> = [
        "join", "extend", "update", "union", "intersection", "difference", "symmetric_difference", "issubset",
        "issuperset", "isdisjoint", "intersection_update", "difference_update", "symmetric_difference_update",
        "fsum", "prod", "writelines", "dict", "bytes", "set", "frozenset", "fromkeys", "deque", "Counter",
        "OrderedDict", "defaultdict", "choices", "sample", "shuffle", "choice", "as_completed", "wait",
    ]

    /// The arguments with every generator replaced by an iterator over all it yields.
    nonisolated(nonsending) func materializeGenerators(_ values: [Value], _ f: Frame) async throws -> [Value] {
        var out: [Value] = []
        for v in values {
            if let g = v.object(as: GeneratorObject.self) {
                out.append(.object(IteratorObject(g.pyTypeName, try await iterateAsync(v, f))))
            } else {
                out.append(v)
            }
        }
        return out
    }

    /// True for an iterable that must be walked one item at a time: a generator, a blocking stream, or a user
    /// iterator (an object with `__next__`, such as `itertools.count()`).
    func isLazyIterable(_ value: Value) -> Bool {
        if case .object(let o) = value, o is any PyBlockingIterable { return true }
        return userClass(of: value)?.lookup("__next__") != nil
    }

    /// A builtin iterator (`map`, `zip`, …) over lazy iterables: a generator running `body` in Swift, whose
    /// `yield`s are `core.suspend(yielding:)`. `f` lends its file and scope to the frame the body's calls run in.
    func lazyBuiltin(
        _ typeName: String, _ f: Frame,
        _ body: @escaping (GeneratorCore, Frame) async throws -> Void
    ) -> Value {
        let scope = f.scope
        let file = f.file
        let function = f.function
        let core = GeneratorCore(kind: .generator, name: typeName) { core in
            let frame = Frame(scope: scope, context: core.context!, file: file, function: function)
            frame.generator = core
            core.frame = frame
            try await body(core, frame)
            return .none
        }
        return .object(GeneratorObject(core, self, builtinType: typeName))
    }

    /// `iter(value)` for the interpreter's own loops: generators, blocking streams and user iterators one item at a
    /// time; ranges by index; everything else from its items.
    nonisolated(nonsending) func makeIterator(_ value: Value, _ f: Frame) async throws -> ValueIterator {
        switch value {
        case .list(let l): return ValueIterator(.list(l))
        case .object(let r as RangeObject): return ValueIterator(.range(r))
        case .object(let o as any PyBlockingIterable): return ValueIterator(.blocking(try o.makeBlockingIterator()))
        default:
            switch try await userIteration(value, f) {
            case .lazy(let iterator)?: return ValueIterator(.user(iterator))
            case .stream(let iterator)?: return ValueIterator(.blocking(iterator))
            case .items(let items)?: return ValueIterator(.items(items))
            case nil: return ValueIterator(.items(try await iterateAsync(value, f)))
            }
        }
    }
}

/// One step at a time over an iterable, as CPython's `iter()` then `next()` until StopIteration.
final class ValueIterator {
    enum Source {
        case items([Value])
        /// A list is read live, so appending to it while looping is seen, as in CPython.
        case list(PyList)
        case range(RangeObject)
        case blocking(any PyBlockingIterator)
        /// A user object with `__next__`.
        case user(Value)
    }
    private let source: Source
    private var index = 0

    init(_ source: Source) { self.source = source }

    /// The next item, or nil when exhausted.
    nonisolated(nonsending) func next(_ interpreter: Interpreter, _ f: Frame) async throws -> Value? {
        switch source {
        case .items(let items):
            guard index < items.count else { return nil }
            defer { index += 1 }
            return items[index]
        case .list(let l):
            guard index < l.items.count else { return nil }
            defer { index += 1 }
            return l.items[index]
        case .range(let r):
            guard index < r.count else { return nil }
            defer { index += 1 }
            return .int(r[index])
        case .blocking(let iterator): return try await iterator.next(f.context)
        case .user(let iterator):
            do {
                return try await interpreter.callDunder(iterator, "__next__", [], f) ?? Value.none
            } catch let e as PythonError where e.type.isSubclass(of: .stopIteration) {
                return nil
            }
        }
    }
}
