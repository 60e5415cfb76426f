import BigInt

/// `json`: `dumps` / `loads` (and `dump` / `load` are absent: PoolScript has no files), with CPython 3.11's
/// output (`separators`, `indent`, `sort_keys`, `ensure_ascii`, `default`) and `JSONDecodeError` messages
/// (`Expecting value: line 1 column 1 (char 0)`).
extension Interpreter {
    func jsonModule() -> StdlibModuleSpec {
        var n: [String: Value] = [:]
        n["JSONDecodeError"] = .object(ExceptionClass.jsonDecodeError)
        n["dumps"] = builtin("dumps") { i, a, f in
            let b = try a.bind(
                "dumps",
                [
                    Parameter("obj"), Parameter("skipkeys", kind: .keywordOnly, default: .bool(false)),
                    Parameter("ensure_ascii", kind: .keywordOnly, default: .bool(true)),
                    Parameter("check_circular", kind: .keywordOnly, default: .bool(true)),
                    Parameter("allow_nan", kind: .keywordOnly, default: .bool(true)),
                    Parameter("cls", kind: .keywordOnly, default: Value.none),
                    Parameter("indent", kind: .keywordOnly, default: Value.none),
                    Parameter("separators", kind: .keywordOnly, default: Value.none),
                    Parameter("default", kind: .keywordOnly, default: Value.none),
                    Parameter("sort_keys", kind: .keywordOnly, default: .bool(false)),
                ])
            var encoder = JSONEncoder(ensureASCII: b["ensure_ascii"].isTruthy, sortKeys: b["sort_keys"].isTruthy)
            switch b["indent"] {
            case .none: break
            case .int(let k): encoder.indent = String(repeating: " ", count: max(0, k))
            case .str(let s): encoder.indent = s
            default: throw PythonError.typeError("indent must be None, an int or a str")
            }
            if case .tuple(let seps) = b["separators"], seps.count == 2, case .str(let item) = seps[0], case .str(let key) = seps[1] {
                encoder.itemSeparator = item
                encoder.keySeparator = key
            } else if encoder.indent != nil {
                encoder.itemSeparator = ","
            }
            let fallback = b["default"]
            return .str(try await encoder.encode(b["obj"], level: 0, i, f, fallback))
        }
        n["loads"] = native("loads") { a in
            let b = try a.bind("loads", [Parameter("s"), Parameter("kwargs", kind: .varKeyword)])
            let text: String
            switch b["s"] {
            case .str(let s): text = s
            case .bytes(let bytes): text = String(decoding: bytes, as: UTF8.self)
            default:
                throw PythonError.typeError("the JSON object must be str, bytes or bytearray, not \(b["s"].typeName)")
            }
            var parser = JSONParser(Array(text.unicodeScalars))
            return try parser.document()
        }
        return StdlibModuleSpec(natives: n)
    }
}

extension ExceptionClass {
    static let jsonDecodeError = ExceptionClass(name: "JSONDecodeError", module: "json.decoder", base: .valueError)
}

private struct JSONEncoder {
    var ensureASCII: Bool
    var sortKeys: Bool
    var indent: String?
    var itemSeparator = ", "
    var keySeparator = ": "

    init(ensureASCII: Bool, sortKeys: Bool) {
        self.ensureASCII = ensureASCII
        self.sortKeys = sortKeys
    }

    func quote(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            default:
                if scalar.value < 0x20 || (ensureASCII && scalar.value > 0x7E) {
                    func hex(_ v: UInt32) -> String {
                        let h = String(v, radix: 16)
                        return "\\u" + String(repeating: "0", count: 4 - h.count) + h
                    }
                    if scalar.value > 0xFFFF {
                        let v = scalar.value - 0x10000
                        out += hex(0xD800 + (v >> 10)) + hex(0xDC00 + (v & 0x3FF))
                    } else {
                        out += hex(scalar.value)
                    }
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    func float(_ d: Double) -> String {
        if d.isNaN { return "NaN" }
        if d.isInfinite { return d > 0 ? "Infinity" : "-Infinity" }
        return Value.float(d).repr()
    }

    func key(_ k: Value) throws -> String? {
        switch k {
        case .str(let s): return s
        case .bool(let b): return b ? "true" : "false"
        case .none: return "null"
        case .int: return k.repr()
        case .float(let d): return float(d)
        case .object(let o as BigIntObject): return String(o.value)
        default: throw PythonError.typeError("keys must be str, int, float, bool or None, not \(k.typeName)")
        }
    }

    nonisolated(nonsending) func encode(_ v: Value, level: Int, _ i: Interpreter, _ f: Frame, _ fallback: Value)
        async throws -> String
    {
        try i.tick()
        let newline = indent.map { "\n" + String(repeating: $0, count: level + 1) }
        let closing = indent.map { "\n" + String(repeating: $0, count: level) } ?? ""
        if let backing = i.dictBacking(v) { return try await encode(.dict(backing), level: level, i, f, fallback) }
        switch v {
        case .none: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .int: return v.repr()
        case .float(let d): return float(d)
        case .str(let s): return quote(s)
        case .object(let o as BigIntObject): return String(o.value)
        case .list, .tuple:
            let items = try i.iterate(v)
            if items.isEmpty { return "[]" }
            var parts: [String] = []
            for item in items { parts.append(try await encode(item, level: level + 1, i, f, fallback)) }
            return "[" + (newline ?? "") + parts.joined(separator: itemSeparator + (newline ?? "")) + closing + "]"
        case .dict(let d):
            if d.count == 0 { return "{}" }
            var pairs: [(String, Value)] = []
            for (k, value) in d.pairs { if let s = try key(k) { pairs.append((s, value)) } }
            if sortKeys { pairs.sort { $0.0.unicodeScalars.lexicographicallyPrecedes($1.0.unicodeScalars) } }
            var parts: [String] = []
            for (k, value) in pairs {
                parts.append(quote(k) + keySeparator + (try await encode(value, level: level + 1, i, f, fallback)))
            }
            return "{" + (newline ?? "") + parts.joined(separator: itemSeparator + (newline ?? "")) + closing + "}"
        default:
            if case .none = fallback {
                let name = i.typeObject(of: v).object(as: ClassObject.self)?.name ?? v.typeName
                throw PythonError.typeError("Object of type \(name) is not JSON serializable")
            }
            return try await encode(try await i.call(fallback, Arguments(positional: [v]), f), level: level, i, f, fallback)
        }
    }
}

/// A recursive-descent JSON reader raising CPython's `JSONDecodeError` messages.
private struct JSONParser {
    let text: [Unicode.Scalar]
    var pos = 0

    init(_ text: [Unicode.Scalar]) { self.text = text }

    func error(_ message: String, at index: Int) -> PythonError {
        var line = 1
        var column = 1
        for scalar in text[0..<min(index, text.count)] {
            if scalar == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        var e = PythonError(.jsonDecodeError, "\(message): line \(line) column \(column) (char \(index))")
        e.attributes = ["msg": .str(message), "pos": .int(index), "lineno": .int(line), "colno": .int(column)]
        return e
    }

    mutating func skipSpace() {
        while pos < text.count, [" ", "\t", "\n", "\r"].contains(text[pos]) { pos += 1 }
    }

    mutating func document() throws -> Value {
        skipSpace()
        let value = try parseValue()
        skipSpace()
        if pos < text.count { throw error("Extra data", at: pos) }
        return value
    }

    mutating func literal(_ word: String, _ value: Value) -> Value? {
        let scalars = Array(word.unicodeScalars)
        guard pos + scalars.count <= text.count, Array(text[pos..<pos + scalars.count]) == scalars else { return nil }
        pos += scalars.count
        return value
    }

    mutating func parseValue() throws -> Value {
        guard pos < text.count else { throw error("Expecting value", at: pos) }
        switch text[pos] {
        case "{": return try parseObject()
        case "[": return try parseArray()
        case "\"": return .str(try parseString())
        case "n": if let v = literal("null", .none) { return v }
        case "t": if let v = literal("true", .bool(true)) { return v }
        case "f": if let v = literal("false", .bool(false)) { return v }
        case "N": if let v = literal("NaN", .float(.nan)) { return v }
        case "I": if let v = literal("Infinity", .float(.infinity)) { return v }
        default:
            if text[pos] == "-" || ("0"..."9").contains(text[pos]) {
                if text[pos] == "-", let v = literal("-Infinity", .float(-.infinity)) { return v }
                return try parseNumber()
            }
        }
        throw error("Expecting value", at: pos)
    }

    mutating func parseNumber() throws -> Value {
        let start = pos
        if text[pos] == "-" { pos += 1 }
        guard pos < text.count, ("0"..."9").contains(text[pos]) else { throw error("Expecting value", at: start) }
        if text[pos] == "0" { pos += 1 } else { while pos < text.count, ("0"..."9").contains(text[pos]) { pos += 1 } }
        var isFloat = false
        if pos + 1 < text.count, text[pos] == ".", ("0"..."9").contains(text[pos + 1]) {
            isFloat = true
            pos += 1
            while pos < text.count, ("0"..."9").contains(text[pos]) { pos += 1 }
        }
        if pos < text.count, text[pos] == "e" || text[pos] == "E" {
            var p = pos + 1
            if p < text.count, text[p] == "+" || text[p] == "-" { p += 1 }
            if p < text.count, ("0"..."9").contains(text[p]) {
                isFloat = true
                pos = p
                while pos < text.count, ("0"..."9").contains(text[pos]) { pos += 1 }
            }
        }
        var literal = ""
        literal.unicodeScalars.append(contentsOf: text[start..<pos])
        if isFloat { return .float(Double(literal) ?? .nan) }
        if let n = Int(literal) { return .int(n) }
        return .object(BigIntObject(BigInt(literal)!))
    }

    mutating func parseString() throws -> String {
        let start = pos
        pos += 1
        var out = ""
        while true {
            guard pos < text.count else { throw error("Unterminated string starting at", at: start) }
            let c = text[pos]
            if c == "\"" {
                pos += 1
                return out
            }
            if c.value < 0x20 { throw error("Invalid control character at", at: pos) }
            if c == "\\" {
                guard pos + 1 < text.count else { throw error("Unterminated string starting at", at: start) }
                let e = text[pos + 1]
                switch e {
                case "\"": out += "\""
                case "\\": out += "\\"
                case "/": out += "/"
                case "b": out += "\u{08}"
                case "f": out += "\u{0C}"
                case "n": out += "\n"
                case "r": out += "\r"
                case "t": out += "\t"
                case "u":
                    guard let v = hex4(pos + 2) else { throw error("Invalid \\uXXXX escape", at: pos + 1) }
                    pos += 6
                    if (0xD800..<0xDC00).contains(v), pos + 1 < text.count, text[pos] == "\\", text[pos + 1] == "u",
                        let low = hex4(pos + 2), (0xDC00..<0xE000).contains(low)
                    {
                        pos += 6
                        out.unicodeScalars.append(Unicode.Scalar(0x10000 + ((v - 0xD800) << 10) + (low - 0xDC00))!)
                    } else {
                        out.unicodeScalars.append(Unicode.Scalar(v) ?? "\u{FFFD}")
                    }
                    continue
                default: throw error("Invalid \\escape", at: pos)
                }
                pos += 2
                continue
            }
            out.unicodeScalars.append(c)
            pos += 1
        }
    }

    func hex4(_ at: Int) -> UInt32? {
        guard at + 4 <= text.count else { return nil }
        var s = ""
        s.unicodeScalars.append(contentsOf: text[at..<at + 4])
        return UInt32(s, radix: 16)
    }

    mutating func parseArray() throws -> Value {
        pos += 1
        var items: [Value] = []
        skipSpace()
        if pos < text.count, text[pos] == "]" {
            pos += 1
            return .list(PyList(items))
        }
        while true {
            skipSpace()
            items.append(try parseValue())
            skipSpace()
            guard pos < text.count else { throw error("Expecting ',' delimiter", at: pos) }
            if text[pos] == "]" {
                pos += 1
                return .list(PyList(items))
            }
            guard text[pos] == "," else { throw error("Expecting ',' delimiter", at: pos) }
            pos += 1
        }
    }

    mutating func parseObject() throws -> Value {
        pos += 1
        let d = PyDict()
        skipSpace()
        if pos < text.count, text[pos] == "}" {
            pos += 1
            return .dict(d)
        }
        while true {
            skipSpace()
            guard pos < text.count, text[pos] == "\"" else {
                throw error("Expecting property name enclosed in double quotes", at: pos)
            }
            let key = try parseString()
            skipSpace()
            guard pos < text.count, text[pos] == ":" else { throw error("Expecting ':' delimiter", at: pos) }
            pos += 1
            skipSpace()
            try d.set(.str(key), try parseValue())
            skipSpace()
            guard pos < text.count else { throw error("Expecting ',' delimiter", at: pos) }
            if text[pos] == "}" {
                pos += 1
                return .dict(d)
            }
            guard text[pos] == "," else { throw error("Expecting ',' delimiter", at: pos) }
            pos += 1
        }
    }
}
