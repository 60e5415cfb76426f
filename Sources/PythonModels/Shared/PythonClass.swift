import PoolScript

/// A class implemented in Swift: calling it constructs an instance. repr `<class 'httpx.Limits'>`.
package final class PythonClass: PyClass {
    package let name: String
    /// `__module__`; openai rewrites it on the httpx2 classes it re-exports (see ``ClassRegistry``).
    package var module: String
    private let construct: (Arguments) throws -> Value
    /// `isinstance(x, cls)`; by default an object whose type name is the class name. Classes with Swift
    /// subclasses (openai's `DefaultAsyncHttpxClient` is an `httpx2.AsyncClient`) pass their own test.
    var instanceCheck: ((Value) -> Bool)?
    /// The classes this one derives from (`_DefaultHttpxClient` from `httpx2.Client`), for `issubclass`.
    var bases: [PythonClass] = []
    /// Class-level attributes (e.g. constants), looked up by `getAttribute`.
    var classAttributes: [String: Value] = [:]
    /// `__init__`'s parameters, for completion and hints (construction binds its own).
    let parameters: [Parameter]

    init(
        name: String, module: String, parameters: [Parameter] = [],
        construct: @escaping (Arguments) throws -> Value
    ) {
        self.name = name
        self.module = module
        self.parameters = parameters
        self.construct = construct
    }

    package func isInstance(_ value: Value) -> Bool {
        if let instanceCheck { return instanceCheck(value) }
        guard case .object(let object) = value else { return false }
        return object.pyTypeName == name
    }

    package func isSubclass(of other: any PyClass) -> Bool {
        self === other || bases.contains { $0.isSubclass(of: other) }
    }

    package var pyTypeName: String { "type" }
    package func pyRepr() -> String { "<class '\(module).\(name)'>" }
    package func call(_ arguments: Arguments) throws -> Value { try construct(arguments) }
    package var attributeNames: [String] { ["__name__", "__module__"] + classAttributes.keys.sorted() }

    package func getAttribute(_ attribute: String) throws -> Value? {
        switch attribute {
        case "__name__", "__qualname__": .str(name)
        case "__module__": .str(module)
        default: classAttributes[attribute]
        }
    }
}

extension PythonClass {
    /// Sets the base class (once; the registry hands out the same class every time) and returns the class.
    func derived(from base: PythonClass) -> PythonClass {
        if bases.isEmpty { bases = [base] }
        return self
    }
}

extension PythonClass: PyParameterized {
    package var keywordNames: [String] { parameters.keywordNames }
}

/// A method bound to a Swift object, shown as Python shows bound methods; `parameters` is its signature, for
/// completion and hints.
func pyMethod(
    _ owner: String, _ name: String, parameters: [Parameter] = [], _ body: @escaping (Arguments) throws -> Value
) -> Value {
    .object(NativeFunction(name: "\(owner).\(name)", body).withParameters(parameters))
}
