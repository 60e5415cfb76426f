/// A function defined in Python (`def`, `async def`, `lambda`).
final class FunctionObject: PyObject {
    let decl: FunctionDecl
    let closure: Scope
    let file: SourceFile
    let defaults: [String: Value]
    /// `__qualname__`: `make_adder.<locals>.add` for a function defined inside another, as CPython names it
    /// in reprs and in call errors (`add() missing …` becomes `make_adder.<locals>.add() missing …`).
    var qualname: String
    /// The class whose body defined this function (for zero-argument `super()`).
    var definingClass: ClassObject?
    /// `__name__` once assigned (`functools.wraps` copies the wrapped function's).
    var nameOverride: String?
    /// `__doc__` once assigned.
    var docOverride: Value?
    /// Other attributes set on the function (`fn.__wrapped__`, `fn.calls = 0`).
    var attributes: [String: Value] = [:]

    init(decl: FunctionDecl, closure: Scope, file: SourceFile, defaults: [String: Value], qualname: String? = nil) {
        self.qualname = qualname ?? decl.name
        self.decl = decl
        self.closure = closure
        closure.hasInnerScopes = true
        self.file = file
        self.defaults = defaults
    }

    var signature: [Parameter] {
        decl.parameters.map { Parameter($0.name, kind: $0.kind, default: defaults[$0.name]) }
    }

    /// The docstring: a string literal as the first statement.
    var doc: String? {
        if let first = decl.body.first, case .expression(let e) = first.kind, case .str(let s) = e.kind { return s }
        return nil
    }

    var pyTypeName: String { "function" }
    func pyRepr() -> String { "<function \(qualname) at \(fakeAddress(self))>" }
    func getAttribute(_ name: String) throws -> Value? {
        switch name {
        case "__name__": return .str(nameOverride ?? decl.name)
        case "__qualname__": return .str(qualname)
        case "__doc__": return docOverride ?? doc.map(Value.str) ?? Value.none
        case "__module__": return attributes["__module__"] ?? .str("__main__")
        case "__dict__": return .dict(PyDict(attributes.sorted { $0.key < $1.key }.map { (Value.str($0.key), $0.value) }))
        default: return attributes[name]
        }
    }
    /// Functions take any attribute, as in CPython; `__name__` / `__qualname__` must be strings.
    func setAttribute(_ name: String, _ value: Value) throws {
        switch name {
        case "__name__", "__qualname__":
            guard case .str(let s) = value else {
                throw PythonError.typeError("\(name) must be set to a string object")
            }
            if name == "__name__" { nameOverride = s } else { qualname = s }
        case "__doc__": docOverride = value
        default: attributes[name] = value
        }
    }
    var attributeNames: [String] { ["__name__", "__qualname__", "__doc__"] + attributes.keys.sorted() }
    func call(_ arguments: Arguments) throws -> Value {
        throw PythonError.runtimeError("a Python function cannot be called from a synchronous host callback")
    }
}
