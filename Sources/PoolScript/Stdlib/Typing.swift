/// `typing`: the names client code imports for annotations. Each is a harmless object that can be subscripted
/// (`Optional[int]`, `Dict[str, Any]`) and printed (`typing.Optional[int]`); PoolScript never checks types.
final class TypingForm: PyObject {
    let name: String
    let shortName: String

    init(_ name: String, shortName: String) {
        self.name = name
        self.shortName = shortName
    }

    var pyTypeName: String { "_SpecialForm" }
    func pyRepr() -> String { name }
    func getAttribute(_ name: String) throws -> Value? {
        switch name {
        case "__name__", "_name": .str(shortName)
        default: nil
        }
    }
    func getItem(_ key: Value) throws -> Value {
        let items: [Value]
        if case .tuple(let t) = key { items = t } else { items = [key] }
        let inner = items.map(typingRepr).joined(separator: ", ")
        return .object(TypingForm("\(name)[\(inner)]", shortName: shortName))
    }
    /// `TypeVar('T')`, `NewType('UserId', int)` and the like: calling a form gives a form (NewType: the identity).
    func call(_ arguments: Arguments) throws -> Value {
        if shortName == "NewType", arguments.positional.count == 2 {
            return .object(NativeFunction(name: arguments.positional[0].str()) { a in a.positional.first ?? .none })
        }
        if shortName == "cast", arguments.positional.count == 2 { return arguments.positional[1] }
        if case .str(let n)? = arguments.positional.first { return .object(TypingForm("~" + n, shortName: n)) }
        return .object(TypingForm(name + "()", shortName: shortName))
    }
}

/// How `typing` prints an argument: classes by name (`int`), forms by their repr, None as `None`.
private func typingRepr(_ v: Value) -> String {
    switch v {
    case .object(let t as TypeObject): return t.shortName
    case .object(let c as ClassObject): return c.name
    case .object(let f as TypingForm): return f.name
    case .none: return "None"
    case .list(let l): return "[" + l.items.map(typingRepr).joined(separator: ", ") + "]"
    default: return v.repr()
    }
}

extension Interpreter {
    func typingModule() -> StdlibModuleSpec {
        var natives: [String: Value] = [:]
        for name in [
            "Any", "Optional", "List", "Dict", "Union", "Callable", "Awaitable", "Coroutine", "Tuple", "Set",
            "FrozenSet", "Iterable", "Iterator", "AsyncIterator", "AsyncIterable", "AsyncGenerator", "Generator",
            "Sequence", "Mapping", "MutableMapping", "Type", "TypeVar", "Generic", "Protocol", "Literal", "Final",
            "ClassVar", "Annotated", "NoReturn", "Never", "Self", "TypedDict", "NamedTuple", "NewType", "ParamSpec",
            "Concatenate", "TypeAlias", "Deque", "DefaultDict", "Counter", "OrderedDict", "cast", "TypeGuard",
            "Hashable", "Sized", "SupportsInt", "IO", "TextIO", "BinaryIO", "Pattern", "Match",
        ] {
            natives[name] = .object(TypingForm("typing." + name, shortName: name))
        }
        natives["TYPE_CHECKING"] = .bool(false)
        natives["overload"] = native("overload") { a in a.positional.first ?? .none }
        natives["final"] = native("final") { a in a.positional.first ?? .none }
        natives["runtime_checkable"] = native("runtime_checkable") { a in a.positional.first ?? .none }
        natives["get_type_hints"] = native("get_type_hints") { _ in .dict(PyDict()) }
        return StdlibModuleSpec(natives: natives)
    }
}

/// What `object()` makes: a featureless object, equal only to itself (a sentinel). repr: `<object object at 0x…>`.
final class PlainObject: PyObject {
    var pyTypeName: String { "object" }
    func pyRepr() -> String { "<object object at \(fakeAddress(self))>" }
}
