/// The builtins a script sees: functions, types and exception classes. A host may shadow any of them by
/// setting a global of the same name (the Playground replaces `help`).
extension Interpreter {
    typealias BuiltinBody = nonisolated(nonsending) (Interpreter, Arguments, Frame) async throws -> Value

    func installBuiltins() {
        installCoreBuiltins()
        installIterationBuiltins()
        installObjectBuiltins()
    }

    func defineFunction(_ name: String, _ body: @escaping BuiltinBody) {
        builtins[name] = .object(InterpBuiltin(name, body))
    }

    func defineType(_ name: String, _ body: @escaping BuiltinBody) {
        builtins[name] = .object(TypeObject(name, constructor: body))
    }

    /// Exception classes, `print`, `len`, `range`, `type`, `isinstance`, `issubclass`, `repr` and the
    /// constructors of the value types (`str`, `int`, `float`, `bool`, `list`, `tuple`, `dict`, `bytes`).
    private func installCoreBuiltins() {
        let function = defineFunction
        let type = defineType
        for c in ExceptionClass.builtinClasses { builtins[c.name] = .object(c) }
        builtins["Ellipsis"] = .object(EllipsisObject.shared)
        builtins["__name__"] = .str("__main__")
        builtins["__doc__"] = .none

        function("print") { i, a, f in
            let b = try a.bind(
                "print",
                [
                    Parameter("values", kind: .varPositional), Parameter("sep", kind: .keywordOnly, default: .str(" ")),
                    Parameter("end", kind: .keywordOnly, default: .str("\n")),
                    Parameter("file", kind: .keywordOnly, default: Value.none),
                    Parameter("flush", kind: .keywordOnly, default: .bool(false)),
                ]
            )
            func text(_ v: Value, _ what: String) throws -> String {
                switch v {
                case .none: return what == "sep" ? " " : "\n"
                case .str(let s): return s
                default: throw PythonError.typeError("\(what) must be None or a string, not \(v.typeName)")
                }
            }
            let sep = try text(b["sep"], "sep")
            let end = try text(b["end"], "end")
            var parts: [String] = []
            for v in b.extraPositional { parts.append(try await i.strAsync(v, f)) }
            let text = parts.joined(separator: sep) + end
            switch b["file"] {
            case .none: i.host.write(text)
            case .object(let stream as StreamObject): stream.write(text)
            case let file:
                // Any object with `write` (a user class collecting output): each piece written on its own, as
                // CPython's print does (value, sep, value, …, end).
                guard let write = try? i.getAttribute(file, "write") else {
                    throw PythonError.attributeError("'\(file.typeName)' object has no attribute 'write'")
                }
                for (k, part) in parts.enumerated() {
                    if k > 0 { _ = try await i.call(write, Arguments(positional: [.str(sep)]), f) }
                    _ = try await i.call(write, Arguments(positional: [.str(part)]), f)
                }
                _ = try await i.call(write, Arguments(positional: [.str(end)]), f)
            }
            return .none
        }
        function("len") { i, a, f in
            // `len` is METH_O in CPython: its arity error has its own wording.
            if a.keywords.isEmpty, a.positional.count != 1 {
                throw PythonError.typeError("len() takes exactly one argument (\(a.positional.count) given)")
            }
            let b = try a.bind("len", [Parameter("obj")])
            if let n = try await i.userLength(b["obj"], f) { return .int(n) }
            return .int(try i.length(b["obj"]))
        }
        type("range") { i, a, _ in
            guard a.keywords.isEmpty else { throw PythonError.typeError("range() takes no keyword arguments") }
            let ints = try a.positional.map { v -> Int in
                switch v {
                case .int(let n): return n
                case .bool(let t): return t ? 1 : 0
                default: throw PythonError.typeError("'\(v.typeName)' object cannot be interpreted as an integer")
                }
            }
            switch ints.count {
            case 1: return .object(RangeObject(start: 0, stop: ints[0], step: 1))
            case 2: return .object(RangeObject(start: ints[0], stop: ints[1], step: 1))
            case 3:
                guard ints[2] != 0 else { throw PythonError.valueError("range() arg 3 must not be zero") }
                return .object(RangeObject(start: ints[0], stop: ints[1], step: ints[2]))
            case 0: throw PythonError.typeError("range expected at least 1 argument, got 0")
            default: throw PythonError.typeError("range expected at most 3 arguments, got \(ints.count)")
            }
        }
        type("type") { i, a, _ in
            guard a.positional.count == 1, a.keywords.isEmpty else {
                if a.positional.count == 3 {
                    throw PythonError.notImplementedError(
                        "creating classes with type() is not supported in PoolPlay's Python subset"
                    )
                }
                throw PythonError.typeError("type() takes 1 or 3 arguments")
            }
            return i.typeObject(of: a.positional[0])
        }
        builtins["object"] = .object(
            TypeObject("object") { _, a, _ in
                if !a.positional.isEmpty || !a.keywords.isEmpty { throw PythonError.typeError("object() takes no arguments") }
                return .object(PlainObject())
            })
        builtins["NotImplemented"] = .object(NotImplementedObject.shared)
        function("super") { i, a, f in try i.makeSuper(a, f) }
        function("vars") { i, a, f in
            let b = try a.bind("vars", [Parameter("object", optional: true)])
            guard b.isGiven("object") else { return .dict(PyDict(f.scope.vars.sorted { $0.key < $1.key }.map { (Value.str($0.key), $0.value) })) }
            let v = b["object"]
            switch v {
            case .object(let instance as InstanceObject): return try instance.getAttribute("__dict__") ?? .dict(PyDict())
            case .object(let e as ExceptionInstance) where e.userClass != nil:
                return .dict(PyDict(e.userAttributes.sorted { $0.key < $1.key }.map { (Value.str($0.key), $0.value) }))
            case .object(let m as ModuleObject):
                return .dict(PyDict(m.attributes.sorted { $0.key < $1.key }.map { (Value.str($0.key), $0.value) }))
            case .object(let c as ClassObject):
                return .dict(PyDict(c.namespaceOrder.compactMap { k in c.namespace[k].map { (Value.str(k), $0) } }))
            default:
                throw PythonError.typeError("vars() argument must have __dict__ attribute")
            }
        }
        type("property") { _, a, _ in
            let b = try a.bind(
                "property",
                [
                    Parameter("fget", default: Value.none), Parameter("fset", default: Value.none),
                    Parameter("fdel", default: Value.none), Parameter("doc", default: Value.none),
                ]
            )
            return .object(PropertyObject(getter: b["fget"], setter: b["fset"]))
        }
        type("staticmethod") { _, a, _ in
            .object(StaticMethodObject(try a.bind("staticmethod", [Parameter("function")])["function"]))
        }
        type("classmethod") { _, a, _ in
            .object(ClassMethodObject(try a.bind("classmethod", [Parameter("function")])["function"]))
        }
        function("isinstance") { i, a, _ in
            let b = try a.bind("isinstance", [Parameter("obj"), Parameter("class_or_tuple")])
            return .bool(try i.isInstance(b["obj"], b["class_or_tuple"]))
        }
        function("issubclass") { i, a, _ in
            let b = try a.bind("issubclass", [Parameter("cls"), Parameter("class_or_tuple")])
            return .bool(try i.isSubclass(b["cls"], b["class_or_tuple"]))
        }
        function("repr") { i, a, f in .str(try await i.reprAsync(try a.bind("repr", [Parameter("obj")])["obj"], f)) }
        function("ascii") { _, a, _ in .str(asciiRepr(try a.bind("ascii", [Parameter("obj")])["obj"].repr())) }
        type("str") { i, a, f in
            let b = try a.bind(
                "str",
                [
                    Parameter("object", default: .str("")), Parameter("encoding", default: Value.none),
                    Parameter("errors", default: Value.none),
                ]
            )
            if case .bytes(let bytes) = b["object"], b.isGiven("encoding") {
                return .str(String(decoding: bytes, as: UTF8.self))
            }
            return .str(try await i.strAsync(b["object"], f))
        }
        type("int") { i, a, _ in
            let b = try a.bind("int", [Parameter("x", default: .int(0)), Parameter("base", default: Value.none)])
            return try i.toInt(b["x"], base: b.isGiven("base") ? b["base"] : nil)
        }
        type("float") { i, a, _ in
            let b = try a.bind("float", [Parameter("x", default: .float(0))])
            return try i.toFloat(b["x"])
        }
        type("bool") { i, a, f in .bool(try await i.truthy(try a.bind("bool", [Parameter("x", default: .bool(false))])["x"], f)) }
        type("list") { i, a, f in
            let b = try a.bind("list", [Parameter("iterable", default: .tuple([]))])
            let items = try await i.iterateAsync(b["iterable"], f)
            try i.checkSize(items.count)
            return .list(PyList(items))
        }
        type("set") { i, a, f in
            let b = try a.bind("set", [Parameter("iterable", default: .tuple([]))])
            if case .object(let other as PySetObject) = b["iterable"] { return .object(try PySetObject.copying(other, frozen: false)) }
            let items = try await i.iterateAsync(b["iterable"], f)
            try i.checkSize(items.count)
            return .object(try PySetObject(items))
        }
        type("frozenset") { i, a, f in
            let b = try a.bind("frozenset", [Parameter("iterable", default: .tuple([]))])
            if case .object(let other as PySetObject) = b["iterable"] { return .object(try PySetObject.copying(other, frozen: true)) }
            return .object(try PySetObject(try await i.iterateAsync(b["iterable"], f), frozen: true))
        }
        type("tuple") { i, a, f in
            let b = try a.bind("tuple", [Parameter("iterable", default: .tuple([]))])
            return .tuple(try await i.iterateAsync(b["iterable"], f))
        }
        type("dict") { i, a, _ in
            let b = try a.bind(
                "dict",
                [Parameter("mapping", default: Value.none), Parameter("kwargs", kind: .varKeyword)]
            )
            let d = PyDict()
            switch i.dictBacking(b["mapping"]).map(Value.dict) ?? b["mapping"] {
            case .none: break
            case .dict(let other): for (k, v) in other.pairs { try d.set(k, v) }
            case let other:
                for (n, item) in try i.iterate(other).enumerated() {
                    let pair = try i.iterate(item)
                    guard pair.count == 2 else {
                        throw PythonError.valueError(
                            "dictionary update sequence element #\(n) has length \(pair.count); 2 is required"
                        )
                    }
                    try d.set(pair[0], pair[1])
                }
            }
            for (k, v) in b.extraKeywords { try d.set(.str(k), v) }
            return .dict(d)
        }
        type("bytes") { i, a, _ in
            let b = try a.bind(
                "bytes",
                [
                    Parameter("source", default: .bytes([])), Parameter("encoding", default: Value.none),
                    Parameter("errors", default: Value.none),
                ]
            )
            switch b["source"] {
            case .str(let s):
                guard b.isGiven("encoding") else { throw PythonError.typeError("string argument without an encoding") }
                return .bytes(Array(s.utf8))
            case .bytes(let bytes): return .bytes(bytes)
            case .int(let n):
                guard n >= 0 else { throw PythonError.valueError("negative count") }
                try i.checkSize(n)
                return .bytes([UInt8](repeating: 0, count: n))
            case let other:
                return .bytes(
                    try i.iterate(other).map { v in
                        guard case .int(let n) = v, (0...255).contains(n) else {
                            throw PythonError.valueError("bytes must be in range(0, 256)")
                        }
                        return UInt8(n)
                    }
                )
            }
        }
    }
}
