extension Value {
    /// Python `repr()`: `5.0`, `0.30000000000000004`, `'it'`, `"it's"`, `[1, 2]`, `{'a': 1}`, `(1,)`, `b'x'`.
    public func repr() -> String {
        var visiting: [ObjectIdentifier] = []
        return repr(visiting: &visiting)
    }

    func repr(visiting: inout [ObjectIdentifier]) -> String {
        switch self {
        case .none: return "None"
        case .bool(let b): return b ? "True" : "False"
        case .int(let i): return String(i)
        case .float(let d): return formatFloatRepr(d)
        case .str(let s): return reprString(s)
        case .bytes(let b): return reprBytes(b)
        case .list(let l):
            let id = ObjectIdentifier(l)
            if visiting.contains(id) || visiting.count > 500 { return "[...]" }
            visiting.append(id)
            defer { visiting.removeLast() }
            return "[" + l.items.map { $0.repr(visiting: &visiting) }.joined(separator: ", ") + "]"
        case .tuple(let t):
            if t.count == 1 { return "(" + t[0].repr(visiting: &visiting) + ",)" }
            return "(" + t.map { $0.repr(visiting: &visiting) }.joined(separator: ", ") + ")"
        case .dict(let d):
            let id = ObjectIdentifier(d)
            if visiting.contains(id) || visiting.count > 500 { return "{...}" }
            visiting.append(id)
            defer { visiting.removeLast() }
            return "{"
                + d.pairs.map { $0.key.repr(visiting: &visiting) + ": " + $0.value.repr(visiting: &visiting) }
                .joined(separator: ", ") + "}"
        case .object(let o): return o.pyRepr()
        }
    }

    /// `str()` that raises CPython's ValueError for an int beyond 4300 digits (`str()` itself cannot throw).
    func checkedStr() throws -> String {
        if case .object(let o as BigIntObject) = self { return try o.checkedDecimal() }
        if case .object(let o as PyCheckedRepr) = self { _ = try o.checkedRepr() }
        return str()
    }

    /// `repr()` with the same 4300-digit check as `checkedStr()`.
    func checkedRepr() throws -> String {
        if case .object(let o as BigIntObject) = self { return try o.checkedDecimal() }
        if case .object(let o as PyCheckedRepr) = self { return try o.checkedRepr() }
        return repr()
    }

    /// Python `str()`: strings print raw, everything else as its repr (objects via `pyStr`).
    public func str() -> String {
        switch self {
        case .str(let s): return s
        case .object(let o): return o.pyStr()
        default: return repr()
        }
    }
}

/// Formats a double as CPython's `float.__repr__` does: the shortest round-trip digits, in fixed
/// notation when the decimal exponent is in -4..<16 and scientific (`1e+16`, `1e-05`) otherwise.
func formatFloatRepr(_ d: Double) -> String {
    if d.isNaN { return "nan" }
    if d.isInfinite { return d < 0 ? "-inf" : "inf" }
    if d == 0 { return d.sign == .minus ? "-0.0" : "0.0" }
    let (negative, digits, exponent) = shortestDigits(d)
    // value = 0.d1d2d3... × 10^exponent ; decimal point position = exponent
    let sign = negative ? "-" : ""
    let sciExp = exponent - 1
    if sciExp >= -4 && sciExp < 16 {
        if exponent <= 0 {
            return sign + "0." + String(repeating: "0", count: -exponent) + digits
        }
        if exponent >= digits.count {
            return sign + digits + String(repeating: "0", count: exponent - digits.count) + ".0"
        }
        let cut = digits.index(digits.startIndex, offsetBy: exponent)
        return sign + digits[..<cut] + "." + digits[cut...]
    }
    var mantissa = String(digits.first!)
    if digits.count > 1 { mantissa += "." + digits.dropFirst() }
    let expSign = sciExp < 0 ? "-" : "+"
    let expDigits = String(abs(sciExp))
    return sign + mantissa + "e" + expSign + (expDigits.count < 2 ? "0" + expDigits : expDigits)
}

/// Splits Swift's shortest round-trip description into (sign, significant digits, point position).
private func shortestDigits(_ d: Double) -> (Bool, String, Int) {
    var text = Substring(d.magnitude.description)
    var exp10 = 0
    if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
        exp10 = Int(text[text.index(after: e)...]) ?? 0
        text = text[..<e]
    }
    var intPart = text
    var fracPart: Substring = ""
    if let dot = text.firstIndex(of: ".") {
        intPart = text[..<dot]
        fracPart = text[text.index(after: dot)...]
    }
    var digits = String(intPart) + String(fracPart)
    var point = intPart.count + exp10
    while digits.first == "0" && digits.count > 1 {
        digits.removeFirst()
        point -= 1
    }
    while digits.last == "0" && digits.count > 1 { digits.removeLast() }
    return (d.sign == .minus, digits, point)
}

/// CPython's string repr: single quotes unless the text has `'` and no `"`.
func reprString(_ s: String) -> String {
    let quote: Character = (s.contains("'") && !s.contains("\"")) ? "\"" : "'"
    var out = String(quote)
    for scalar in s.unicodeScalars {
        switch scalar {
        case "\\": out += "\\\\"
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        case "\t": out += "\\t"
        default:
            if Character(scalar) == quote {
                out += "\\" + String(quote)
            } else if scalar.value < 0x20 || scalar.value == 0x7f {
                out += "\\x" + hex(scalar.value, width: 2)
            } else if scalar.value >= 0x80 && !isPrintable(scalar) {
                if scalar.value <= 0xff {
                    out += "\\x" + hex(scalar.value, width: 2)
                } else if scalar.value <= 0xffff {
                    out += "\\u" + hex(scalar.value, width: 4)
                } else {
                    out += "\\U" + hex(scalar.value, width: 8)
                }
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
    }
    out.append(quote)
    return out
}

/// An approximation of CPython's `Py_UNICODE_ISPRINTABLE`: controls, separators other than the
/// ASCII space, format characters and unassigned code points are escaped.
private func isPrintable(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.properties.generalCategory {
    case .control, .format, .surrogate, .privateUse, .unassigned, .lineSeparator, .paragraphSeparator:
        return false
    case .spaceSeparator:
        return scalar == " "
    default:
        return true
    }
}

func reprBytes(_ bytes: [UInt8]) -> String {
    let quote: UInt8 = (bytes.contains(UInt8(ascii: "'")) && !bytes.contains(UInt8(ascii: "\""))) ? 34 : 39
    var out = "b" + String(UnicodeScalar(quote))
    for b in bytes {
        switch b {
        case UInt8(ascii: "\\"): out += "\\\\"
        case UInt8(ascii: "\n"): out += "\\n"
        case UInt8(ascii: "\r"): out += "\\r"
        case UInt8(ascii: "\t"): out += "\\t"
        case quote: out += "\\" + String(UnicodeScalar(quote))
        case 32..<127: out.unicodeScalars.append(UnicodeScalar(b))
        default: out += "\\x" + hex(UInt32(b), width: 2)
        }
    }
    out += String(UnicodeScalar(quote))
    return out
}

func hex(_ value: UInt32, width: Int) -> String {
    let digits = String(value, radix: 16)
    return String(repeating: "0", count: max(0, width - digits.count)) + digits
}
