/// A function defined in Python (`def`, `async def`, `lambda`).
final class FunctionObject: PyObject {
    let decl: FunctionDecl
    let closure: Scope
    let file: SourceFile
    let defaults: [String: Value]
    /// `__qualname__`: `make_adder.<locals>.add` for a function defined inside another, as CPython names it
    /// in reprs and in call errors (`add() missing …` becomes `make_adder.<locals>.add() missing …`).
    let qualname: String
    /// The class whose body defined this function (for zero-argument `super()`).
    var definingClass: ClassObject?

    init(decl: FunctionDecl, closure: Scope, file: SourceFile, defaults: [String: Value], qualname: String? = nil) {
        self.qualname = qualname ?? decl.name
        self.decl = decl
        self.closure = closure
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
        case "__name__": return .str(decl.name)
        case "__qualname__": return .str(qualname)
        case "__doc__": return doc.map(Value.str) ?? Value.none
        default: return nil
        }
    }
    var attributeNames: [String] { ["__name__", "__qualname__", "__doc__"] }
    func call(_ arguments: Arguments) throws -> Value {
        throw PythonError.runtimeError("a Python function cannot be called from a synchronous host callback")
    }
}
