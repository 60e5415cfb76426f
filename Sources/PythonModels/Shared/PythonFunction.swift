import PoolScript

/// A module-level Python function implemented in Swift (`httpx.get`, `openai.DefaultHttpx2Client`): shown as CPython
/// shows a `def` function, `<function get at 0x…>`, unlike a C builtin's `<built-in function len>`.
final class PythonFunction: PyObject, PyParameterized {
    let name: String
    let module: String
    /// The signature, for completion and hints; the body binds its own arguments.
    let parameters: [Parameter]
    private let body: (Arguments) throws -> Value

    init(name: String, module: String, parameters: [Parameter], _ body: @escaping (Arguments) throws -> Value) {
        self.name = name
        self.module = module
        self.parameters = parameters
        self.body = body
    }

    var pyTypeName: String { "function" }
    func pyRepr() -> String { "<function \(name) at \(fakeAddressOf(self))>" }
    func call(_ arguments: Arguments) throws -> Value { try body(arguments) }
    var keywordNames: [String] { parameters.keywordNames }
    var attributeNames: [String] { ["__name__", "__qualname__", "__module__"] }

    func getAttribute(_ attribute: String) throws -> Value? {
        switch attribute {
        case "__name__", "__qualname__": .str(name)
        case "__module__": .str(module)
        default: nil
        }
    }
}
