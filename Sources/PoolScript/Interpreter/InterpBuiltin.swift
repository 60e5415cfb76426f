/// A builtin implemented by the interpreter itself: it may call back into Python and await.
final class InterpBuiltin: PyObject {
    let name: String
    let typeName: String
    let body: nonisolated(nonsending) (Interpreter, Arguments, Frame) async throws -> Value
    /// For bound methods of builtin types: the receiver's repr.
    let receiver: String?
    /// A repr of its own (`<method 'upper' of 'str' objects>` for a method looked up on its type).
    var customRepr: String?

    init(
        _ name: String,
        typeName: String = "builtin_function_or_method",
        receiver: String? = nil,
        _ body: nonisolated(nonsending) @escaping (Interpreter, Arguments, Frame) async throws -> Value
    ) {
        self.name = name
        self.typeName = typeName
        self.receiver = receiver
        self.body = body
    }

    var pyTypeName: String { typeName }
    func pyRepr() -> String {
        if let customRepr { return customRepr }
        if let receiver { return "<built-in method \(name) of \(receiver)>" }
        return "<built-in function \(name)>"
    }
    func getAttribute(_ name: String) throws -> Value? { name == "__name__" ? .str(self.name) : nil }
    func call(_ arguments: Arguments) throws -> Value {
        throw PythonError.runtimeError("\(name)() cannot be called from a synchronous host callback")
    }
}
