/// A Python object implemented in Swift.
///
/// Every requirement has a default (see the extension) that raises what CPython raises, so a host
/// object implements only what it needs: usually `pyTypeName`, `getAttribute` and `attributeNames`.
public protocol PyObject: AnyObject {
    /// The type name used in messages, e.g. "Limits".
    var pyTypeName: String { get }
    /// `repr(obj)`; default `<Limits object>`.
    func pyRepr() -> String
    /// `str(obj)`; default `pyRepr()`.
    func pyStr() -> String
    /// Attribute lookup; nil makes the interpreter raise AttributeError with a did-you-mean suggestion.
    func getAttribute(_ name: String) throws -> Value?
    /// Names for did-you-mean suggestions and tab completion.
    var attributeNames: [String] { get }
    /// `obj.name = value`; default raises AttributeError as CPython does for read-only objects.
    func setAttribute(_ name: String, _ value: Value) throws
    /// `obj(...)`; default raises `TypeError: 'X' object is not callable`.
    func call(_ arguments: Arguments) throws -> Value
    /// `obj == other`; default identity.
    func pyEquals(_ other: Value) -> Bool
    /// `obj[key]`; default raises `TypeError: 'X' object is not subscriptable`.
    func getItem(_ key: Value) throws -> Value
    /// `for x in obj`; default raises `TypeError: 'X' object is not iterable`.
    func iterate() throws -> [Value]
    /// `len(obj)`; default raises `TypeError: object of type 'X' has no len()`.
    func length() throws -> Int
}

extension PyObject {
    public func pyRepr() -> String { "<\(pyTypeName) object>" }
    public func pyStr() -> String { pyRepr() }
    public func getAttribute(_ name: String) throws -> Value? { nil }
    public var attributeNames: [String] { [] }
    public func setAttribute(_ name: String, _ value: Value) throws {
        if (try? getAttribute(name)) != nil {
            throw PythonError(.attributeError, "'\(pyTypeName)' object attribute '\(name)' is read-only")
        }
        throw PythonError(.attributeError, "'\(pyTypeName)' object has no attribute '\(name)'")
    }
    public func call(_ arguments: Arguments) throws -> Value {
        throw PythonError.typeError("'\(pyTypeName)' object is not callable")
    }
    public func pyEquals(_ other: Value) -> Bool {
        if case .object(let o) = other { return o === self }
        return false
    }
    public func getItem(_ key: Value) throws -> Value {
        throw PythonError.typeError("'\(pyTypeName)' object is not subscriptable")
    }
    public func iterate() throws -> [Value] {
        throw PythonError.typeError("'\(pyTypeName)' object is not iterable")
    }
    public func length() throws -> Int {
        throw PythonError.typeError("object of type '\(pyTypeName)' has no len()")
    }
}

/// Optional protocol: a context manager for `with` (`__enter__`/`__exit__`).
///
/// `exit` receives the exception leaving the block (nil on normal exit) and returns true to swallow it,
/// as `__exit__` returning a true value does.
public protocol PyContextManager: PyObject {
    func enter() throws -> Value
    func exit(_ error: PythonError?) throws -> Bool
}

/// Optional protocol: an async context manager for `async with` (`__aenter__`/`__aexit__`).
/// Both hooks return awaitables, usually a `Coroutine`, which the interpreter awaits.
public protocol PyAsyncContextManager: PyObject {
    func asyncEnter() throws -> Value
    func asyncExit(_ error: PythonError?) throws -> Value
}

/// Optional protocol: the module that defines the object's type, so `type(limits)` prints
/// `<class 'httpx.Limits'>` as CPython does (without it: `<class 'Limits'>`).
public protocol PyModuleQualified: PyObject {
    var pyModuleName: String { get }
}

/// Optional protocol: an object whose repr can raise, as a Python `__repr__` can (`httpx.Timeout([1, 2])` prints
/// nothing but `TypeError: unhashable type: 'list'`). `repr()`, `str()`, `print` and f-strings call it;
/// ``PyObject/pyRepr()`` stays the non-throwing fallback for views.
public protocol PyCheckedRepr: PyObject {
    func checkedRepr() throws -> String
}

/// Optional marker: instances of a class that defines `__eq__` without `__hash__`, so `hash(obj)`, set members
/// and dict keys raise `TypeError: unhashable type: 'Limits'` as CPython does.
public protocol PyUnhashable: PyObject {}

/// Optional protocol: objects `help(obj)` can describe (a docstring).
protocol PyDocumented: PyObject {
    var pyDoc: String { get }
}

/// A function implemented in Swift. repr: `<built-in function name>`.
public final class NativeFunction: PyObject {
    public let name: String
    let body: (Arguments) throws -> Value
    var doc: String?
    /// The signature, when the function's maker gave it (``withParameters(_:)``).
    var parameters: [Parameter] = []

    public init(name: String, _ body: @escaping (Arguments) throws -> Value) {
        self.name = name
        self.body = body
    }

    public var pyTypeName: String { "builtin_function_or_method" }
    public func pyRepr() -> String { "<built-in function \(name)>" }
    public func call(_ arguments: Arguments) throws -> Value { try body(arguments) }
    public func getAttribute(_ name: String) throws -> Value? {
        switch name {
        case "__name__": return .str(self.name)
        case "__doc__": return doc.map(Value.str) ?? Value.none
        default: return nil
        }
    }
}

/// A module object: `import httpx` binds one of these. repr: `<module 'httpx'>`.
public final class ModuleObject: PyObject {
    public let name: String
    public var attributes: [String: Value]

    public init(name: String, attributes: [String: Value]) {
        self.name = name
        self.attributes = attributes
    }

    public var pyTypeName: String { "module" }
    public func pyRepr() -> String { "<module '\(name)'>" }
    public func getAttribute(_ name: String) throws -> Value? {
        if name == "__name__" { return .str(self.name) }
        return attributes[name]
    }
    public var attributeNames: [String] { attributes.keys.sorted() }
    public func setAttribute(_ name: String, _ value: Value) throws { attributes[name] = value }
}
