/// The builtins a script sees: functions, types and exception classes. A host may shadow any of them by
/// setting a global of the same name (the Playground replaces `help`).
extension Interpreter {
    typealias BuiltinBody = nonisolated(nonsending) (Interpreter, Arguments, Frame) async throws -> Value

    func installBuiltins() {
        func function(_ name: String, _ body: @escaping BuiltinBody) {
            builtins[name] = .object(InterpBuiltin(name, body))
        }
        func type(_ name: String, _ body: @escaping BuiltinBody) {
            builtins[name] = .object(TypeObject(name, constructor: body))
        }
        for c in ExceptionClass.builtinClasses { builtins[c.name] = .object(c) }
        builtins["Ellipsis"] = .object(EllipsisObject.shared)
        builtins["__name__"] = .str("__main__")

        function("print") { i, a, _ in
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
            i.host.write(b.extraPositional.map { $0.str() }.joined(separator: sep) + end)
            return .none
        }
        function("len") { i, a, _ in
            // `len` is METH_O in CPython: its arity error has its own wording.
            if a.keywords.isEmpty, a.positional.count != 1 {
                throw PythonError.typeError("len() takes exactly one argument (\(a.positional.count) given)")
            }
            let b = try a.bind("len", [Parameter("obj")])
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
        builtins["object"] = .object(TypeObject("object"))
        function("isinstance") { i, a, _ in
            let b = try a.bind("isinstance", [Parameter("obj"), Parameter("class_or_tuple")])
            return .bool(try i.isInstance(b["obj"], b["class_or_tuple"]))
        }
        function("issubclass") { i, a, _ in
            let b = try a.bind("issubclass", [Parameter("cls"), Parameter("class_or_tuple")])
            return .bool(try i.isSubclass(b["cls"], b["class_or_tuple"]))
        }
        function("repr") { _, a, _ in .str(try a.bind("repr", [Parameter("obj")])["obj"].repr()) }
        type("str") { _, a, _ in
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
            return .str(b["object"].str())
        }
        type("int") { i, a, _ in
            let b = try a.bind("int", [Parameter("x", default: .int(0)), Parameter("base", default: Value.none)])
            return try i.toInt(b["x"], base: b.isGiven("base") ? b["base"] : nil)
        }
        type("float") { i, a, _ in
            let b = try a.bind("float", [Parameter("x", default: .float(0))])
            return try i.toFloat(b["x"])
        }
        type("bool") { _, a, _ in .bool(try a.bind("bool", [Parameter("x", default: .bool(false))])["x"].isTruthy) }
        type("list") { i, a, _ in
            let b = try a.bind("list", [Parameter("iterable", default: .tuple([]))])
            let items = try i.iterate(b["iterable"])
            try i.checkSize(items.count)
            return .list(PyList(items))
        }
        type("tuple") { i, a, _ in
            let b = try a.bind("tuple", [Parameter("iterable", default: .tuple([]))])
            return .tuple(try i.iterate(b["iterable"]))
        }
        type("dict") { i, a, _ in
            let b = try a.bind(
                "dict",
                [Parameter("mapping", default: Value.none), Parameter("kwargs", kind: .varKeyword)]
            )
            let d = PyDict()
            switch b["mapping"] {
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
        function("sum") { i, a, _ in
            let b = try a.bind("sum", [Parameter("iterable"), Parameter("start", default: .int(0))])
            var total = b["start"]
            if case .str = total { throw PythonError.typeError("sum() can't sum strings [use ''.join(seq) instead]") }
            for item in try i.iterate(b["iterable"]) {
                try i.tick()
                total = try i.binaryOp(.add, total, item)
            }
            return total
        }
        function("min") { i, a, f in try await i.extreme("min", a, f, op: .lt) }
        function("max") { i, a, f in try await i.extreme("max", a, f, op: .gt) }
        function("sorted") { i, a, f in
            let b = try a.bind(
                "sorted",
                [
                    Parameter("iterable"), Parameter("key", kind: .keywordOnly, default: Value.none),
                    Parameter("reverse", kind: .keywordOnly, default: .bool(false)),
                ]
            )
            let items = try i.iterate(b["iterable"])
            return .list(PyList(try await i.sortValues(items, key: b["key"], reverse: b["reverse"].isTruthy, f)))
        }
        function("abs") { _, a, _ in
            let v = try a.bind("abs", [Parameter("x")])["x"]
            switch v {
            case .int(let n):
                if n == .min { throw PythonError(.overflowError, "integer overflow: PoolPlay's ints are 64-bit") }
                return .int(abs(n))
            case .bool(let t): return .int(t ? 1 : 0)
            case .float(let d): return .float(abs(d))
            default: throw PythonError.typeError("bad operand type for abs(): '\(v.typeName)'")
            }
        }
        function("round") { i, a, _ in
            let b = try a.bind("round", [Parameter("number"), Parameter("ndigits", default: Value.none)])
            return try i.round(b["number"], b["ndigits"])
        }
        type("enumerate") { i, a, _ in
            let b = try a.bind("enumerate", [Parameter("iterable"), Parameter("start", default: .int(0))])
            guard case .int(let start) = b["start"] else {
                throw PythonError.typeError("'\(b["start"].typeName)' object cannot be interpreted as an integer")
            }
            let items = try i.iterate(b["iterable"]).enumerated().map { pair -> Value in
                let n = pair.offset.addingReportingOverflow(start)
                if n.overflow { throw PythonError(.overflowError, "integer overflow: PoolPlay's ints are 64-bit") }
                return Value.tuple([.int(n.partialValue), pair.element])
            }
            return .object(IteratorObject("enumerate", items))
        }
        type("zip") { i, a, _ in
            let b = try a.bind(
                "zip",
                [
                    Parameter("iterables", kind: .varPositional),
                    Parameter("strict", kind: .keywordOnly, default: .bool(false)),
                ]
            )
            let lists = try b.extraPositional.map { try i.iterate($0) }
            let n = lists.map(\.count).min() ?? 0
            if b["strict"].isTruthy, Set(lists.map(\.count)).count > 1 {
                throw PythonError.valueError("zip() arguments have different lengths")
            }
            return .object(IteratorObject("zip", (0..<n).map { k in .tuple(lists.map { $0[k] }) }))
        }
        type("reversed") { i, a, _ in
            let v = try a.bind("reversed", [Parameter("sequence")])["sequence"]
            if case .dict = v { throw PythonError.typeError("'dict' object is not reversible") }
            return .object(IteratorObject("reversed", try i.iterate(v).reversed()))
        }
        type("map") { i, a, f in
            guard a.positional.count >= 2 else {
                throw PythonError.typeError("map() must have at least two arguments.")
            }
            let fn = a.positional[0]
            let lists = try a.positional.dropFirst().map { try i.iterate($0) }
            let n = lists.map(\.count).min() ?? 0
            var out: [Value] = []
            for k in 0..<n { out.append(try await i.call(fn, Arguments(positional: lists.map { $0[k] }), f)) }
            return .object(IteratorObject("map", out))
        }
        type("filter") { i, a, f in
            let b = try a.bind("filter", [Parameter("function"), Parameter("iterable")])
            var out: [Value] = []
            for item in try i.iterate(b["iterable"]) {
                let keep: Bool
                if case .none = b["function"] {
                    keep = item.isTruthy
                } else {
                    keep = try await i.call(b["function"], Arguments(positional: [item]), f).isTruthy
                }
                if keep { out.append(item) }
            }
            return .object(IteratorObject("filter", out))
        }
        function("any") { i, a, _ in
            .bool(try i.iterate(try a.bind("any", [Parameter("iterable")])["iterable"]).contains { $0.isTruthy })
        }
        function("all") { i, a, _ in
            .bool(try i.iterate(try a.bind("all", [Parameter("iterable")])["iterable"]).allSatisfy { $0.isTruthy })
        }
        function("hasattr") { i, a, _ in
            let b = try a.bind("hasattr", [Parameter("obj"), Parameter("name")])
            guard case .str(let name) = b["name"] else {
                throw PythonError.typeError("attribute name must be string, not '\(b["name"].typeName)'")
            }
            do {
                _ = try i.getAttribute(b["obj"], name)
                return .bool(true)
            } catch let e as PythonError where e.type.isSubclass(of: .attributeError) { return .bool(false) }
        }
        function("getattr") { i, a, _ in
            let b = try a.bind("getattr", [Parameter("obj"), Parameter("name"), Parameter("default", optional: true)])
            guard case .str(let name) = b["name"] else {
                throw PythonError.typeError("attribute name must be string, not '\(b["name"].typeName)'")
            }
            do { return try i.getAttribute(b["obj"], name) } catch let e as PythonError
                where e.type.isSubclass(of: .attributeError) && b.isGiven("default")
            { return b["default"] }
        }
        function("setattr") { _, a, _ in
            let b = try a.bind("setattr", [Parameter("obj"), Parameter("name"), Parameter("value")])
            guard case .str(let name) = b["name"] else {
                throw PythonError.typeError("attribute name must be string, not '\(b["name"].typeName)'")
            }
            guard case .object(let o) = b["obj"] else {
                throw PythonError.attributeError("'\(b["obj"].typeName)' object has no attribute '\(name)'")
            }
            try o.setAttribute(name, b["value"])
            return .none
        }
        function("callable") { _, a, _ in
            let v = try a.bind("callable", [Parameter("obj")])["obj"]
            guard case .object(let o) = v else { return .bool(false) }
            return .bool(
                o is FunctionObject || o is InterpBuiltin || o is TypeObject || o is NativeFunction
                    || o is ExceptionClass
            )
        }
        function("id") { _, a, _ in
            let v = try a.bind("id", [Parameter("obj")])["obj"]
            switch v {
            case .object(let o): return .int(ObjectIdentifier(o).hashValue)
            case .list(let l): return .int(ObjectIdentifier(l).hashValue)
            case .dict(let d): return .int(ObjectIdentifier(d).hashValue)
            default: return .int((try? HashKey(v).hashValue) ?? 0)
            }
        }
        function("hash") { _, a, _ in
            let v = try a.bind("hash", [Parameter("obj")])["obj"]
            let key = try HashKey(v)
            if case .int(let n) = key { return .int(n == -1 ? -2 : n) }
            return .int(key.hashValue)
        }
        function("chr") { _, a, _ in
            let v = try a.bind("chr", [Parameter("i")])["i"]
            guard case .int(let n) = v else {
                throw PythonError.typeError("'\(v.typeName)' object cannot be interpreted as an integer")
            }
            guard let u = Unicode.Scalar(UInt32(truncatingIfNeeded: max(0, n))), n >= 0, n < 0x110000 else {
                throw PythonError.valueError("chr() arg not in range(0x110000)")
            }
            return .str(String(u))
        }
        function("ord") { _, a, _ in
            let v = try a.bind("ord", [Parameter("c")])["c"]
            guard case .str(let s) = v else {
                throw PythonError.typeError("ord() expected string of length 1, but \(v.typeName) found")
            }
            let scalars = Array(s.unicodeScalars)
            guard scalars.count == 1 else {
                throw PythonError.typeError("ord() expected a character, but string of length \(scalars.count) found")
            }
            return .int(Int(scalars[0].value))
        }
        for (name, radix, prefix) in [("hex", 16, "0x"), ("oct", 8, "0o"), ("bin", 2, "0b")] {
            function(name) { _, a, _ in
                let v = try a.bind(name, [Parameter("number")])["number"]
                guard case .int(let n) = v else {
                    throw PythonError.typeError("'\(v.typeName)' object cannot be interpreted as an integer")
                }
                return .str((n < 0 ? "-" : "") + prefix + String(n.magnitude, radix: radix))
            }
        }
        function("divmod") { i, a, _ in
            let b = try a.bind("divmod", [Parameter("x"), Parameter("y")])
            // CPython 3.11 `float_divmod` names itself: "float divmod()" (`Objects/floatobject.c`).
            if case .float = b["x"], b["y"].isTruthy == false { throw PythonError(.zeroDivisionError, "float divmod()") }
            if case .float = b["y"], b["y"].isTruthy == false { throw PythonError(.zeroDivisionError, "float divmod()") }
            return .tuple([try i.binaryOp(.floorDiv, b["x"], b["y"]), try i.binaryOp(.mod, b["x"], b["y"])])
        }
        function("pow") { i, a, _ in
            let b = try a.bind("pow", [Parameter("base"), Parameter("exp"), Parameter("mod", default: Value.none)])
            let r = try i.binaryOp(.pow, b["base"], b["exp"])
            if case .none = b["mod"] { return r }
            return try i.binaryOp(.mod, r, b["mod"])
        }
        function("format") { _, a, _ in
            let b = try a.bind("format", [Parameter("value"), Parameter("format_spec", default: .str(""))])
            guard case .str(let spec) = b["format_spec"] else {
                throw PythonError.typeError("format() argument 2 must be str, not \(b["format_spec"].typeName)")
            }
            return .str(try format(b["value"], spec: spec))
        }
        function("dir") { i, a, f in
            let b = try a.bind("dir", [Parameter("object", optional: true)])
            if !b.isGiven("object") {
                return .list(PyList(f.scope.vars.keys.sorted().map(Value.str)))
            }
            let v = b["object"]
            if case .object(let o) = v { return .list(PyList(o.attributeNames.sorted().map(Value.str))) }
            return .list(PyList(i.builtinMethodNames(v).sorted().map(Value.str)))
        }
        function("help") { i, a, _ in
            let b = try a.bind("help", [Parameter("request", optional: true)])
            guard b.isGiven("request") else {
                i.host.write("Type help(object) for help about object.\n")
                return .none
            }
            i.host.write(i.helpText(b["request"]))
            return .none
        }
        function("input") { _, _, _ in
            throw PythonError.notImplementedError("input() is not available in PoolPlay's Python subset")
        }
        function("open") { _, _, _ in
            throw PythonError.notImplementedError("open() is not available in PoolPlay's Python subset (no file I/O)")
        }
        for name in ["exit", "quit"] {
            // The REPL sees `.error(e)` with `e.type === ExceptionClass.systemExit` and ends the session.
            function(name) { _, a, _ in
                let code = try a.bind(name, [Parameter("code", default: Value.none)])["code"]
                var e = PythonError(.systemExit, code == .none ? "" : code.str())
                e.arguments = code == .none ? [] : [code]
                throw e
            }
        }
        function("globals") { i, _, _ in
            .dict(PyDict(i.globals.sorted { $0.key < $1.key }.map { (Value.str($0.key), $0.value) }))
        }
        function("iter") { i, a, _ in
            let v = try a.bind("iter", [Parameter("object")])["object"]
            return .object(IteratorObject("iterator", try i.iterate(v)))
        }
        function("next") { _, a, _ in
            let b = try a.bind("next", [Parameter("iterator"), Parameter("default", optional: true)])
            guard case .object(let o) = b["iterator"], let it = o as? IteratorObject else {
                throw PythonError.typeError("'\(b["iterator"].typeName)' object is not an iterator")
            }
            guard !it.items.isEmpty else {
                if b.isGiven("default") { return b["default"] }
                throw PythonError(.stopIteration, "")
            }
            return it.items.removeFirst()
        }
    }

    /// `help(obj)` without a host override: the docstring if there is one, else the repr.
    func helpText(_ v: Value) -> String {
        var doc: String?
        if case .object(let o) = v {
            if let d = o as? PyDocumented { doc = d.pyDoc }
            if let fn = o as? FunctionObject { doc = fn.doc }
            if let fn = o as? NativeFunction { doc = fn.doc }
            if let m = o as? ModuleObject {
                return "Help on module \(m.name):\n\n"
                    + m.attributeNames.filter { !$0.hasPrefix("_") }.joined(separator: "\n") + "\n"
            }
        }
        return "Help on \(v.repr()):\n\n" + (doc ?? "No documentation.") + "\n"
    }

    func length(_ v: Value) throws -> Int {
        switch v {
        case .str(let s): return s.unicodeScalars.count
        case .bytes(let b): return b.count
        case .list(let l): return l.items.count
        case .tuple(let t): return t.count
        case .dict(let d): return d.count
        case .object(let o): return try o.length()
        case .none, .bool, .int, .float: throw PythonError.typeError("object of type '\(v.typeName)' has no len()")
        }
    }

    func isInstance(_ v: Value, _ spec: Value) throws -> Bool {
        switch spec {
        case .object(let t as TypeObject): return t.isInstance(v)
        case .object(let c as ExceptionClass):
            guard case .object(let o) = v, let e = o as? ExceptionInstance else { return false }
            return e.type.isSubclass(of: c)
        case .object(let c as PyClass): return c.isInstance(v)
        case .tuple(let items):
            for item in items where try isInstance(v, item) { return true }
            return false
        default:
            throw PythonError.typeError("isinstance() arg 2 must be a type, a tuple of types, or a union")
        }
    }

    /// `issubclass(cls, spec)`: exception classes follow their bases; builtin types match by name
    /// (`bool` derives from `int`, everything from `object`). Messages are CPython 3.11's.
    func isSubclass(_ cls: Value, _ spec: Value) throws -> Bool {
        if case .tuple(let items) = spec {
            for item in items where try isSubclass(cls, item) { return true }
            return false
        }
        guard case .object(let c) = cls, c is ExceptionClass || c is TypeObject || c is PyClass else {
            throw PythonError.typeError("issubclass() arg 1 must be a class")
        }
        switch spec {
        case .object(let base as ExceptionClass):
            guard let sub = c as? ExceptionClass else { return false }
            return sub.isSubclass(of: base)
        case .object(let t as TypeObject):
            if t.name == "object" { return true }
            if let sub = c as? TypeObject { return sub.name == t.name || (sub.name == "bool" && t.name == "int") }
            if t.name == "BaseException", c is ExceptionClass { return true }
            return false
        case .object(let base as PyClass):
            return c === base
        default:
            throw PythonError.typeError("issubclass() arg 2 must be a class, a tuple of classes, or a union")
        }
    }

    func toInt(_ v: Value, base: Value?) throws -> Value {
        if let base {
            guard case .int(let radix) = base, radix == 0 || (2...36).contains(radix) else {
                throw PythonError.valueError("int() base must be >= 2 and <= 36, or 0")
            }
            guard case .str(let s) = v else {
                throw PythonError.typeError("int() can't convert non-string with explicit base")
            }
            return try parseInt(s, radix: radix)
        }
        switch v {
        case .int: return v
        case .bool(let b): return .int(b ? 1 : 0)
        case .float(let d):
            if d.isNaN { throw PythonError.valueError("cannot convert float NaN to integer") }
            if d.isInfinite { throw PythonError(.overflowError, "cannot convert float infinity to integer") }
            guard let n = Int(exactly: d.rounded(.towardZero)) else {
                throw PythonError(.overflowError, "integer overflow: PoolPlay's ints are 64-bit")
            }
            return .int(n)
        case .str(let s): return try parseInt(s, radix: 10)
        case .bytes(let b): return try parseInt(String(decoding: b, as: UTF8.self), radix: 10)
        default:
            throw PythonError.typeError(
                "int() argument must be a string, a bytes-like object or a real number, not '\(v.typeName)'"
            )
        }
    }

    private func parseInt(_ s: String, radix: Int) throws -> Value {
        var text = Substring(s)
        while let c = text.first, c.isWhitespace { text.removeFirst() }
        while let c = text.last, c.isWhitespace { text.removeLast() }
        var negative = false
        if let c = text.first, c == "+" || c == "-" {
            negative = c == "-"
            text.removeFirst()
        }
        var r = radix
        let lower = text.lowercased()
        for (prefix, value) in [("0x", 16), ("0o", 8), ("0b", 2)]
        where lower.hasPrefix(prefix) && (radix == 0 || radix == value) {
            text = text.dropFirst(2)
            r = value
        }
        if r == 0 { r = 10 }
        let invalid = PythonError.valueError("invalid literal for int() with base \(radix): \(Value.str(s).repr())")
        guard !text.isEmpty, text.first != "_", text.last != "_", !text.contains("__") else { throw invalid }
        guard let n = Int(String(text).replacingUnderscores(), radix: r) else {
            if Int(String(text).replacingUnderscores().filter { $0 != "-" }, radix: r) == nil { throw invalid }
            throw PythonError(.overflowError, "integer overflow: PoolPlay's ints are 64-bit")
        }
        return .int(negative ? -n : n)
    }

    func toFloat(_ v: Value) throws -> Value {
        switch v {
        case .float: return v
        case .int(let n): return .float(Double(n))
        case .bool(let b): return .float(b ? 1 : 0)
        case .str(let s):
            let t = s.trimmingCharacters()
            switch t.lowercased() {
            case "inf", "+inf", "infinity", "+infinity": return .float(.infinity)
            case "-inf", "-infinity": return .float(-.infinity)
            case "nan", "+nan", "-nan": return .float(.nan)
            default: break
            }
            let cleaned = t.replacingUnderscores()
            guard !t.contains("__"), !t.hasPrefix("_"), let d = Double(cleaned), !cleaned.lowercased().contains("x")
            else {
                throw PythonError.valueError("could not convert string to float: \(v.repr())")
            }
            return .float(d)
        default:
            throw PythonError.typeError("float() argument must be a string or a real number, not '\(v.typeName)'")
        }
    }

    func round(_ number: Value, _ ndigits: Value) throws -> Value {
        switch (number, ndigits) {
        case (.float(let d), .none):
            if d.isNaN { throw PythonError.valueError("cannot convert float NaN to integer") }
            if d.isInfinite { throw PythonError(.overflowError, "cannot convert float infinity to integer") }
            guard let n = Int(exactly: d.rounded(.toNearestOrEven)) else {
                throw PythonError(.overflowError, "integer overflow: PoolPlay's ints are 64-bit")
            }
            return .int(n)
        case (.float(let d), .int(let n)):
            if n >= 0 { return .float(Double(cFormat("%.\(min(n, 300))f", d)) ?? d) }
            let scale = cPow(10, Double(-n))
            return .float((d / scale).rounded(.toNearestOrEven) * scale)
        case (.int, .none), (.int, .int):
            guard case .int(let n) = ndigits, n < 0, case .int(let i) = number else { return number }
            guard -n < 19 else { return .int(0) }
            var scale = 1
            for _ in 0..<(-n) { scale *= 10 }
            let q = try binaryOp(.floorDiv, .int(i), .int(scale))
            let r = i - (try binaryOp(.mul, q, .int(scale)).intValue)
            var qi = q.intValue
            if 2 * r > scale || (2 * r == scale && qi % 2 != 0) { qi += 1 }
            return try binaryOp(.mul, .int(qi), .int(scale))
        case (.bool(let b), _): return try round(.int(b ? 1 : 0), ndigits)
        case (.int, _), (.float, _):
            throw PythonError.typeError("'\(ndigits.typeName)' object cannot be interpreted as an integer")
        default:
            throw PythonError.typeError("type \(number.typeName) doesn't define __round__ method")
        }
    }

    nonisolated(nonsending) func extreme(_ name: String, _ a: Arguments, _ f: Frame, op: CompareOp) async throws
        -> Value
    {
        let b = try a.bind(
            name,
            [
                Parameter("args", kind: .varPositional), Parameter("key", kind: .keywordOnly, default: Value.none),
                Parameter("default", kind: .keywordOnly, optional: true),
            ]
        )
        let items: [Value]
        if b.extraPositional.count == 1 {
            items = try iterate(b.extraPositional[0])
        } else if b.extraPositional.isEmpty {
            throw PythonError.typeError("\(name) expected at least 1 argument, got 0")
        } else {
            if b.isGiven("default") {
                throw PythonError.typeError("Cannot specify a default for \(name)() with multiple positional arguments")
            }
            items = b.extraPositional
        }
        guard var best = items.first else {
            if b.isGiven("default") { return b["default"] }
            throw PythonError.valueError("\(name)() arg is an empty sequence")
        }
        let key = b["key"]
        nonisolated(nonsending) func keyOf(_ v: Value) async throws -> Value {
            if case .none = key { return v }
            return try await call(key, Arguments(positional: [v]), f)
        }
        var bestKey = try await keyOf(best)
        for item in items.dropFirst() {
            let k = try await keyOf(item)
            if try compare(op, k, bestKey) {
                best = item
                bestKey = k
            }
        }
        return best
    }

    nonisolated(nonsending) func sortValues(_ items: [Value], key: Value, reverse: Bool, _ f: Frame) async throws
        -> [Value]
    {
        var keyed: [(Value, Value)] = []
        for item in items {
            if case .none = key {
                keyed.append((item, item))
            } else {
                keyed.append((try await call(key, Arguments(positional: [item]), f), item))
            }
        }
        try keyed.sort { x, y in reverse ? try order(.lt, y.0, x.0) : try order(.lt, x.0, y.0) }
        return keyed.map(\.1)
    }
}

extension Value {
    var intValue: Int {
        switch self {
        case .int(let i): return i
        case .bool(let b): return b ? 1 : 0
        default: return 0
        }
    }
}

extension String {
    func trimmingCharacters() -> String {
        var s = Substring(self)
        while let c = s.first, c.isWhitespace { s.removeFirst() }
        while let c = s.last, c.isWhitespace { s.removeLast() }
        return String(s)
    }
}
