import PoolScript

/// JSON to Python values and back, keeping key order (Python dicts are ordered; Foundation's parser is not).
enum JSON {
    struct ParseError: Error, CustomStringConvertible {
        var message: String
        var offset: Int
        var description: String { "\(message): line 1 column \(offset + 1) (char \(offset))" }
    }

    /// Parses JSON text the way `json.loads` does: objects become dicts, arrays lists, numbers int or float.
    static func parse(_ text: String) throws -> Value {
        var parser = Parser(bytes: Array(text.utf8))
        parser.skipWhitespace()
        let value = try parser.parseValue()
        parser.skipWhitespace()
        guard parser.index == parser.bytes.count else { throw ParseError(message: "Extra data", offset: parser.index) }
        return value
    }

    /// `json.dumps(value)` with Python's default separators (`", "` and `": "`).
    static func serialize(_ value: Value) throws -> String {
        switch value {
        case .none: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .int(let i): return String(i)
        case .float: return value.repr()  // Python's float repr is valid JSON for finite values
        case .str(let s): return quote(s)
        case .list(let list): return "[" + (try list.items.map(serialize).joined(separator: ", ")) + "]"
        case .tuple(let items): return "[" + (try items.map(serialize).joined(separator: ", ")) + "]"
        case .dict(let dict):
            let parts = try dict.pairs.map { pair -> String in
                guard case .str(let key) = pair.key else {
                    throw PythonError.typeError(
                        "keys must be str, int, float, bool or None, not \(pair.key.typeName)")
                }
                return quote(key) + ": " + (try serialize(pair.value))
            }
            return "{" + parts.joined(separator: ", ") + "}"
        case .bytes, .object:
            throw PythonError.typeError("Object of type \(value.typeName) is not JSON serializable")
        }
    }

    static func quote(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value > 0x7e {
                    if scalar.value > 0xFFFF {
                        let v = scalar.value - 0x10000
                        out += hex4(0xD800 + (v >> 10)) + hex4(0xDC00 + (v & 0x3FF))
                    } else {
                        out += hex4(scalar.value)
                    }
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    private static func hex4(_ v: UInt32) -> String {
        let h = String(v, radix: 16)
        return "\\u" + String(repeating: "0", count: 4 - h.count) + h
    }

    private struct Parser {
        let bytes: [UInt8]
        var index = 0

        mutating func skipWhitespace() {
            while index < bytes.count, [0x20, 0x0A, 0x0D, 0x09].contains(bytes[index]) { index += 1 }
        }

        mutating func parseValue() throws -> Value {
            guard index < bytes.count else { throw ParseError(message: "Expecting value", offset: index) }
            switch bytes[index] {
            case UInt8(ascii: "{"): return try parseObject()
            case UInt8(ascii: "["): return try parseArray()
            case UInt8(ascii: "\""): return .str(try parseString())
            case UInt8(ascii: "t"): return try literal("true", .bool(true))
            case UInt8(ascii: "f"): return try literal("false", .bool(false))
            case UInt8(ascii: "n"): return try literal("null", .none)
            default: return try parseNumber()
            }
        }

        mutating func literal(_ word: String, _ value: Value) throws -> Value {
            let w = Array(word.utf8)
            guard index + w.count <= bytes.count, Array(bytes[index..<index + w.count]) == w else {
                throw ParseError(message: "Expecting value", offset: index)
            }
            index += w.count
            return value
        }

        mutating func parseNumber() throws -> Value {
            let start = index
            var isFloat = false
            while index < bytes.count {
                let c = bytes[index]
                if (c >= 0x30 && c <= 0x39) || c == UInt8(ascii: "-") || c == UInt8(ascii: "+") {
                    index += 1
                } else if c == UInt8(ascii: ".") || c == UInt8(ascii: "e") || c == UInt8(ascii: "E") {
                    isFloat = true
                    index += 1
                } else {
                    break
                }
            }
            let text = String(decoding: bytes[start..<index], as: UTF8.self)
            if !isFloat, let i = Int(text) { return .int(i) }
            if let d = Double(text) { return .float(d) }
            throw ParseError(message: "Expecting value", offset: start)
        }

        mutating func parseString() throws -> String {
            index += 1  // opening quote
            var scalars = String.UnicodeScalarView()
            var pendingHigh: UInt32?
            while index < bytes.count {
                let c = bytes[index]
                if c == UInt8(ascii: "\"") {
                    index += 1
                    return String(scalars)
                }
                if c == UInt8(ascii: "\\") {
                    index += 1
                    guard index < bytes.count else { break }
                    let e = bytes[index]
                    index += 1
                    switch e {
                    case UInt8(ascii: "n"): scalars.append("\n")
                    case UInt8(ascii: "t"): scalars.append("\t")
                    case UInt8(ascii: "r"): scalars.append("\r")
                    case UInt8(ascii: "b"): scalars.append("\u{08}")
                    case UInt8(ascii: "f"): scalars.append("\u{0C}")
                    case UInt8(ascii: "u"):
                        guard index + 4 <= bytes.count,
                            let v = UInt32(String(decoding: bytes[index..<index + 4], as: UTF8.self), radix: 16)
                        else { throw ParseError(message: "Invalid \\uXXXX escape", offset: index) }
                        index += 4
                        if v >= 0xD800 && v < 0xDC00 {
                            pendingHigh = v
                        } else if v >= 0xDC00 && v < 0xE000, let high = pendingHigh {
                            let combined = 0x10000 + ((high - 0xD800) << 10) + (v - 0xDC00)
                            scalars.append(Unicode.Scalar(combined) ?? "\u{FFFD}")
                            pendingHigh = nil
                        } else {
                            scalars.append(Unicode.Scalar(v) ?? "\u{FFFD}")
                        }
                    default: scalars.append(Unicode.Scalar(e))
                    }
                    continue
                }
                // Copy one UTF-8 sequence.
                var length = 1
                if c >= 0xF0 { length = 4 } else if c >= 0xE0 { length = 3 } else if c >= 0xC0 { length = 2 }
                let end = min(index + length, bytes.count)
                scalars.append(contentsOf: String(decoding: bytes[index..<end], as: UTF8.self).unicodeScalars)
                index = end
            }
            throw ParseError(message: "Unterminated string starting at", offset: index)
        }

        mutating func parseArray() throws -> Value {
            index += 1
            var items: [Value] = []
            skipWhitespace()
            if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
                index += 1
                return .list(PyList(items))
            }
            while true {
                skipWhitespace()
                items.append(try parseValue())
                skipWhitespace()
                guard index < bytes.count else { throw ParseError(message: "Expecting ',' delimiter", offset: index) }
                if bytes[index] == UInt8(ascii: ",") {
                    index += 1
                } else if bytes[index] == UInt8(ascii: "]") {
                    index += 1
                    return .list(PyList(items))
                } else {
                    throw ParseError(message: "Expecting ',' delimiter", offset: index)
                }
            }
        }

        mutating func parseObject() throws -> Value {
            index += 1
            var pairs: [(Value, Value)] = []
            skipWhitespace()
            if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
                index += 1
                return .dict(PyDict(pairs))
            }
            while true {
                skipWhitespace()
                guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
                    throw ParseError(message: "Expecting property name enclosed in double quotes", offset: index)
                }
                let key = try parseString()
                skipWhitespace()
                guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else {
                    throw ParseError(message: "Expecting ':' delimiter", offset: index)
                }
                index += 1
                skipWhitespace()
                pairs.append((.str(key), try parseValue()))
                skipWhitespace()
                guard index < bytes.count else { throw ParseError(message: "Expecting ',' delimiter", offset: index) }
                if bytes[index] == UInt8(ascii: ",") {
                    index += 1
                } else if bytes[index] == UInt8(ascii: "}") {
                    index += 1
                    return .dict(PyDict(pairs))
                } else {
                    throw ParseError(message: "Expecting ',' delimiter", offset: index)
                }
            }
        }
    }
}
