import BigInt

/// A Python `int` beyond 64 bits. Ints stay `.int(Int)` while they fit; arithmetic that overflows moves to
/// this object, and results that fit again move back (`Value.integer(_:)`), so the fast path stays 64-bit.
final class BigIntObject: PyObject, PyTruthy {
    let value: BigInt

    init(_ value: BigInt) { self.value = value }

    var pyTypeName: String { "int" }
    /// The decimal digits; `checkedDecimal()` is the same with CPython's 4300-digit limit, where it can throw.
    func pyRepr() -> String { (try? checkedDecimal()) ?? "<int too large to print>" }
    var attributeNames: [String] { ["bit_length", "denominator", "imag", "numerator", "real"] }
    func pyBool() -> Bool { !value.isZero }
    func pyEquals(_ other: Value) -> Bool {
        switch other.numeric {
        case .big(let b): return b == value
        case .int(let i): return BigInt(i) == value
        case .float(let d): return compareBigToDouble(value, d) == 0
        case nil: return false
        }
    }
    func getAttribute(_ name: String) throws -> Value? {
        switch name {
        case "real", "numerator": return .object(self)
        case "imag": return .int(0)
        case "denominator": return .int(1)
        case "bit_length":
            let bits = value.magnitude.bitWidth
            return .object(NativeFunction(name: "bit_length") { _ in .int(bits) })
        default: return nil
        }
    }

    /// CPython's `sys.get_int_max_str_digits()` default.
    static let maxStrDigits = 4300

    func checkedDecimal() throws -> String {
        // 4300 decimal digits are about 14284 bits; anything clearly longer is refused without converting.
        if value.magnitude.bitWidth > 14_300 { throw BigIntObject.strDigitsError() }
        let text = String(value)
        if text.count - (value.sign == .minus ? 1 : 0) > BigIntObject.maxStrDigits {
            throw BigIntObject.strDigitsError()
        }
        return text
    }

    static func strDigitsError() -> PythonError {
        PythonError.valueError(
            "Exceeds the limit (4300 digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit"
        )
    }
}

/// The largest int the playground builds, in bits (about 300,000 decimal digits): a budget like the collection
/// size limit, so `10 ** 10 ** 9` stops with MemoryError instead of running for hours.
let maxIntBits = 1_000_000

extension Value {
    /// An int value: `.int` when it fits in 64 bits, a `BigIntObject` otherwise.
    static func integer(_ b: BigInt) -> Value {
        if let i = Int(exactly: b) { return .int(i) }
        return .object(BigIntObject(b))
    }

    /// The value as an arbitrary-precision int, for bool, int and big ints.
    var bigInt: BigInt? {
        switch self {
        case .bool(let b): return b ? 1 : 0
        case .int(let i): return BigInt(i)
        case .object(let o as BigIntObject): return o.value
        default: return nil
        }
    }

    /// True for a big int (an `int` that does not fit in 64 bits).
    var isBigInt: Bool {
        if case .object(let o) = self, o is BigIntObject { return true }
        return false
    }
}

/// Checks a computed int against the playground's size budget.
func checkIntBits(_ b: BigInt) throws -> BigInt {
    if b.magnitude.bitWidth > maxIntBits { throw intTooBig() }
    return b
}

func intTooBig() -> PythonError {
    PythonError(.memoryError, "the playground's memory budget was exceeded (an int of more than \(maxIntBits) bits)")
}

/// `float(big)`, raising CPython's OverflowError when it does not fit.
func bigToDouble(_ b: BigInt) throws -> Double {
    if b.magnitude.bitWidth <= 53 { return Double(b) }
    // Correctly rounded (half-even), as CPython's `PyLong_AsDouble`: the division routine rounds `b / 1`.
    do {
        return try bigTrueDivide(b, 1)
    } catch {
        throw PythonError(.overflowError, "int too large to convert to float")
    }
}

/// -1, 0 or 1 as `b` is below, equal to or above `d`, exactly (NaN compares as unordered: 2).
func compareBigToDouble(_ b: BigInt, _ d: Double) -> Int {
    if d.isNaN { return 2 }
    if d.isInfinite { return d > 0 ? -1 : 1 }
    let floor = d.rounded(.down)
    let f = BigInt(floor)
    if b < f { return -1 }
    if b > f { return 1 }
    return floor == d ? 0 : -1
}

/// An int from a float, exactly (`int(1e30)`): nil for infinities and NaN.
func bigFromDouble(_ d: Double) -> BigInt? {
    guard d.isFinite else { return nil }
    return BigInt(d.rounded(.towardZero))
}

/// Arithmetic on arbitrary-precision ints with Python's floor semantics.
func bigIntOp(_ op: BinaryOp, _ a: BigInt, _ b: BigInt) throws -> Value {
    switch op {
    case .add: return .integer(try checkIntBits(a + b))
    case .sub: return .integer(try checkIntBits(a - b))
    case .mul:
        if a.magnitude.bitWidth + b.magnitude.bitWidth > maxIntBits + 1 { throw intTooBig() }
        return .integer(a * b)
    case .div:
        guard !b.isZero else { throw PythonError(.zeroDivisionError, "division by zero") }
        return .float(try bigTrueDivide(a, b))
    case .floorDiv:
        guard !b.isZero else { throw PythonError(.zeroDivisionError, "integer division or modulo by zero") }
        return .integer(bigFloorDivMod(a, b).0)
    case .mod:
        guard !b.isZero else { throw PythonError(.zeroDivisionError, "integer modulo by zero") }
        return .integer(bigFloorDivMod(a, b).1)
    case .pow:
        if b.sign == .minus {
            guard !a.isZero else { throw PythonError(.zeroDivisionError, "0.0 cannot be raised to a negative power") }
            return .float(cPow(try bigToDouble(a), Double(b)))
        }
        if a.isZero || a == 1 { return .integer(b.isZero ? 1 : a) }
        if a == -1 { return .int(b.words[0] & 1 == 0 ? 1 : -1) }
        let bits = a.magnitude.bitWidth - 1
        guard let e = Int(exactly: b), bits == 0 || e <= maxIntBits / bits + 1 else {
            throw intTooBig()
        }
        return .integer(try checkIntBits(a.power(e)))
    case .bitAnd: return .integer(a & b)
    case .bitOr: return .integer(a | b)
    case .bitXor: return .integer(a ^ b)
    case .lshift:
        guard b.sign != .minus else { throw PythonError.valueError("negative shift count") }
        if a.isZero { return .int(0) }
        guard let n = Int(exactly: b), n <= maxIntBits else {
            throw intTooBig()
        }
        return .integer(try checkIntBits(a << n))
    case .rshift:
        guard b.sign != .minus else { throw PythonError.valueError("negative shift count") }
        guard let n = Int(exactly: b), n < a.magnitude.bitWidth + 1 else { return .int(a.sign == .minus ? -1 : 0) }
        return .integer(bigFloorDivMod(a, BigInt(1) << n).0)
    case .matMul:
        throw PythonError.typeError("unsupported operand type(s) for @: 'int' and 'int'")
    }
}

/// Python's `divmod` on big ints: the quotient rounds toward negative infinity, the remainder takes `b`'s sign.
func bigFloorDivMod(_ a: BigInt, _ b: BigInt) -> (BigInt, BigInt) {
    var (q, r) = a.quotientAndRemainder(dividingBy: b)
    if !r.isZero && ((r.sign == .minus) != (b.sign == .minus)) {
        q -= 1
        r += b
    }
    return (q, r)
}

/// `a / b` for ints, correctly rounded as CPython's `long_true_divide` does it: a quotient of 55 bits plus a
/// sticky bit for the remainder, rounded half-even to 53 bits, then scaled by a power of two.
func bigTrueDivide(_ a: BigInt, _ b: BigInt) throws -> Double {
    let negative = (a.sign == .minus) != (b.sign == .minus)
    func signed(_ d: Double) -> Double { negative ? -d : d }
    let x = BigInt(a.magnitude)
    let y = BigInt(b.magnitude)
    if x.isZero { return signed(0) }
    if x.magnitude.bitWidth <= 53 && y.magnitude.bitWidth <= 53 { return signed(Double(x) / Double(y)) }
    let mantissa = 53
    let minExponent = -1021
    // 2**diff <= x / y < 2**(diff + 1)
    var diff = x.magnitude.bitWidth - y.magnitude.bitWidth
    if (diff >= 0 ? x < (y << diff) : (x << -diff) < y) { diff -= 1 }
    if diff > 1024 { throw PythonError(.overflowError, "integer division result too large for a float") }
    if diff < minExponent - mantissa - 1 { return signed(0) }
    let shift = max(diff, minExponent) - mantissa - 2
    let (quotient, remainder) = shift >= 0
        ? x.quotientAndRemainder(dividingBy: y << shift) : (x << -shift).quotientAndRemainder(dividingBy: y)
    var q = quotient
    if !remainder.isZero { q |= 1 }
    let extraBits = max(q.magnitude.bitWidth, minExponent - shift) - mantissa
    let half = BigInt(1) << (extraBits - 1)
    if !(q & half).isZero && !(q & (3 * half - 1)).isZero { q += half }
    q = (q >> extraBits) << extraBits
    let result = Double(sign: .plus, exponent: shift, significand: Double(q))
    if !result.isFinite { throw PythonError(.overflowError, "integer division result too large for a float") }
    return signed(result)
}

/// CPython's hash of an int: the value modulo 2**61 - 1, with -1 mapped to -2.
func pythonHash(_ b: BigInt) -> Int {
    let modulus = BigInt((1 << 61) - 1)
    var h = Int(b.magnitude % modulus.magnitude)
    if b.sign == .minus { h = -h }
    return h == -1 ? -2 : h
}
