/// Methods looked up on a builtin type rather than on a value: `str.lower`, `dict.get`, as in
/// `sorted(words, key=str.lower)`. Calling one passes the receiver first; CPython 3.11's texts for the
/// mistakes (`Objects/descrobject.c`).
extension Interpreter {
    /// An empty value of each builtin type that has methods, to list them.
    private static func sample(_ typeName: String) -> Value? {
        switch typeName {
        case "str": .str("")
        case "list": .list(PyList([]))
        case "dict": .dict(PyDict())
        case "tuple": .tuple([])
        case "bytes": .bytes([])
        case "int": .int(0)
        case "float": .float(0)
        default: nil
        }
    }

    /// `type.name` for a builtin type, or nil when that type has no such method.
    func unboundMethod(_ type: TypeObject, _ name: String) -> Value? {
        guard let sample = Self.sample(type.name), builtinMethodNames(sample).contains(name),
            !["real", "imag"].contains(name)
        else { return nil }
        let typeName = type.name
        let method = InterpBuiltin("\(typeName).\(name)", typeName: "method_descriptor") { i, a, f in
                guard let receiver = a.positional.first else {
                    throw PythonError.typeError("unbound method \(typeName).\(name)() needs an argument")
                }
                guard type.isInstance(receiver), let method = i.builtinMethod(receiver, name) else {
                    throw PythonError.typeError(
                        "descriptor '\(name)' for '\(typeName)' objects doesn't apply to a '\(receiver.typeName)' object")
                }
                let rest = Arguments(positional: Array(a.positional.dropFirst()), keywords: a.keywords)
                return try await method.body(i, rest, f)
        }
        method.customRepr = "<method '\(name)' of '\(typeName)' objects>"
        return .object(method)
    }
}
