/// The standard-library modules PoolScript writes itself (pure Swift), for names no host serves.
///
/// `Interpreter.importModule` asks the host first, then asyncio and time, then this registry. Dotted names
/// (`collections.abc`, `concurrent.futures`) are modules of their own here, as `import a.b` asks for both.
let stdlibModuleNames = [
    "argparse", "base64", "collections", "collections.abc", "concurrent", "concurrent.futures", "contextlib", "dataclasses",
    "functools", "itertools", "json", "logging", "math", "random", "statistics", "sys", "threading", "typing",
]

/// What a library module is made of: functions written in Swift, then Python source run in the module's own
/// namespace (with the Swift names visible), for what is simplest said in Python (classes with dunders).
struct StdlibModuleSpec {
    var natives: [String: Value] = [:]
    var source: String?
    /// Runs on the finished module (for natives that call the module's Python functions).
    var finish: ((ModuleObject) -> Void)?
}

extension Interpreter {
    /// A new module object for `name`, or nil if PoolScript has no such module. A dotted module is also set as
    /// an attribute of its parent (`concurrent.futures`), whichever of the two is imported first.
    nonisolated(nonsending) func makeStdlibModule(_ name: String, _ f: Frame) async throws -> ModuleObject? {
        let spec: StdlibModuleSpec
        switch name {
        case "argparse": spec = argparseModule()
        case "base64": spec = base64Module()
        case "collections": spec = collectionsModule()
        case "collections.abc": spec = collectionsABCModule()
        case "concurrent": spec = StdlibModuleSpec()
        case "concurrent.futures": spec = concurrentFuturesModule()
        case "contextlib": spec = contextlibModule()
        case "dataclasses": spec = dataclassesModule()
        case "functools": spec = functoolsModule()
        case "itertools": spec = itertoolsModule()
        case "json": spec = jsonModule()
        case "logging": spec = loggingModule()
        case "random": spec = randomModule()
        case "math": spec = mathModule()
        case "statistics": spec = statisticsModule()
        case "sys": spec = sysModule(scriptName: f.file.name == "<stdin>" ? "" : f.file.name)
        case "threading": spec = threadingModule()
        case "typing": spec = typingModule()
        default: return nil
        }
        let module = ModuleObject(name: name, attributes: spec.natives)
        if let source = spec.source {
            let scope = Scope(kind: .module, parent: nil)
            scope.vars = spec.natives
            scope.vars["__name__"] = .str(name)
            let frame = Frame(
                scope: scope, context: f.context, file: SourceFile(name: "<\(name)>", source: source),
                function: "<module>")
            for statement in try Parser.parseModule(source) {
                frame.line = statement.location.line
                _ = try await exec(statement, frame)
            }
            for (key, value) in scope.vars where key != "__name__" { module.attributes[key] = value }
        }
        spec.finish?(module)
        let parts = name.split(separator: ".").map(String.init)
        if parts.count == 2, case .object(let parent as ModuleObject)? = moduleCache[parts[0]] {
            parent.attributes[parts[1]] = .object(module)
        }
        for (key, cached) in moduleCache where key.hasPrefix(name + ".") {
            module.attributes[String(key.dropFirst(name.count + 1))] = cached
        }
        return module
    }
}

/// A builtin taking the interpreter (it may call back into Python).
func builtin(
    _ name: String, _ body: nonisolated(nonsending) @escaping (Interpreter, Arguments, Frame) async throws -> Value
) -> Value {
    .object(InterpBuiltin(name, body))
}

/// A plain Swift function.
func native(_ name: String, _ body: @escaping (Arguments) throws -> Value) -> Value {
    .object(NativeFunction(name: name, body))
}

/// A float from a Python number, raising CPython's "must be real number" TypeError otherwise.
func realNumber(_ v: Value) throws -> Double {
    switch v.numeric {
    case .int(let n): return Double(n)
    case .float(let d): return d
    case .big(let b): return Double(b)
    case nil: throw PythonError.typeError("must be real number, not \(v.typeName)")
    }
}

/// An int from a Python int (or bool), raising CPython's TypeError otherwise.
func integer(_ v: Value) throws -> Int {
    switch v {
    case .int(let n): return n
    case .bool(let b): return b ? 1 : 0
    default: throw PythonError.typeError("'\(v.typeName)' object cannot be interpreted as an integer")
    }
}

/// How a `for` loop walks a user iterable: one `__next__` at a time, or items already collected.
enum UserIteration {
    case lazy(Value)
    case items([Value])
    /// `__iter__` returned a generator (`def __iter__(self): yield …`) or another built-in lazy iterator.
    case stream(any PyBlockingIterator)
}

extension Interpreter {
    /// For a user iterable with `__iter__`: its iterator when that has `__next__` (walked lazily), or the items
    /// of a built-in iterator it returned. nil for everything else. `__iter__` is called exactly once.
    nonisolated(nonsending) func userIteration(_ iterable: Value, _ f: Frame) async throws -> UserIteration? {
        guard let cls = userClass(of: iterable), cls.lookup("__iter__") != nil else { return nil }
        let iterator = try await callDunder(iterable, "__iter__", [], f) ?? .none
        if case .object(let o as any PyBlockingIterable) = iterator { return .stream(try o.makeBlockingIterator()) }
        guard let iteratorClass = userClass(of: iterator) else { return .items(try iterate(iterator)) }
        guard iteratorClass.lookup("__next__") != nil else {
            throw PythonError.typeError("iter() returned non-iterator of type '\(iteratorClass.name)'")
        }
        return .lazy(iterator)
    }
}
