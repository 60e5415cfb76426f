/// A class object for a builtin type (`int`, `str`, …) or a host object's type (`type(limits)`).
final class TypeObject: PyObject {
    /// The qualified name the repr shows (`httpx.Limits`).
    let name: String
    /// `__name__` (`Limits`).
    let shortName: String
    let constructor: (nonisolated(nonsending) (Interpreter, Arguments, Frame) async throws -> Value)?

    init(
        _ name: String,
        shortName: String? = nil,
        constructor: (nonisolated(nonsending) (Interpreter, Arguments, Frame) async throws -> Value)? = nil
    ) {
        self.name = name
        self.shortName = shortName ?? name
        self.constructor = constructor
    }

    var pyTypeName: String { "type" }
    func pyRepr() -> String { "<class '\(name)'>" }
    func pyEquals(_ other: Value) -> Bool {
        if case .object(let o) = other, let t = o as? TypeObject { return t.name == name }
        return false
    }
    func getAttribute(_ name: String) throws -> Value? {
        switch name {
        case "__name__", "__qualname__": return .str(shortName)
        default: return nil
        }
    }
    func call(_ arguments: Arguments) throws -> Value {
        throw PythonError.typeError("cannot create '\(name)' instances")
    }

    /// True when `value` is an instance of this type (bool counts as int).
    func isInstance(_ value: Value) -> Bool {
        let t = value.typeName
        if name == "object" { return true }
        if t == shortName { return true }
        if name == "int", case .bool = value { return true }
        return false
    }
}

/// Optional protocol: a host class object usable with `isinstance(x, cls)` and `issubclass(cls, other)`.
public protocol PyClass: PyObject {
    func isInstance(_ value: Value) -> Bool
    /// `issubclass(self, other)` for another host class; by default only the class itself.
    func isSubclass(of other: any PyClass) -> Bool
}

extension PyClass {
    public func isSubclass(of other: any PyClass) -> Bool { self === other }
}
