/// A class defined by a `class` statement.
///
/// Attribute lookup follows the C3 method resolution order of user classes; builtin bases (`object`,
/// `Exception` and the other exception classes) come last. A class deriving from an exception class is also
/// represented by an `ExceptionClass` (`exceptionClass`), so `raise`, `except` and tracebacks treat it as the
/// builtin machinery treats any exception; its instances are `ExceptionInstance`s carrying `userClass`.
final class ClassObject: PyObject, PyClass {
    let name: String
    let qualname: String
    let bases: [Value]
    /// The class namespace, in definition order.
    var namespace: [String: Value] = [:]
    var namespaceOrder: [String] = []
    /// Self first, then the user-class ancestors in C3 order.
    private(set) var mro: [ClassObject] = []
    let exceptionClass: ExceptionClass?

    init(name: String, qualname: String, bases: [Value]) throws {
        self.name = name
        self.qualname = qualname
        self.bases = bases
        var exceptionBase: ExceptionClass?
        for base in bases {
            switch base {
            case .object(let c as ClassObject):
                if exceptionBase == nil { exceptionBase = c.exceptionClass }
            case .object(let e as ExceptionClass):
                if exceptionBase == nil { exceptionBase = e }
            default: break
            }
        }
        exceptionClass = exceptionBase.map {
            ExceptionClass(name: name, module: "__main__", base: $0, otherBase: nil, qualname: qualname)
        }
        mro = [self] + (try ClassObject.linearize(bases.compactMap { $0.object(as: ClassObject.self) }))
    }

    /// C3 linearization of the user-class bases (CPython's MRO), raising its TypeError when there is none.
    private static func linearize(_ bases: [ClassObject]) throws -> [ClassObject] {
        var sequences = bases.map(\.mro) + [bases]
        var result: [ClassObject] = []
        while true {
            sequences = sequences.filter { !$0.isEmpty }
            if sequences.isEmpty { return result }
            guard
                let head = sequences.lazy.map({ $0[0] }).first(where: { candidate in
                    !sequences.contains { $0.dropFirst().contains { $0 === candidate } }
                })
            else {
                throw PythonError.typeError(
                    "Cannot create a consistent method resolution order (MRO) for bases "
                        + bases.map(\.name).joined(separator: ", ")
                )
            }
            result.append(head)
            sequences = sequences.map { $0.first === head ? Array($0.dropFirst()) : $0 }
        }
    }

    func define(_ name: String, _ value: Value) {
        if namespace[name] == nil { namespaceOrder.append(name) }
        namespace[name] = value
    }

    /// The attribute as found along the MRO, with the class that defines it.
    func lookup(_ name: String) -> (value: Value, owner: ClassObject)? {
        for c in mro { if let v = c.namespace[name] { return (v, c) } }
        return nil
    }

    /// True when this class is `other` or derives from it.
    func isSubclass(of other: ClassObject) -> Bool { mro.contains { $0 === other } }

    var pyTypeName: String { "type" }
    func pyRepr() -> String { "<class '__main__.\(qualname)'>" }

    func getAttribute(_ name: String) throws -> Value? {
        switch name {
        case "__name__": return .str(self.name)
        case "__qualname__": return .str(qualname)
        case "__module__": return .str("__main__")
        case "__doc__": return namespace["__doc__"] ?? Value.none
        case "__bases__": return .tuple(bases.isEmpty ? [.object(TypeObject("object"))] : bases)
        case "__mro__":
            var items = mro.map { Value.object($0) }
            if let e = exceptionClass?.base {
                var c: ExceptionClass? = e
                while let x = c {
                    items.append(.object(x))
                    c = x.base
                }
            }
            items.append(.object(TypeObject("object")))
            return .tuple(items)
        default: break
        }
        if let (value, _) = lookup(name) {
            switch value {
            case .object(let m as ClassMethodObject): return .object(BoundMethod(receiver: .object(self), function: m.function))
            case .object(let s as StaticMethodObject): return s.function
            default: return value
            }
        }
        return nil
    }
    var attributeNames: [String] {
        var names = ["__name__", "__qualname__", "__module__", "__doc__", "__bases__", "__mro__"]
        for c in mro { names += c.namespaceOrder }
        return names
    }
    func setAttribute(_ name: String, _ value: Value) throws { define(name, value) }

    func isInstance(_ value: Value) -> Bool {
        guard case .object(let o) = value else { return false }
        if let instance = o as? InstanceObject { return instance.cls.isSubclass(of: self) }
        if let e = o as? ExceptionInstance, let mine = exceptionClass { return e.type.isSubclass(of: mine) }
        return false
    }
}

/// An instance of a user class (not an exception: those are `ExceptionInstance`s).
final class InstanceObject: PyObject {
    let cls: ClassObject
    var attributes: [String: Value] = [:]
    var attributeOrder: [String] = []

    init(cls: ClassObject) { self.cls = cls }

    var pyTypeName: String { cls.name }
    func pyRepr() -> String { "<__main__.\(cls.qualname) object at \(fakeAddress(self))>" }

    /// Instance attributes, then the class's (methods bound to this instance). Properties are resolved by the
    /// interpreter, which can call their getters; here they read as absent.
    func getAttribute(_ name: String) throws -> Value? {
        if name == "__class__" { return .object(cls) }
        if name == "__dict__" {
            return .dict(PyDict(attributeOrder.compactMap { k in attributes[k].map { (Value.str(k), $0) } }))
        }
        if let v = attributes[name] { return v }
        if let (value, _) = cls.lookup(name) { return bindClassAttribute(value, to: .object(self), cls: cls) }
        return nil
    }
    var attributeNames: [String] { attributeOrder + cls.attributeNames.filter { !$0.hasPrefix("__") } }
    func setAttribute(_ name: String, _ value: Value) throws {
        if attributes[name] == nil { attributeOrder.append(name) }
        attributes[name] = value
    }
    func deleteAttribute(_ name: String) -> Bool {
        guard attributes.removeValue(forKey: name) != nil else { return false }
        attributeOrder.removeAll { $0 == name }
        return true
    }
}

/// A class attribute as seen through an instance: functions become bound methods, `classmethod`s bind to the
/// class, `staticmethod`s unwrap; anything else (including a `property`) is returned as is.
func bindClassAttribute(_ value: Value, to receiver: Value, cls: ClassObject) -> Value {
    switch value {
    case .object(let fn as FunctionObject): return .object(BoundMethod(receiver: receiver, function: .object(fn)))
    case .object(let m as ClassMethodObject): return .object(BoundMethod(receiver: .object(cls), function: m.function))
    case .object(let s as StaticMethodObject): return s.function
    // A method a library wrote in Swift for a user class (dataclasses' `__init__`): binds like a function.
    case .object(let b as InterpBuiltin) where b.typeName == "function": return .object(BoundMethod(receiver: receiver, function: value))
    default: return value
    }
}

/// A function bound to its first argument (`obj.method`).
final class BoundMethod: PyObject {
    let receiver: Value
    let function: Value

    init(receiver: Value, function: Value) {
        self.receiver = receiver
        self.function = function
    }

    var pyTypeName: String { "method" }
    func pyRepr() -> String {
        let name = (function.object(as: FunctionObject.self)?.qualname) ?? "?"
        return "<bound method \(name) of \(receiver.repr())>"
    }
    func getAttribute(_ name: String) throws -> Value? {
        switch name {
        case "__self__": return receiver
        case "__func__": return function
        default:
            if case .object(let o) = function { return try o.getAttribute(name) }
            return nil
        }
    }
    func pyEquals(_ other: Value) -> Bool {
        guard case .object(let m as BoundMethod) = other else { return false }
        return m.receiver == receiver && m.function == function
    }
}

/// `staticmethod(f)`.
final class StaticMethodObject: PyObject {
    let function: Value
    init(_ function: Value) { self.function = function }
    var pyTypeName: String { "staticmethod" }
    func pyRepr() -> String { "<staticmethod(\(function.repr()))>" }
}

/// `classmethod(f)`.
final class ClassMethodObject: PyObject {
    let function: Value
    init(_ function: Value) { self.function = function }
    var pyTypeName: String { "classmethod" }
    func pyRepr() -> String { "<classmethod(\(function.repr()))>" }
}

/// `property(fget, fset)`, and the `@x.setter` decorator that copies it with a setter.
final class PropertyObject: PyObject {
    let getter: Value
    let setter: Value
    init(getter: Value, setter: Value) {
        self.getter = getter
        self.setter = setter
    }
    var pyTypeName: String { "property" }
    func pyRepr() -> String { "<property object at \(fakeAddress(self))>" }
    func getAttribute(_ name: String) throws -> Value? {
        switch name {
        case "fget": return getter
        case "fset": return setter
        case "setter":
            return .object(NativeFunction(name: "setter") { [getter] a in
                guard a.positional.count == 1 else {
                    throw PythonError.typeError("setter() takes exactly one argument (\(a.positional.count) given)")
                }
                return .object(PropertyObject(getter: getter, setter: a.positional[0]))
            })
        case "getter":
            return .object(NativeFunction(name: "getter") { [setter] a in
                guard a.positional.count == 1 else {
                    throw PythonError.typeError("getter() takes exactly one argument (\(a.positional.count) given)")
                }
                return .object(PropertyObject(getter: a.positional[0], setter: setter))
            })
        case "__doc__":
            if case .object(let fn as FunctionObject) = getter { return fn.doc.map(Value.str) ?? Value.none }
            return Value.none
        default: return nil
        }
    }
}

/// `super()` inside a method: attribute lookup starts after `cls` in the MRO of the receiver's class.
final class SuperObject: PyObject {
    let cls: ClassObject
    let receiver: Value
    /// The receiver's class (the receiver itself for a classmethod's `cls`).
    let receiverClass: ClassObject

    init(cls: ClassObject, receiver: Value, receiverClass: ClassObject) {
        self.cls = cls
        self.receiver = receiver
        self.receiverClass = receiverClass
    }

    var pyTypeName: String { "super" }
    func pyRepr() -> String { "<super: <class '\(cls.name)'>, <\(receiverClass.name) object>>" }

    /// The attribute from the classes after `cls`, bound to the receiver; nil to fall back to the builtin base.
    func findInUserClasses(_ name: String) -> Value? {
        let mro = receiverClass.mro
        guard let start = mro.firstIndex(where: { $0 === cls }) else { return nil }
        for c in mro[(start + 1)...] {
            if let v = c.namespace[name] { return bindClassAttribute(v, to: receiver, cls: receiverClass) }
        }
        return nil
    }
}

/// A user instance standing in a synchronous formatter with its `__str__` and `__repr__` already computed.
final class PreformattedObject: PyObject {
    let original: Value
    let strText: String
    let reprText: String
    init(original: Value, str: String, repr: String) {
        self.original = original
        self.strText = str
        self.reprText = repr
    }
    var pyTypeName: String { original.typeName }
    func pyRepr() -> String { reprText }
    func pyStr() -> String { strText }
}

/// `NotImplemented`, as `__eq__` returns it for types it does not compare with.
final class NotImplementedObject: PyObject, Sendable {
    static let shared = NotImplementedObject()
    var pyTypeName: String { "NotImplementedType" }
    func pyRepr() -> String { "NotImplemented" }
}
