import BigInt

/// Python's format-spec mini-language (`format(x, spec)`, f-string `{x:spec}`, `str.format`):
/// `[[fill]align][sign][#][0][width][,|_][.precision][type]`.
struct FormatSpec {
    var fill: Character = " "
    var align: Character?
    var sign: Character = "-"
    var alternate = false
    var width = 0
    var grouping: Character?
    var precision: Int?
    var type: Character?

    init(_ spec: String) throws {
        var chars = Array(spec)
        var i = 0
        func invalid() -> PythonError { PythonError.valueError("Invalid format specifier '\(spec)'") }
        if chars.count >= 2, "<>=^".contains(chars[1]) {
            fill = chars[0]
            align = chars[1]
            i = 2
        } else if let c = chars.first, "<>=^".contains(c) {
            align = c
            i = 1
        }
        if i < chars.count, "+- ".contains(chars[i]) {
            sign = chars[i]
            i += 1
        }
        if i < chars.count, chars[i] == "#" {
            alternate = true
            i += 1
        }
        if i < chars.count, chars[i] == "0" {
            if align == nil {
                fill = "0"
                align = "="
            }
            i += 1
        }
        var digits = ""
        while i < chars.count, chars[i].isASCII, chars[i].isNumber {
            digits.append(chars[i])
            i += 1
        }
        width = Int(digits) ?? 0
        if digits.count > 6 { throw PythonError.valueError("Too many decimal digits in format string") }
        if i < chars.count, chars[i] == "," || chars[i] == "_" {
            grouping = chars[i]
            i += 1
        }
        if i < chars.count, chars[i] == "." {
            i += 1
            var p = ""
            while i < chars.count, chars[i].isASCII, chars[i].isNumber {
                p.append(chars[i])
                i += 1
            }
            guard let precision = Int(p) else { throw PythonError.valueError("Format specifier missing precision") }
            if precision > 1000 { throw PythonError.valueError("precision too big") }
            self.precision = precision
        }
        if i < chars.count {
            type = chars[i]
            i += 1
        }
        if i != chars.count { throw invalid() }
        chars = []
    }

    func pad(_ body: String, defaultAlign: Character, signPrefix: String = "") -> String {
        let total = body.count + signPrefix.count
        guard width > total else { return signPrefix + body }
        let padding = width - total
        switch align ?? defaultAlign {
        case "<": return signPrefix + body + String(repeating: fill, count: padding)
        case "^":
            let left = padding / 2
            return String(repeating: fill, count: left) + signPrefix + body
                + String(repeating: fill, count: padding - left)
        case "=": return signPrefix + String(repeating: fill, count: padding) + body
        default: return String(repeating: fill, count: padding) + signPrefix + body
        }
    }
}

func groupDigits(_ digits: String, _ separator: Character?) -> String {
    guard let separator else { return digits }
    var intPart = Substring(digits)
    var rest: Substring = ""
    if let dot = digits.firstIndex(where: { $0 == "." || $0 == "e" || $0 == "E" }) {
        intPart = digits[..<dot]
        rest = digits[dot...]
    }
    var out = ""
    for (n, c) in intPart.reversed().enumerated() {
        if n > 0 && n % 3 == 0 { out.append(separator) }
        out.append(c)
    }
    return String(out.reversed()) + rest
}

/// `format(value, spec)`.
func format(_ value: Value, spec: String) throws -> String {
    if spec.isEmpty { return try value.checkedStr() }
    let f = try FormatSpec(spec)
    switch value {
    case .str(let s):
        if let t = f.type, t != "s" {
            throw PythonError.valueError("Unknown format code '\(t)' for object of type 'str'")
        }
        var body = s
        if let p = f.precision { body = String(s.prefix(p)) }
        return f.pad(body, defaultAlign: "<")
    case .int, .bool, .object(is BigIntObject):
        let big = value.bigInt ?? 0
        if let t = f.type, "eEfFgG%".contains(t) { return try formatFloat(try bigToDouble(big), f) }
        let magnitude = big.magnitude
        var body: String
        switch f.type {
        case nil, "d", "n":
            if magnitude.bitWidth > 14_300 { throw BigIntObject.strDigitsError() }
            body = groupDigits(String(magnitude), f.grouping)
        case "x": body = (f.alternate ? "0x" : "") + String(magnitude, radix: 16)
        case "X": body = (f.alternate ? "0X" : "") + String(magnitude, radix: 16).uppercased()
        case "o": body = (f.alternate ? "0o" : "") + String(magnitude, radix: 8)
        case "b": body = (f.alternate ? "0b" : "") + String(magnitude, radix: 2)
        case "c":
            guard let i = Int(exactly: big), let u = Unicode.Scalar(UInt32(truncatingIfNeeded: i)) else {
                throw PythonError(.overflowError, "%c arg not in range(0x110000)")
            }
            return f.pad(String(u), defaultAlign: "<")
        case .some(let t):
            throw PythonError.valueError("Unknown format code '\(t)' for object of type 'int'")
        }
        if f.precision != nil { throw PythonError.valueError("Precision not allowed in integer format specifier") }
        let signText = big.sign == .minus ? "-" : (f.sign == "+" ? "+" : f.sign == " " ? " " : "")
        return f.pad(body, defaultAlign: ">", signPrefix: signText)
    case .float(let d):
        return try formatFloat(d, f)
    case .none, .bytes, .list, .tuple, .dict, .object:
        throw PythonError.typeError("unsupported format string passed to \(value.typeName).__format__")
    }
}

private func formatFloat(_ d: Double, _ f: FormatSpec) throws -> String {
    let magnitude = abs(d)
    var body: String
    switch f.type {
    case nil:
        if let p = f.precision {
            body = cFormat("%.\(max(p, 1))g", magnitude)
            if !body.contains(".") && !body.contains("e") && !body.contains("inf") && !body.contains("nan") {
                body += ".0"
            }
        } else {
            body = formatFloatRepr(magnitude)
        }
    case "f", "F": body = cFormat("%.\(f.precision ?? 6)f", magnitude)
    case "e", "E":
        body = cFormat("%.\(f.precision ?? 6)e", magnitude)
        if f.type == "E" { body = body.uppercased() }
    case "g", "G":
        body = cFormat(f.alternate ? "%#.\(f.precision ?? 6)g" : "%.\(f.precision ?? 6)g", magnitude)
        if f.type == "G" { body = body.uppercased() }
    case "%": body = cFormat("%.\(f.precision ?? 6)f", magnitude * 100) + "%"
    case .some(let t):
        throw PythonError.valueError("Unknown format code '\(t)' for object of type 'float'")
    }
    if d.isNaN { body = "nan" }
    if f.type == "F" { body = body.uppercased() }
    body = groupDigits(body, f.grouping)
    let negative = d.sign == .minus && !d.isNaN
    let signText = negative ? "-" : (f.sign == "+" ? "+" : f.sign == " " ? " " : "")
    return f.pad(body, defaultAlign: ">", signPrefix: signText)
}

/// `"%s and %d" % args`: printf-style formatting of strings.
func percentFormat(_ template: String, _ args: Value) throws -> String {
    var values: [Value]
    var mapping: PyDict?
    switch args {
    case .tuple(let t): values = t
    case .dict(let d):
        values = []
        mapping = d
    default: values = [args]
    }
    var out = ""
    var chars = Array(template)[...]
    var used = 0
    while let c = chars.first {
        chars = chars.dropFirst()
        guard c == "%" else {
            out.append(c)
            continue
        }
        var key: String?
        if chars.first == "(" {
            guard let close = chars.firstIndex(of: ")") else { throw PythonError.valueError("incomplete format key") }
            key = String(chars[chars.index(after: chars.startIndex)..<close])
            chars = chars[chars.index(after: close)...]
        }
        var spec = ""
        while let s = chars.first, "-+ #0123456789.".contains(s) {
            spec.append(s)
            chars = chars.dropFirst()
        }
        guard let conversion = chars.first else { throw PythonError.valueError("incomplete format") }
        chars = chars.dropFirst()
        if conversion == "%" {
            out.append("%")
            continue
        }
        let value: Value
        if let key {
            guard let mapping, let v = try mapping.get(.str(key)) else { throw PythonError.keyError(.str(key)) }
            value = v
        } else {
            guard used < values.count else { throw PythonError.typeError("not enough arguments for format string") }
            value = values[used]
            used += 1
        }
        let pySpec = spec.hasPrefix("-") ? "<" + String(spec.dropFirst()) : spec
        // `%5s` right-aligns (printf), while `format(s, '5')` left-aligns; flags other than `-` do nothing to strings.
        let flagsDropped = spec.drop { "+ #0".contains($0) }
        let strSpec = spec.hasPrefix("-") ? pySpec : flagsDropped.isEmpty ? "" : ">" + flagsDropped
        switch conversion {
        case "s": out += try format(.str(value.str()), spec: strSpec)
        case "r": out += try format(.str(value.repr()), spec: strSpec)
        case "d", "i":
            guard let n = value.numeric else {
                throw PythonError.typeError("%d format: a real number is required, not \(value.typeName)")
            }
            switch n {
            case .int(let i): out += try format(.int(i), spec: pySpec)
            case .big(let b): out += try format(.integer(b), spec: pySpec)
            case .float(let d):
                guard let n = bigFromDouble(d) else {
                    throw PythonError(.overflowError, "cannot convert float \(d.isNaN ? "NaN" : "infinity") to integer")
                }
                out += try format(.integer(n), spec: pySpec)
            }
        case "f", "F", "e", "E", "g", "G", "x", "X", "o":
            guard let n = value.numeric else {
                throw PythonError.typeError("must be real number, not \(value.typeName)")
            }
            let v: Value
            switch n {
            case .int(let i): v = "xXo".contains(conversion) ? .int(i) : .float(Double(i))
            case .big(let b): v = "xXo".contains(conversion) ? .integer(b) : .float(try bigToDouble(b))
            case .float(let d): v = .float(d)
            }
            out += try format(v, spec: pySpec + String(conversion))
        default:
            throw PythonError.valueError("unsupported format character '\(conversion)'")
        }
    }
    if mapping == nil && used < values.count {
        throw PythonError.typeError("not all arguments converted during string formatting")
    }
    return out
}
