import BigInt

/// Conversions and checks behind the builtins: `len`, `isinstance`, `issubclass`, `int()`, `float()`, `round()`,
/// `min`/`max` and `sorted`.
extension Interpreter {
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
        case .object(let t as TypeObject) where t.name == "dict" && dictBacking(v) != nil: return true
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

    /// The plain dict behind a `collections` mapping (`Counter`, `defaultdict`, `OrderedDict`): CPython's are dict
    /// subclasses, so `isinstance(c, dict)`, `json.dumps(c)` and `dict(c)` see them as dicts. PoolScript writes
    /// them in Python over `self._d`; their classes carry `_dict_subclass = True`.
    func dictBacking(_ v: Value) -> PyDict? {
        guard case .object(let instance as InstanceObject) = v,
            case (.bool(true), _)? = instance.cls.lookup("_dict_subclass"),
            case .dict(let d)? = instance.attributes["_d"]
        else { return nil }
        return d
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
        if let sub = c as? ClassObject {
            switch spec {
            case .object(let base as ClassObject): return sub.isSubclass(of: base)
            case .object(let base as ExceptionClass): return sub.exceptionClass?.isSubclass(of: base) ?? false
            case .object(let t as TypeObject): return t.name == "object"
            default: break
            }
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
            if let sub = c as? PyClass { return sub.isSubclass(of: base) }
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
            return .integer(BigInt(d.rounded(.towardZero)))
        case .object(is BigIntObject): return v
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
        let digits = String(text).replacingUnderscores()
        if let n = Int(digits, radix: r), !digits.hasPrefix("-"), !digits.hasPrefix("+") { return .int(negative ? -n : n) }
        guard !digits.hasPrefix("-"), !digits.hasPrefix("+"), let n = BigInt(digits, radix: r) else { throw invalid }
        if r == 10 && digits.count > BigIntObject.maxStrDigits {
            throw PythonError.valueError(
                "Exceeds the limit (4300 digits) for integer string conversion: value has \(digits.count) digits; use sys.set_int_max_str_digits() to increase the limit"
            )
        }
        return .integer(negative ? -n : n)
    }

    func toFloat(_ v: Value) throws -> Value {
        switch v {
        case .float: return v
        case .int(let n): return .float(Double(n))
        case .object(let o as BigIntObject): return .float(try bigToDouble(o.value))
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
            return .integer(BigInt(d.rounded(.toNearestOrEven)))
        case (.float(let d), .int(let n)):
            if n >= 0 { return .float(Double(cFormat("%.\(min(n, 300))f", d)) ?? d) }
            let scale = cPow(10, Double(-n))
            return .float((d / scale).rounded(.toNearestOrEven) * scale)
        case (.int, .none), (.int, .int), (.object(is BigIntObject), .none), (.object(is BigIntObject), .int):
            guard case .int(let n) = ndigits, n < 0, let i = number.bigInt else { return number }
            // Past the number's own digits every rounding gives 0.
            guard -n <= i.magnitude.bitWidth / 3 + 1 else { return .int(0) }
            let scale = BigInt(10).power(-n)
            var (q, r) = bigFloorDivMod(i, scale)
            if 2 * r > scale || (2 * r == scale && !(q % 2).isZero) { q += 1 }
            return .integer(q * scale)
        case (.bool(let b), _): return try round(.int(b ? 1 : 0), ndigits)
        case (.int, _), (.float, _), (.object(is BigIntObject), _):
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
            items = try await iterateAsync(b.extraPositional[0], f)
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
            if try await compareAsync(op, k, bestKey, f) {
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
        if keyed.contains(where: { userClass(of: $0.0) != nil }) {
            // User `__lt__` runs Python code: a stable merge sort that awaits each comparison. `reverse` keeps
            // equal items in their order, as CPython's reverse-sort-reverse does.
            if reverse { keyed.reverse() }
            var sorted = try await mergeSort(keyed[...], f)
            if reverse { sorted.reverse() }
            return sorted.map(\.1)
        }
        try keyed.sort { x, y in reverse ? try order(.lt, y.0, x.0) : try order(.lt, x.0, y.0) }
        return keyed.map(\.1)
    }

    private nonisolated(nonsending) func mergeSort(_ items: ArraySlice<(Value, Value)>, _ f: Frame) async throws
        -> [(Value, Value)]
    {
        guard items.count > 1 else { return Array(items) }
        let mid = items.startIndex + items.count / 2
        let left = try await mergeSort(items[..<mid], f)
        let right = try await mergeSort(items[mid...], f)
        var out: [(Value, Value)] = []
        out.reserveCapacity(items.count)
        var i = 0
        var j = 0
        while i < left.count && j < right.count {
            try tick()
            if try await compareAsync(.lt, right[j].0, left[i].0, f) {
                out.append(right[j])
                j += 1
            } else {
                out.append(left[i])
                i += 1
            }
        }
        out += left[i...]
        out += right[j...]
        return out
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
