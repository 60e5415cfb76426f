import PoolScript

/// `os` with a read-only `os.environ` (and `os.getenv`).
package enum OSModule {
    package static func make(context: PlaygroundContext) -> ModuleObject {
        let environ = EnvironObject(context: context)
        return ModuleObject(
            name: "os",
            attributes: [
                "environ": .object(environ),
                "getenv": .object(
                    NativeFunction(name: "getenv") { arguments in
                        let bound = try arguments.bind("getenv", [Parameter("key"), Parameter("default", default: Value.none)])
                        guard case .str(let key) = bound["key"] else {
                            throw PythonError.typeError("str expected, not \(bound["key"].typeName)")
                        }
                        return context.environment[key].map(Value.str) ?? bound["default"]
                    }),
            ])
    }
}

/// `os.environ`: a read-only mapping over the playground's environment.
final class EnvironObject: PyObject {
    let context: PlaygroundContext
    init(context: PlaygroundContext) { self.context = context }

    var pyTypeName: String { "_Environ" }
    func pyRepr() -> String {
        let dict = PyDict(context.environment.sorted { $0.key < $1.key }.map { (Value.str($0.key), Value.str($0.value)) })
        return "environ(\(Value.dict(dict).repr()))"
    }

    func getItem(_ key: Value) throws -> Value {
        guard case .str(let name) = key, let value = context.environment[name] else { throw PythonError.keyError(key) }
        return .str(value)
    }

    func iterate() throws -> [Value] { context.environment.keys.sorted().map(Value.str) }
    func length() throws -> Int { context.environment.count }
    var attributeNames: [String] { ["get", "keys", "items"] }

    func getAttribute(_ name: String) throws -> Value? {
        switch name {
        case "get":
            return pyMethod("_Environ", "get") { [context] arguments in
                let bound = try arguments.bind("get", [Parameter("key"), Parameter("default", default: Value.none)])
                guard case .str(let key) = bound["key"] else { return bound["default"] }
                return context.environment[key].map(Value.str) ?? bound["default"]
            }
        case "keys": return pyMethod("_Environ", "keys") { [self] _ in .list(PyList(try iterate())) }
        case "items":
            return pyMethod("_Environ", "items") { [context] _ in
                .list(PyList(context.environment.sorted { $0.key < $1.key }.map { .tuple([.str($0.key), .str($0.value)]) }))
            }
        default: return nil
        }
    }

    func setItem() throws {
        throw PythonError(.notImplementedError, "os.environ is read-only in PoolPlay")
    }
}
