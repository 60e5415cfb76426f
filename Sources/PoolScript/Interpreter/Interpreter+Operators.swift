import BigInt

extension Interpreter {
    /// Binary arithmetic with Python semantics: `/` is always float, `//` and `%` floor, int/float mix,
    /// sequence concatenation and repetition. Ints are 64-bit until they overflow, then arbitrary-precision.
    func binaryOp(_ op: BinaryOp, _ a: Value, _ b: Value) throws -> Value {
        if let x = a.numeric, let y = b.numeric, !(op == .matMul) {
            if [.bitAnd, .bitOr, .bitXor, .lshift, .rshift].contains(op) {
                if case .float = x {
                    throw PythonError.typeError("unsupported operand type(s) for \(op.rawValue): '\(a.typeName)' and '\(b.typeName)'")
                }
                if case .float = y {
                    throw PythonError.typeError("unsupported operand type(s) for \(op.rawValue): '\(a.typeName)' and '\(b.typeName)'")
                }
            }
            return try numericOp(op, x, y)
        }
        switch (op, a, b) {
        case (.add, .str(let x), .str(let y)):
            try checkSize(x.unicodeScalars.count + y.unicodeScalars.count)
            return .str(x + y)
        case (.add, .list(let x), .list(let y)):
            try checkSize(x.items.count + y.items.count)
            return .list(PyList(x.items + y.items))
        case (.add, .tuple(let x), .tuple(let y)):
            try checkSize(x.count + y.count)
            return .tuple(x + y)
        case (.add, .bytes(let x), .bytes(let y)):
            try checkSize(x.count + y.count)
            return .bytes(x + y)
        case (.mul, .str(let s), _), (.mul, _, .str(let s)):
            guard let n = try repeatCount(a, b) else { break }
            try checkSize(product(s.unicodeScalars.count, n))
            // An empty sequence times a huge count is empty, but building it still costs `n` steps (fuzzer hang).
            if s.isEmpty || n <= 0 { return .str("") }
            return .str(String(repeating: s, count: n))
        case (.mul, .list(let l), _), (.mul, _, .list(let l)):
            guard let n = try repeatCount(a, b) else { break }
            try checkSize(product(l.items.count, n))
            if l.items.isEmpty || n <= 0 { return .list(PyList([])) }
            return .list(PyList(Array([[Value]](repeating: l.items, count: n).joined())))
        case (.mul, .tuple(let t), _), (.mul, _, .tuple(let t)):
            guard let n = try repeatCount(a, b) else { break }
            try checkSize(product(t.count, n))
            if t.isEmpty || n <= 0 { return .tuple([]) }
            return .tuple(Array([[Value]](repeating: t, count: n).joined()))
        case (.mul, .bytes(let t), _), (.mul, _, .bytes(let t)):
            guard let n = try repeatCount(a, b) else { break }
            try checkSize(product(t.count, n))
            if t.isEmpty || n <= 0 { return .bytes([]) }
            return .bytes(Array([[UInt8]](repeating: t, count: n).joined()))
        case (.mod, .str(let s), _):
            return .str(try percentFormat(s, b))
        case (.bitOr, .object(let x as PySetObject), .object(let y as PySetObject)),
            (.bitAnd, .object(let x as PySetObject), .object(let y as PySetObject)),
            (.sub, .object(let x as PySetObject), .object(let y as PySetObject)),
            (.bitXor, .object(let x as PySetObject), .object(let y as PySetObject)):
            return .object(try x.combine(op, y))
        case (.bitOr, .dict(let x), .dict(let y)):
            let d = PyDict(x.pairs.map { ($0.key, $0.value) })
            for (k, v) in y.pairs { try d.set(k, v) }
            return .dict(d)
        default:
            break
        }
        if case .str = a, op == .add {
            throw PythonError.typeError("can only concatenate str (not \"\(b.typeName)\") to str")
        }
        if case .list = a, op == .add {
            throw PythonError.typeError("can only concatenate list (not \"\(b.typeName)\") to list")
        }
        if case .tuple = a, op == .add {
            throw PythonError.typeError("can only concatenate tuple (not \"\(b.typeName)\") to tuple")
        }
        if op == .mul,
            [a, b].contains(where: {
                if case .str = $0 { return true }
                if case .list = $0 { return true }
                if case .tuple = $0 { return true }
                return false
            })
        {
            let other =
                (a.numeric == nil
                    && {
                        if case .str = a { return false }
                        if case .list = a { return false }
                        if case .tuple = a { return false }
                        return true
                    }()) ? a : b
            throw PythonError.typeError("can't multiply sequence by non-int of type '\(other.typeName)'")
        }
        let symbol = op == .pow ? "** or cPow()" : op.rawValue
        throw PythonError.typeError("unsupported operand type(s) for \(symbol): '\(a.typeName)' and '\(b.typeName)'")
    }

    /// `a * b`, saturating at `Int.max` (then the size check fails instead of trapping).
    private func product(_ a: Int, _ b: Int) -> Int {
        let r = a.multipliedReportingOverflow(by: b)
        return r.overflow ? Int.max : r.partialValue
    }

    private func repeatCount(_ a: Value, _ b: Value) throws -> Int? {
        for case .object(let o as BigIntObject) in [a, b] {
            throw PythonError(.overflowError, "cannot fit 'int' into an index-sized integer")
        }
        switch (a, b) {
        case (.int(let n), _), (_, .int(let n)): return max(0, n)
        case (.bool(let t), _), (_, .bool(let t)): return t ? 1 : 0
        default: return nil
        }
    }

    private func numericOp(_ op: BinaryOp, _ x: Value.Numeric, _ y: Value.Numeric) throws -> Value {
        switch (x, y) {
        case (.int(let i), .int(let j)): return try intOp(op, i, j)
        case (.int(let i), .float(let d)): return try floatOp(op, Double(i), d)
        case (.float(let d), .int(let j)): return try floatOp(op, d, Double(j))
        case (.float(let d), .float(let e)): return try floatOp(op, d, e)
        case (.big(let p), .big(let q)): return try bigIntOp(op, p, q)
        case (.big(let p), .int(let j)): return try bigIntOp(op, p, BigInt(j))
        case (.int(let i), .big(let q)): return try bigIntOp(op, BigInt(i), q)
        case (.big(let p), .float(let d)): return try floatOp(op, try bigToDouble(p), d)
        case (.float(let d), .big(let q)): return try floatOp(op, d, try bigToDouble(q))
        }
    }

    private func intOp(_ op: BinaryOp, _ a: Int, _ b: Int) throws -> Value {
        func checked(_ r: (partialValue: Int, overflow: Bool)) throws -> Value {
            if r.overflow { return try bigIntOp(op, BigInt(a), BigInt(b)) }
            return .int(r.partialValue)
        }
        switch op {
        case .add: return try checked(a.addingReportingOverflow(b))
        case .sub: return try checked(a.subtractingReportingOverflow(b))
        case .mul: return try checked(a.multipliedReportingOverflow(by: b))
        case .div:
            guard b != 0 else { throw PythonError(.zeroDivisionError, "division by zero") }
            // Exact operands divide correctly rounded; beyond 2**53 CPython's long division rounds once.
            if a.magnitude <= 1 << 53 && b.magnitude <= 1 << 53 { return .float(Double(a) / Double(b)) }
            return .float(try bigTrueDivide(BigInt(a), BigInt(b)))
        case .floorDiv:
            guard b != 0 else { throw PythonError(.zeroDivisionError, "integer division or modulo by zero") }
            if a == .min && b == -1 { return try bigIntOp(op, BigInt(a), BigInt(b)) }
            let q = a / b
            return .int((a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q)
        case .mod:
            guard b != 0 else { throw PythonError(.zeroDivisionError, "integer modulo by zero") }
            if b == -1 { return .int(0) }
            let r = a % b
            return .int((r != 0 && ((r < 0) != (b < 0))) ? r + b : r)
        case .pow:
            if b < 0 {
                guard a != 0 else { throw PythonError(.zeroDivisionError, "0.0 cannot be raised to a negative power") }
                return .float(cPow(Double(a), Double(b)))
            }
            var result = 1
            var base = a
            var e = b
            while e > 0 {
                if e & 1 == 1 {
                    let r = result.multipliedReportingOverflow(by: base)
                    if r.overflow { return try bigIntOp(op, BigInt(a), BigInt(b)) }
                    result = r.partialValue
                }
                e >>= 1
                if e > 0 {
                    let r = base.multipliedReportingOverflow(by: base)
                    if r.overflow { return try bigIntOp(op, BigInt(a), BigInt(b)) }
                    base = r.partialValue
                }
            }
            return .int(result)
        case .bitAnd: return .int(a & b)
        case .bitOr: return .int(a | b)
        case .bitXor: return .int(a ^ b)
        case .lshift:
            guard b >= 0 else { throw PythonError.valueError("negative shift count") }
            if a == 0 { return .int(0) }
            if b >= 63 { return try bigIntOp(op, BigInt(a), BigInt(b)) }
            let r = a << b
            if r >> b != a { return try bigIntOp(op, BigInt(a), BigInt(b)) }
            return .int(r)
        case .rshift:
            guard b >= 0 else { throw PythonError.valueError("negative shift count") }
            return .int(b >= 64 ? (a < 0 ? -1 : 0) : a >> b)
        case .matMul:
            throw PythonError.typeError("unsupported operand type(s) for @: 'int' and 'int'")
        }
    }

    private func floatOp(_ op: BinaryOp, _ a: Double, _ b: Double) throws -> Value {
        switch op {
        case .add: return .float(a + b)
        case .sub: return .float(a - b)
        case .mul: return .float(a * b)
        case .div:
            guard b != 0 else { throw PythonError(.zeroDivisionError, "float division by zero") }
            return .float(a / b)
        case .floorDiv:
            guard b != 0 else { throw PythonError(.zeroDivisionError, "float floor division by zero") }
            return .float(floatDivMod(a, b).0)
        case .mod:
            guard b != 0 else { throw PythonError(.zeroDivisionError, "float modulo") }
            return .float(floatDivMod(a, b).1)
        case .pow:
            if a == 0 && b < 0 { throw PythonError(.zeroDivisionError, "0.0 cannot be raised to a negative power") }
            if a < 0 && b.rounded() != b {
                throw PythonError.valueError("negative number cannot be raised to a fractional power")
            }
            let r = cPow(a, b)
            if r.isInfinite && !a.isInfinite {
                throw PythonError(.overflowError, "(34, 'Numerical result out of range')")
            }
            return .float(r)
        case .bitAnd, .bitOr, .bitXor, .lshift, .rshift, .matMul:
            throw PythonError.typeError("unsupported operand type(s) for \(op.rawValue): 'float' and 'float'")
        }
    }

    /// CPython's `float_divmod`: the floor quotient and the remainder with the divisor's sign (zero included).
    private func floatDivMod(_ vx: Double, _ wx: Double) -> (Double, Double) {
        var mod = vx.truncatingRemainder(dividingBy: wx)
        var div = (vx - mod) / wx
        if mod != 0 {
            if (wx < 0) != (mod < 0) {
                mod += wx
                div -= 1.0
            }
        } else {
            mod = Double(signOf: wx, magnitudeOf: 0)
        }
        var floorDiv: Double
        if div != 0 {
            floorDiv = div.rounded(.down)
            if div - floorDiv > 0.5 { floorDiv += 1.0 }
        } else {
            floorDiv = Double(signOf: vx / wx, magnitudeOf: 0)
        }
        return (floorDiv, mod)
    }

    func unaryOp(_ op: UnaryOp, _ v: Value) throws -> Value {
        switch (op, v) {
        case (.not, _): return .bool(!v.isTruthy)
        case (.neg, .int(let i)):
            if i == .min { return .integer(-BigInt(i)) }
            return .int(-i)
        case (.neg, .object(let o as BigIntObject)): return .integer(-o.value)
        case (.pos, .object(let o as BigIntObject)): return .object(o)
        case (.invert, .object(let o as BigIntObject)): return .integer(~o.value)
        case (.neg, .bool(let b)): return .int(b ? -1 : 0)
        case (.neg, .float(let d)): return .float(-d)
        case (.pos, .int), (.pos, .float): return v
        case (.pos, .bool(let b)): return .int(b ? 1 : 0)
        case (.invert, .int(let i)): return .int(~i)
        case (.invert, .bool(let b)): return .int(~(b ? 1 : 0))
        default:
            throw PythonError.typeError("bad operand type for unary \(op.rawValue): '\(v.typeName)'")
        }
    }

    func compare(_ op: CompareOp, _ a: Value, _ b: Value) throws -> Bool {
        switch op {
        case .eq: return a == b
        case .ne: return !(a == b)
        case .is: return identical(a, b)
        case .isNot: return !identical(a, b)
        case .in: return try contains(b, a)
        case .notIn: return try !contains(b, a)
        case .lt, .le, .gt, .ge:
            return try order(op, a, b)
        }
    }

    func identical(_ a: Value, _ b: Value) -> Bool {
        switch (a, b) {
        case (.none, .none): return true
        case (.bool(let x), .bool(let y)): return x == y
        case (.int(let x), .int(let y)): return x == y
        case (.float(let x), .float(let y)): return x.bitPattern == y.bitPattern
        case (.str(let x), .str(let y)): return x == y
        case (.bytes(let x), .bytes(let y)): return x == y
        case (.list(let x), .list(let y)): return x === y
        case (.dict(let x), .dict(let y)): return x === y
        case (.tuple(let x), .tuple(let y)): return x.isEmpty && y.isEmpty
        case (.object(let x), .object(let y)):
            if let t = x as? TypeObject, let u = y as? TypeObject { return t.name == u.name }
            return x === y
        default: return false
        }
    }

    func order(_ op: CompareOp, _ a: Value, _ b: Value) throws -> Bool {
        func result<T: Comparable>(_ x: T, _ y: T) -> Bool {
            switch op {
            case .lt: return x < y
            case .le: return x <= y
            case .gt: return x > y
            default: return x >= y
            }
        }
        if let x = a.numeric, let y = b.numeric {
            switch (x, y) {
            case (.int(let i), .int(let j)): return result(i, j)
            case (.int(let i), .float(let d)): return result(Double(i), d)
            case (.float(let d), .int(let j)): return result(d, Double(j))
            case (.float(let d), .float(let e)): return result(d, e)
            case (.big(let p), .big(let q)): return result(p, q)
            case (.big(let p), .int(let j)): return result(p, BigInt(j))
            case (.int(let i), .big(let q)): return result(BigInt(i), q)
            case (.int(let i), .float(let d)) where Double(i).magnitude >= 9.0e15:
                return bigFloatOrder(op, BigInt(i), d, flipped: false)
            case (.float(let d), .int(let j)) where Double(j).magnitude >= 9.0e15:
                return bigFloatOrder(op, BigInt(j), d, flipped: true)
            case (.big(let p), .float(let d)): return bigFloatOrder(op, p, d, flipped: false)
            case (.float(let d), .big(let q)): return bigFloatOrder(op, q, d, flipped: true)
            }
        }
        switch (a, b) {
        case (.str(let x), .str(let y)):
            return result(
                x.unicodeScalars.map(\.value).lexicographicallyPrecedes(y.unicodeScalars.map(\.value))
                    ? 0 : (x == y ? 1 : 2),
                1
            )
        case (.bytes(let x), .bytes(let y)):
            return result(x.lexicographicallyPrecedes(y) ? 0 : (x == y ? 1 : 2), 1)
        case (.list(let l), .list(let m)): return try sequenceOrder(op, l.items, m.items)
        case (.object(let x as PySetObject), .object(let y as PySetObject)):
            switch op {
            case .lt: return try x.count < y.count && x.isSubset(of: y)
            case .le: return try x.isSubset(of: y)
            case .gt: return try x.count > y.count && y.isSubset(of: x)
            default: return try y.isSubset(of: x)
            }
        case (.tuple(let l), .tuple(let m)): return try sequenceOrder(op, l, m)
        default:
            throw PythonError.typeError(
                "'\(op.rawValue)' not supported between instances of '\(a.typeName)' and '\(b.typeName)'"
            )
        }
    }

    /// `big op d` (or `d op big` when flipped), exactly; NaN makes every ordering false.
    private func bigFloatOrder(_ op: CompareOp, _ big: BigInt, _ d: Double, flipped: Bool) -> Bool {
        var c = compareBigToDouble(big, d)
        if c == 2 { return false }
        if flipped { c = -c }
        switch op {
        case .lt: return c < 0
        case .le: return c <= 0
        case .gt: return c > 0
        default: return c >= 0
        }
    }

    private func sequenceOrder(_ op: CompareOp, _ x: [Value], _ y: [Value]) throws -> Bool {
        for (p, q) in zip(x, y) where !(p == q) {
            return try order(op, p, q)
        }
        return try order(op, .int(x.count), .int(y.count))
    }

    func contains(_ container: Value, _ item: Value) throws -> Bool {
        switch container {
        case .str(let s):
            guard case .str(let sub) = item else {
                throw PythonError.typeError("'in <string>' requires string as left operand, not \(item.typeName)")
            }
            return sub.isEmpty || s.contains(sub)
        case .bytes(let b):
            if case .int(let i) = item { return b.contains(UInt8(truncatingIfNeeded: i)) }
            guard case .bytes(let sub) = item else {
                throw PythonError.typeError("a bytes-like object is required, not '\(item.typeName)'")
            }
            if sub.isEmpty { return true }
            if sub.count > b.count { return false }
            for i in 0...(b.count - sub.count) where Array(b[i..<(i + sub.count)]) == sub { return true }
            return false
        case .dict(let d): return try d.get(item) != nil
        case .list(let l): return l.items.contains { $0 == item }
        case .tuple(let t): return t.contains { $0 == item }
        case .object(let r as RangeObject):
            guard case .int(let i) = item else { return false }
            if r.step > 0 ? (i < r.start || i >= r.stop) : (i > r.start || i <= r.stop) { return false }
            let offset = i.subtractingReportingOverflow(r.start)
            return !offset.overflow && (r.step == 1 || r.step == -1 || offset.partialValue % r.step == 0)
        case .object(let s as PySetObject):
            if case .object(let inner as PySetObject) = item, !inner.frozen {
                return try s.contains(.object(try PySetObject.copying(inner, frozen: true)))
            }
            return try s.contains(item)
        case .object(let d as DictView) where d.kind == .keys:
            return try d.dict.get(item) != nil
        case .object(let o):
            if let items = try? o.iterate() { return items.contains { $0 == item } }
            throw PythonError.typeError("argument of type '\(o.pyTypeName)' is not iterable")
        case .none, .bool, .int, .float:
            throw PythonError.typeError("argument of type '\(container.typeName)' is not iterable")
        }
    }
}
