import BigInt

/// Builtins about objects and the session: `hasattr`, `getattr`, `setattr`, `callable`, `id`, `hash`, `chr`, `ord`,
/// `bin`/`oct`/`hex`, `divmod`, `pow`, `format`, `dir`, `help`, `globals`, `iter`, `next`, and the refusals
/// (`input`, `open`, …).
extension Interpreter {
    func installObjectBuiltins() {
        let function = defineFunction
        function("hasattr") { i, a, f in
            let b = try a.bind("hasattr", [Parameter("obj"), Parameter("name")])
            guard case .str(let name) = b["name"] else {
                throw PythonError.typeError("attribute name must be string, not '\(b["name"].typeName)'")
            }
            do {
                _ = try await i.getAttributeAsync(b["obj"], name, f)
                return .bool(true)
            } catch let e as PythonError where e.type.isSubclass(of: .attributeError) { return .bool(false) }
        }
        function("getattr") { i, a, f in
            let b = try a.bind("getattr", [Parameter("obj"), Parameter("name"), Parameter("default", optional: true)])
            guard case .str(let name) = b["name"] else {
                throw PythonError.typeError("attribute name must be string, not '\(b["name"].typeName)'")
            }
            do { return try await i.getAttributeAsync(b["obj"], name, f) } catch let e as PythonError
                where e.type.isSubclass(of: .attributeError) && b.isGiven("default")
            { return b["default"] }
        }
        function("setattr") { i, a, f in
            let b = try a.bind("setattr", [Parameter("obj"), Parameter("name"), Parameter("value")])
            guard case .str(let name) = b["name"] else {
                throw PythonError.typeError("attribute name must be string, not '\(b["name"].typeName)'")
            }
            try await i.setAttributeAsync(b["obj"], name, b["value"], f)
            return .none
        }
        function("callable") { _, a, _ in
            let v = try a.bind("callable", [Parameter("obj")])["obj"]
            guard case .object(let o) = v else { return .bool(false) }
            return .bool(
                o is FunctionObject || o is InterpBuiltin || o is TypeObject || o is NativeFunction
                    || o is ExceptionClass || o is ClassObject || o is BoundMethod
                    || ((o as? InstanceObject)?.cls.lookup("__call__") != nil)
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
            if case .int(let n) = key { return .int(pythonHash(BigInt(n))) }
            if case .big(let n) = key { return .int(pythonHash(n)) }
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
                guard let n = v.bigInt else {
                    throw PythonError.typeError("'\(v.typeName)' object cannot be interpreted as an integer")
                }
                return .str((n.sign == .minus ? "-" : "") + prefix + String(n.magnitude, radix: radix))
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
            if case .none = b["mod"] { return try i.binaryOp(.pow, b["base"], b["exp"]) }
            if let base = b["base"].bigInt, let exp = b["exp"].bigInt, let mod = b["mod"].bigInt {
                guard !mod.isZero else { throw PythonError.valueError("pow() 3rd argument cannot be 0") }
                var base = base
                var exp = exp
                if exp.sign == .minus {
                    // Python 3.8+: a negative exponent uses the modular inverse of the base.
                    guard let inverse = bigFloorDivMod(base, mod).1.inverse(BigInt(mod.magnitude)) else {
                        throw PythonError.valueError("base is not invertible for the given modulus")
                    }
                    base = inverse
                    exp = -exp
                }
                let r = base.power(exp, modulus: mod)
                return .integer(bigFloorDivMod(r, mod).1)
            }
            let r = try i.binaryOp(.pow, b["base"], b["exp"])
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
        function("iter") { i, a, f in
            let v = try a.bind("iter", [Parameter("object")])["object"]
            // The iterator type names CPython 3.11 prints.
            let name: String
            switch v {
            case .str(let s): name = s.unicodeScalars.allSatisfy(\.isASCII) ? "str_ascii_iterator" : "str_iterator"
            case .list: name = "list_iterator"
            case .tuple: name = "tuple_iterator"
            case .dict: name = "dict_keyiterator"
            case .bytes: name = "bytes_iterator"
            case .object(let o) where o is RangeObject: name = "range_iterator"
            case .object(let o as IteratorObject): return .object(o)
            case .object(let o as GeneratorObject): return .object(o)
            default:
                // A user iterable: its `__iter__` (an iterator with `__next__` stays lazy, as `itertools.count()`).
                switch try await i.userIteration(v, f) {
                case .lazy(let iterator)?: return iterator
                case .stream(let iterator)?:
                    if let object = iterator as? any PyObject { return .object(object) }
                case .items, nil: break
                }
                name = "iterator"
            }
            return .object(IteratorObject(name, try await i.iterateAsync(v, f)))
        }
        function("aiter") { i, a, f in
            let v = try a.bind("aiter", [Parameter("async_iterable")])["async_iterable"]
            if case .object(let g as AsyncGeneratorObject) = v { return .object(g) }
            guard i.userClass(of: v) != nil, let r = try await i.callDunder(v, "__aiter__", [], f) else {
                throw PythonError.typeError("'\(v.typeName)' object is not an async iterable")
            }
            return r
        }
        function("anext") { i, a, f in
            let b = try a.bind("anext", [Parameter("aiterator"), Parameter("default", optional: true)])
            let v = b["aiterator"]
            let step: Value
            if case .object(let g as AsyncGeneratorObject) = v {
                step = g.awaitable("asend", .send(.none))
            } else if i.userClass(of: v) != nil, let r = try await i.callDunder(v, "__anext__", [], f) {
                step = r
            } else {
                throw PythonError.typeError("'\(v.typeName)' object is not an async iterator")
            }
            guard b.isGiven("default") else { return step }
            let fallback = b["default"]
            return .object(AsyncGeneratorStep(kind: "anext_awaitable") { context in
                do {
                    guard case .object(let o as PyAwaitable) = step else { return step }
                    return try await o.awaitValue(context)
                } catch let e as PythonError where e.type.isSubclass(of: .stopAsyncIteration) {
                    return fallback
                }
            })
        }
        function("next") { i, a, f in
            let b = try a.bind("next", [Parameter("iterator"), Parameter("default", optional: true)])
            // A user iterator (itertools.count, a class with __next__): its __next__, StopIteration → default.
            if let cls = i.userClass(of: b["iterator"]), cls.lookup("__next__") != nil {
                do {
                    return try await i.callDunder(b["iterator"], "__next__", [], f) ?? .none
                } catch let e as PythonError where e.type.isSubclass(of: .stopIteration) && b.isGiven("default") {
                    return b["default"]
                }
            }
            if case .object(let g as GeneratorObject) = b["iterator"] {
                do {
                    return try await g.send(.none, f)
                } catch let e as PythonError where e.type.isSubclass(of: .stopIteration) && b.isGiven("default") {
                    return b["default"]
                }
            }
            guard case .object(let o) = b["iterator"], let it = o as? IteratorObject else {
                throw PythonError.typeError("'\(b["iterator"].typeName)' object is not an iterator")
            }
            guard let item = it.take() else {
                if b.isGiven("default") { return b["default"] }
                throw PythonError(.stopIteration, "")
            }
            return item
        }
    }
}
