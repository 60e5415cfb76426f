/// A Python exception class. Also a `PyObject`, so `except httpx.PoolTimeout as e:` and `raise X("m")` work.
public final class ExceptionClass: PyObject, Sendable {
    public let name: String
    public let module: String
    let base: ExceptionClass?
    /// A second base (`ExceptionGroup` derives from `BaseExceptionGroup` and `Exception`).
    let otherBase: ExceptionClass?

    public convenience init(name: String, module: String = "builtins", base: ExceptionClass?) {
        self.init(name: name, module: module, base: base, otherBase: nil)
    }

    init(
        name: String, module: String = "builtins", base: ExceptionClass?, otherBase: ExceptionClass?,
        qualname: String? = nil
    ) {
        self.name = name
        self.module = module
        self.base = base
        self.otherBase = otherBase
        self.qualname = qualname ?? name
    }

    /// `__qualname__`: `outer.<locals>.Inner` for a class defined in a function; tracebacks print it.
    let qualname: String

    /// True when this class is `other` or derives from it.
    public func isSubclass(of other: ExceptionClass) -> Bool {
        var current: ExceptionClass? = self
        while let c = current {
            if c === other { return true }
            if let second = c.otherBase, second.isSubclass(of: other) { return true }
            current = c.base
        }
        return false
    }

    /// `BaseExceptionGroup` or a subclass.
    var isGroup: Bool { isSubclass(of: .baseExceptionGroup) }

    /// "TypeError" for builtins, "httpx.PoolTimeout" otherwise, as tracebacks print.
    var qualifiedName: String { module == "builtins" || module == "__main__" ? qualname : module + "." + qualname }

    public var pyTypeName: String { "type" }
    public func pyRepr() -> String { "<class '\(module == "builtins" ? name : module + "." + name)'>" }
    public func getAttribute(_ name: String) throws -> Value? {
        switch name {
        case "__name__": return .str(self.name)
        case "__module__": return .str(module)
        case "__qualname__": return .str(self.name)
        default: return nil
        }
    }
    public var attributeNames: [String] { ["__name__", "__module__", "__qualname__"] }

    /// `ValueError("m")` makes an exception instance; `str(e)` is the single argument or the tuple of them.
    public func call(_ arguments: Arguments) throws -> Value {
        if isGroup { return try makeExceptionGroup(self, arguments) }
        if let first = arguments.keywords.first {
            throw PythonError.typeError("\(name)() takes no keyword arguments: '\(first.name)'")
        }
        return .object(ExceptionInstance(type: self, args: arguments.positional))
    }

    public static let baseException = ExceptionClass(name: "BaseException", base: nil)
    static let keyboardInterrupt = ExceptionClass(name: "KeyboardInterrupt", base: baseException)
    static let systemExit = ExceptionClass(name: "SystemExit", base: baseException)
    public static let exception = ExceptionClass(name: "Exception", base: baseException)
    static let typeError = ExceptionClass(name: "TypeError", base: exception)
    static let nameError = ExceptionClass(name: "NameError", base: exception)
    static let unboundLocalError = ExceptionClass(name: "UnboundLocalError", base: nameError)
    public static let attributeError = ExceptionClass(name: "AttributeError", base: exception)
    public static let valueError = ExceptionClass(name: "ValueError", base: exception)
    static let lookupError = ExceptionClass(name: "LookupError", base: exception)
    public static let keyError = ExceptionClass(name: "KeyError", base: lookupError)
    public static let indexError = ExceptionClass(name: "IndexError", base: lookupError)
    public static let runtimeError = ExceptionClass(name: "RuntimeError", base: exception)
    public static let notImplementedError = ExceptionClass(name: "NotImplementedError", base: runtimeError)
    static let recursionError = ExceptionClass(name: "RecursionError", base: runtimeError)
    public static let assertionError = ExceptionClass(name: "AssertionError", base: exception)
    static let arithmeticError = ExceptionClass(name: "ArithmeticError", base: exception)
    static let zeroDivisionError = ExceptionClass(name: "ZeroDivisionError", base: arithmeticError)
    static let overflowError = ExceptionClass(name: "OverflowError", base: arithmeticError)
    static let syntaxError = ExceptionClass(name: "SyntaxError", base: exception)
    static let indentationError = ExceptionClass(name: "IndentationError", base: syntaxError)
    static let stopIteration = ExceptionClass(name: "StopIteration", base: exception)
    static let stopAsyncIteration = ExceptionClass(name: "StopAsyncIteration", base: exception)
    /// Thrown into a generator at its `yield` by `close()`.
    static let generatorExit = ExceptionClass(name: "GeneratorExit", base: baseException)
    static let importError = ExceptionClass(name: "ImportError", base: exception)
    static let moduleNotFoundError = ExceptionClass(name: "ModuleNotFoundError", base: importError)
    static let memoryError = ExceptionClass(name: "MemoryError", base: exception)
    static let osError = ExceptionClass(name: "OSError", base: exception)
    static let timeoutError = ExceptionClass(name: "TimeoutError", base: osError)
    static let connectionError = ExceptionClass(name: "ConnectionError", base: osError)
    public static let cancelledError = ExceptionClass(name: "CancelledError", module: "asyncio.exceptions", base: baseException)
    static let baseExceptionGroup = ExceptionClass(name: "BaseExceptionGroup", base: baseException)
    static let exceptionGroup = ExceptionClass(
        name: "ExceptionGroup", base: baseExceptionGroup, otherBase: exception)

    /// The classes bound as builtins.
    static let builtinClasses: [ExceptionClass] = [
        baseException, keyboardInterrupt, systemExit, exception, typeError, nameError, unboundLocalError,
        attributeError, valueError, lookupError, keyError, indexError, runtimeError, notImplementedError,
        recursionError, assertionError, arithmeticError, zeroDivisionError, overflowError, syntaxError,
        indentationError, stopIteration, importError, moduleNotFoundError, memoryError, osError, timeoutError,
        connectionError, baseExceptionGroup, exceptionGroup, stopAsyncIteration, generatorExit,
    ]
}

/// An exception instance, as `except ... as e` binds it.
public final class ExceptionInstance: PyObject {
    public let type: ExceptionClass
    var args: [Value]
    /// The user class, for instances of `class MyError(Exception)`.
    var userClass: ClassObject?
    /// Attributes set on the instance (`self.status = status`).
    var userAttributes: [String: Value] = [:]
    /// The error this instance came from, if it was raised (keeps the host's hint and traceback).
    var error: PythonError?

    init(type: ExceptionClass, args: [Value]) {
        self.type = type
        self.args = args
    }

    convenience init(_ error: PythonError) {
        let args: [Value] = error.message.isEmpty ? [] : [.str(error.message)]
        self.init(type: error.type, args: error.arguments ?? args)
        self.error = error
    }

    /// `str(e)`.
    var message: String {
        if type.isGroup, args.count == 2, case .str(let m) = args[0] {
            let n = groupItems.count
            return "\(m) (\(n) sub-exception\(n == 1 ? "" : "s"))"
        }
        switch args.count {
        case 0: return ""
        case 1:
            if type.isSubclass(of: .keyError) { return args[0].repr() }
            return args[0].str()
        default: return Value.tuple(args).repr()
        }
    }

    /// The error to throw when this instance is raised.
    var asError: PythonError {
        if var error {
            error.traceback = []
            error.recordedFrame = nil
            return error
        }
        var e = PythonError(type, type.isSubclass(of: .keyError) && args.count == 1 ? args[0].repr() : message)
        e.arguments = args
        e.instance = self
        return e
    }

    public var pyTypeName: String { type.name }
    public func pyRepr() -> String {
        if args.count == 1 { return "\(type.name)(\(args[0].repr()))" }
        return type.name + Value.tuple(args).repr()
    }
    public func pyStr() -> String { message }
    public func getAttribute(_ name: String) throws -> Value? {
        if let v = userAttributes[name] { return v }
        if let cls = userClass {
            if name == "__class__" { return .object(cls) }
            if name != "args", let (value, _) = cls.lookup(name) {
                return bindClassAttribute(value, to: .object(self), cls: cls)
            }
        }
        if type.isGroup && args.count == 2 {
            if name == "exceptions" { return .tuple(groupItems.map { .object($0) }) }
            if name == "message" { return args[0] }
        }
        switch name {
        case "args": return .tuple(args)
        case "code" where type.isSubclass(of: .systemExit): return SystemExitOutcome.code(args)
        case "__class__": return .object(type)
        case "__cause__", "__context__":
            guard let error, let linked = error.context.first,
                name == "__context__" || (error.contextIsCause && !error.causeIsNone)
            else {
                return Value.none
            }
            return .object(linked.instance ?? ExceptionInstance(linked))
        case "__suppress_context__": return .bool(error?.contextIsCause ?? false)
        case "value" where type.isSubclass(of: .stopIteration):
            // `StopIteration.value`: the generator's return value (`Objects/exceptions.c`, StopIteration_init).
            return args.first ?? Value.none
        default: return error?.attributes[name]
        }
    }
    public var attributeNames: [String] {
        ["args"] + (error?.attributes.keys.sorted() ?? []) + userAttributes.keys.sorted()
            + (userClass?.attributeNames.filter { !$0.hasPrefix("__") } ?? [])
    }
    public func setAttribute(_ name: String, _ value: Value) throws {
        if name == "args" {
            if case .tuple(let items) = value { args = items } else if case .list(let l) = value { args = l.items } else { args = [value] }
            return
        }
        userAttributes[name] = value
    }
}
