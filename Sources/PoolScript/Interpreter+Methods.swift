/// Methods of the builtin types (`"a".upper()`, `xs.append(1)`, `d.items()`), bound to their receiver.
extension Interpreter {
    func builtinMethodNames(_ v: Value) -> [String] {
        switch v {
        case .str:
            return [
                "capitalize", "count", "encode", "endswith", "find", "format", "index", "isdigit", "isalpha",
                "join", "lower", "lstrip", "replace", "rfind", "rsplit", "rstrip", "split", "splitlines",
                "startswith", "strip", "title", "upper", "zfill", "removeprefix", "removesuffix", "isspace",
                "center", "ljust", "rjust", "isupper", "islower", "partition", "rpartition",
            ]
        case .list:
            return [
                "append", "clear", "copy", "count", "extend", "index", "insert", "pop", "remove", "reverse", "sort",
            ]
        case .dict:
            return ["clear", "copy", "get", "items", "keys", "pop", "setdefault", "update", "values"]
        case .tuple: return ["count", "index"]
        case .bytes: return ["decode", "hex", "startswith", "endswith"]
        case .float: return ["is_integer", "real", "imag"]
        case .int, .bool: return ["bit_length", "real", "imag"]
        case .none, .object: return []
        }
    }

    func builtinMethod(_ receiver: Value, _ name: String) -> InterpBuiltin? {
        guard builtinMethodNames(receiver).contains(name) else { return nil }
        let owner = "\(receiver.typeName) object at \(receiverAddress(receiver))"
        return InterpBuiltin(name, receiver: owner) { i, a, f in
            try await i.callMethod(receiver, name, a, f)
        }
    }

    private func receiverAddress(_ v: Value) -> String {
        switch v {
        case .list(let l): return fakeAddress(l)
        case .dict(let d): return fakeAddress(d)
        default: return "0x0"
        }
    }

    nonisolated(nonsending) private func callMethod(_ receiver: Value, _ name: String, _ a: Arguments, _ f: Frame)
        async throws -> Value
    {
        func one(_ p: String, _ d: Value? = nil) throws -> Value { try a.bind(name, [Parameter(p, default: d)])[p] }
        func none() throws { _ = try a.bind(name, []) }
        func string(_ v: Value, _ what: String) throws -> String {
            guard case .str(let s) = v else {
                throw PythonError.typeError("\(what) must be str, not \(v.typeName)")
            }
            return s
        }
        switch receiver {
        case .str(let s):
            switch name {
            case "upper":
                try none()
                return .str(s.uppercased())
            case "lower":
                try none()
                return .str(s.lowercased())
            case "title", "capitalize":
                try none()
                if name == "capitalize" { return .str(s.prefix(1).uppercased() + s.dropFirst().lowercased()) }
                var out = ""
                var previousLetter = false
                for c in s {
                    out += previousLetter ? c.lowercased() : c.uppercased()
                    previousLetter = c.isLetter
                }
                return .str(out)
            case "strip", "lstrip", "rstrip":
                let chars = try one("chars", Value.none)
                let set: Set<Character> = {
                    if case .str(let c) = chars { return Set(c) }
                    return []
                }()
                let strip: (Character) -> Bool = {
                    if case .str = chars { return set.contains($0) }
                    return $0.isWhitespace
                }
                var t = Substring(s)
                if name != "rstrip" { while let c = t.first, strip(c) { t.removeFirst() } }
                if name != "lstrip" { while let c = t.last, strip(c) { t.removeLast() } }
                return .str(String(t))
            case "split", "rsplit":
                let b = try a.bind(
                    name,
                    [Parameter("sep", default: Value.none), Parameter("maxsplit", default: .int(-1))]
                )
                let maxsplit = b["maxsplit"].intValue
                if case .str(let sep) = b["sep"] {
                    guard !sep.isEmpty else { throw PythonError.valueError("empty separator") }
                    var parts = s.components(separatedBy: sep)
                    if maxsplit >= 0 && parts.count > maxsplit + 1 {
                        if name == "split" {
                            parts = Array(parts[..<maxsplit]) + [parts[maxsplit...].joined(separator: sep)]
                        } else {
                            let keep = parts.count - maxsplit
                            parts = [parts[..<keep].joined(separator: sep)] + Array(parts[keep...])
                        }
                    }
                    return .list(PyList(parts.map(Value.str)))
                }
                var parts = s.split(whereSeparator: { $0.isWhitespace }).map(String.init)
                if maxsplit >= 0 && parts.count > maxsplit + 1 && name == "split" {
                    var rest = Substring(s)
                    var out: [String] = []
                    for _ in 0..<maxsplit {
                        while let c = rest.first, c.isWhitespace { rest.removeFirst() }
                        let word = rest.prefix(while: { !$0.isWhitespace })
                        out.append(String(word))
                        rest = rest.dropFirst(word.count)
                    }
                    while let c = rest.first, c.isWhitespace { rest.removeFirst() }
                    parts = out + [String(rest)]
                }
                return .list(PyList(parts.map(Value.str)))
            case "splitlines":
                try none()
                return .list(
                    PyList(
                        s.split(omittingEmptySubsequences: false, whereSeparator: { $0.isNewline }).map {
                            Value.str(String($0))
                        }.dropLastIfEmpty(s)
                    )
                )
            case "join":
                let items = try iterate(try one("iterable"))
                var parts: [String] = []
                for (n, item) in items.enumerated() {
                    guard case .str(let t) = item else {
                        throw PythonError.typeError("sequence item \(n): expected str instance, \(item.typeName) found")
                    }
                    parts.append(t)
                }
                return .str(parts.joined(separator: s))
            case "startswith", "endswith":
                let b = try a.bind(name, [Parameter("prefix")])
                let candidates: [Value]
                if case .tuple(let t) = b["prefix"] { candidates = t } else { candidates = [b["prefix"]] }
                for c in candidates {
                    let p = try string(c, "\(name) first arg")
                    if name == "startswith"
                        ? s.unicodeScalars.starts(with: p.unicodeScalars)
                        : s.unicodeScalars.reversed().starts(with: p.unicodeScalars.reversed())
                    {
                        return .bool(true)
                    }
                }
                return .bool(false)
            case "replace":
                let b = try a.bind(name, [Parameter("old"), Parameter("new"), Parameter("count", default: .int(-1))])
                let old = try string(b["old"], "replace() argument 1")
                let new = try string(b["new"], "replace() argument 2")
                let count = b["count"].intValue
                var parts: [String]
                if old.isEmpty {
                    // CPython inserts `new` before every character and at the end ('ab'.replace('', '-') is
                    // '-a-b-'). Foundation's components(separatedBy: "") never returns (found by the fuzzer).
                    parts = [""] + s.unicodeScalars.map { String($0) }
                    if count >= 0 && parts.count > count + 1 { parts = Array(parts[..<count]) + [parts[count...].joined()] }
                    parts.append("")
                    if count >= 0 && parts.count > count + 1 { parts = Array(parts[..<count]) + [parts[count...].joined()] }
                } else {
                    parts = s.components(separatedBy: old)
                    if count >= 0 && parts.count > count + 1 {
                        parts = Array(parts[..<count]) + [parts[count...].joined(separator: old)]
                    }
                }
                // The result can be far larger than the receiver: `('a' * 9999).replace('a', 'b' * 9999)`.
                try checkSize(s.unicodeScalars.count + (parts.count - 1) * new.unicodeScalars.count)
                return .str(parts.joined(separator: new))
            case "find", "index", "rfind", "count":
                let sub = try string(try one("sub"), "must be str")
                let hay = Array(s.unicodeScalars)
                let needle = Array(sub.unicodeScalars)
                var positions: [Int] = []
                if needle.isEmpty {
                    positions = Array(0...hay.count)
                } else if needle.count <= hay.count {
                    var k = 0
                    while k <= hay.count - needle.count {
                        if Array(hay[k..<(k + needle.count)]) == needle {
                            positions.append(k)
                            if name == "count" {
                                k += needle.count
                                continue
                            }
                        }
                        k += 1
                    }
                }
                switch name {
                case "count": return .int(positions.count)
                case "rfind": return .int(positions.last ?? -1)
                case "find": return .int(positions.first ?? -1)
                default:
                    guard let p = positions.first else { throw PythonError.valueError("substring not found") }
                    return .int(p)
                }
            case "partition", "rpartition":
                let sep = try string(try one("sep"), "must be str")
                guard !sep.isEmpty else { throw PythonError.valueError("empty separator") }
                let hay = Array(s.unicodeScalars)
                let needle = Array(sep.unicodeScalars)
                var found: Int?
                if needle.count <= hay.count {
                    let starts = Array(0...(hay.count - needle.count))
                    for k in (name == "partition" ? starts : starts.reversed())
                    where Array(hay[k..<(k + needle.count)]) == needle {
                        found = k
                        break
                    }
                }
                func text(_ scalars: ArraySlice<Unicode.Scalar>) -> Value { .str(String(String.UnicodeScalarView(scalars))) }
                guard let k = found else {
                    return name == "partition" ? .tuple([.str(s), .str(""), .str("")]) : .tuple([.str(""), .str(""), .str(s)])
                }
                return .tuple([text(hay[..<k]), .str(sep), text(hay[(k + needle.count)...])])
            case "format":
                return .str(try strFormat(s, a))
            case "encode": return .bytes(Array(s.utf8))
            case "isdigit":
                try none()
                return .bool(!s.isEmpty && s.allSatisfy { $0.isNumber })
            case "isalpha":
                try none()
                return .bool(!s.isEmpty && s.allSatisfy { $0.isLetter })
            case "isspace":
                try none()
                return .bool(!s.isEmpty && s.allSatisfy { $0.isWhitespace })
            case "zfill":
                let width = try one("width").intValue
                let n = s.unicodeScalars.count
                guard width > n else { return .str(s) }
                try checkSize(width)
                if let c = s.first, c == "-" || c == "+" {
                    return .str(String(c) + String(repeating: "0", count: width - n) + s.dropFirst())
                }
                return .str(String(repeating: "0", count: width - n) + s)
            case "center", "ljust", "rjust":
                let b = try a.bind(name, [Parameter("width"), Parameter("fillchar", default: .str(" "))])
                guard case .int(let width) = b["width"] else {
                    throw PythonError.typeError("'\(b["width"].typeName)' object cannot be interpreted as an integer")
                }
                guard case .str(let fill) = b["fillchar"], fill.unicodeScalars.count == 1 else {
                    throw PythonError.typeError("The fill character must be exactly one character long")
                }
                let n = s.unicodeScalars.count
                guard width > n else { return .str(s) }
                try checkSize(width)
                let padding = width - n
                switch name {
                case "ljust": return .str(s + String(repeating: fill, count: padding))
                case "rjust": return .str(String(repeating: fill, count: padding) + s)
                default:
                    // CPython's centering puts the odd extra fill character on the left when width is odd.
                    let left = padding / 2 + (padding & width & 1)
                    return .str(
                        String(repeating: fill, count: left) + s + String(repeating: fill, count: padding - left)
                    )
                }
            case "isupper":
                try none()
                return .bool(s.contains { $0.isUppercase } && !s.contains { $0.isLowercase })
            case "islower":
                try none()
                return .bool(s.contains { $0.isLowercase } && !s.contains { $0.isUppercase })
            case "removeprefix":
                let p = try string(try one("prefix"), "removeprefix() argument")
                return .str(s.hasPrefix(p) ? String(s.dropFirst(p.count)) : s)
            case "removesuffix":
                let p = try string(try one("suffix"), "removesuffix() argument")
                return .str(!p.isEmpty && s.hasSuffix(p) ? String(s.dropLast(p.count)) : s)
            default: break
            }
        case .list(let l):
            switch name {
            case "append":
                let v = try one("object")
                try checkSize(l.items.count + 1)
                l.items.append(v)
                return .none
            case "extend":
                let extra = try iterate(try one("iterable"))
                try checkSize(l.items.count + extra.count)
                l.items += extra
                return .none
            case "insert":
                let b = try a.bind(name, [Parameter("index"), Parameter("object")])
                var i = b["index"].intValue
                if i < 0 { i = max(0, i + l.items.count) }
                l.items.insert(b["object"], at: min(i, l.items.count))
                return .none
            case "pop":
                guard !l.items.isEmpty else { throw PythonError.indexError("pop from empty list") }
                let i = try normalizeIndex(try one("index", .int(-1)), count: l.items.count, what: "pop")
                return l.items.remove(at: i)
            case "remove":
                let v = try one("value")
                guard let i = l.items.firstIndex(where: { $0 == v }) else {
                    throw PythonError.valueError("list.remove(x): x not in list")
                }
                l.items.remove(at: i)
                return .none
            case "index":
                let v = try one("value")
                guard let i = l.items.firstIndex(where: { $0 == v }) else {
                    throw PythonError.valueError("\(v.repr()) is not in list")
                }
                return .int(i)
            case "count":
                let v = try one("value")
                return .int(l.items.filter { $0 == v }.count)
            case "clear":
                try none()
                l.items = []
                return .none
            case "copy":
                try none()
                return .list(PyList(l.items))
            case "reverse":
                try none()
                l.items.reverse()
                return .none
            case "sort":
                let b = try a.bind(
                    name,
                    [
                        Parameter("key", kind: .keywordOnly, default: Value.none),
                        Parameter("reverse", kind: .keywordOnly, default: .bool(false)),
                    ]
                )
                l.items = try await sortValues(l.items, key: b["key"], reverse: b["reverse"].isTruthy, f)
                return .none
            default: break
            }
        case .dict(let d):
            switch name {
            case "get":
                let b = try a.bind(name, [Parameter("key"), Parameter("default", default: Value.none)])
                return try d.get(b["key"]) ?? b["default"]
            case "keys":
                try none()
                return .object(DictView(d, .keys))
            case "values":
                try none()
                return .object(DictView(d, .values))
            case "items":
                try none()
                return .object(DictView(d, .items))
            case "pop":
                let b = try a.bind(name, [Parameter("key"), Parameter("default", optional: true)])
                if let v = try d.remove(b["key"]) { return v }
                if b.isGiven("default") { return b["default"] }
                throw PythonError.keyError(b["key"])
            case "setdefault":
                let b = try a.bind(name, [Parameter("key"), Parameter("default", default: Value.none)])
                if let v = try d.get(b["key"]) { return v }
                try d.set(b["key"], b["default"])
                return b["default"]
            case "update":
                let b = try a.bind(
                    name,
                    [Parameter("other", default: Value.none), Parameter("kwargs", kind: .varKeyword)]
                )
                switch b["other"] {
                case .none: break
                case .dict(let o): for (k, v) in o.pairs { try d.set(k, v) }
                case let other:
                    for item in try iterate(other) {
                        let pair = try iterate(item)
                        guard pair.count == 2 else {
                            throw PythonError.valueError(
                                "dictionary update sequence element has length \(pair.count); 2 is required"
                            )
                        }
                        try d.set(pair[0], pair[1])
                    }
                }
                for (k, v) in b.extraKeywords { try d.set(.str(k), v) }
                return .none
            case "clear":
                try none()
                d.removeAll()
                return .none
            case "copy":
                try none()
                return .dict(PyDict(d.pairs.map { ($0.key, $0.value) }))
            default: break
            }
        case .tuple(let t):
            let v = try one("value")
            if name == "count" { return .int(t.filter { $0 == v }.count) }
            guard let i = t.firstIndex(where: { $0 == v }) else {
                throw PythonError.valueError("tuple.index(x): x not in tuple")
            }
            return .int(i)
        case .bytes(let bytes):
            switch name {
            case "decode":
                _ = try a.bind(
                    name,
                    [Parameter("encoding", default: .str("utf-8")), Parameter("errors", default: .str("strict"))]
                )
                return .str(String(decoding: bytes, as: UTF8.self))
            case "hex":
                try none()
                return .str(bytes.map { hex(UInt32($0), width: 2) }.joined())
            case "startswith", "endswith":
                guard case .bytes(let p) = try one("prefix") else { throw PythonError.typeError("expected bytes") }
                return .bool(name == "startswith" ? bytes.starts(with: p) : bytes.reversed().starts(with: p.reversed()))
            default: break
            }
        case .float(let d):
            if name == "is_integer" {
                try none()
                return .bool(d.rounded() == d)
            }
        case .int(let n):
            if name == "bit_length" {
                try none()
                return .int(Int.bitWidth - n.magnitude.leadingZeroBitCount)
            }
        case .bool, .none, .object: break
        }
        throw PythonError.attributeError("'\(receiver.typeName)' object has no attribute '\(name)'")
    }

    /// `"{} {name} {0!r:>4}".format(...)`.
    func strFormat(_ template: String, _ a: Arguments) throws -> String {
        var auto = 0
        return try strFormat(template, a, auto: &auto, depth: 0)
    }

    /// One level of `str.format`; a format spec may hold replacement fields of its own (`{:>{width}}`), which
    /// share the automatic numbering, one level deep as in CPython ("Max string recursion exceeded").
    private func strFormat(_ template: String, _ a: Arguments, auto: inout Int, depth: Int) throws -> String {
        guard depth < 2 else { throw PythonError.valueError("Max string recursion exceeded") }
        var out = ""
        let chars = Array(template)
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c == "{" {
                if i + 1 < chars.count && chars[i + 1] == "{" {
                    out.append("{")
                    i += 2
                    continue
                }
                var close = i + 1
                var level = 1
                while close < chars.count {
                    if chars[close] == "{" { level += 1 }
                    if chars[close] == "}" {
                        level -= 1
                        if level == 0 { break }
                    }
                    close += 1
                }
                guard close < chars.count else {
                    throw PythonError.valueError(
                        level > 1 ? "unmatched '{' in format spec" : "Single '{' encountered in format string")
                }
                var field = String(chars[(i + 1)..<close])
                i = close + 1
                var spec = ""
                if let colon = field.firstIndex(of: ":") {
                    spec = String(field[field.index(after: colon)...])
                    field = String(field[..<colon])
                }
                var conversion: Character?
                if let bang = field.firstIndex(of: "!") {
                    conversion = field[field.index(after: bang)...].first
                    field = String(field[..<bang])
                }
                var path = field.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
                let head = path.removeFirst()
                var value: Value
                if head.isEmpty {
                    guard auto < a.positional.count else {
                        throw PythonError.indexError("Replacement index \(auto) out of range for positional args tuple")
                    }
                    value = a.positional[auto]
                    auto += 1
                } else if let n = Int(head) {
                    guard n < a.positional.count else {
                        throw PythonError.indexError("Replacement index \(n) out of range for positional args tuple")
                    }
                    value = a.positional[n]
                } else {
                    guard let v = a.keyword(head) else { throw PythonError.keyError(.str(head)) }
                    value = v
                }
                for attribute in path { value = try getAttribute(value, attribute) }
                switch conversion {
                case "r": value = .str(value.repr())
                case "s": value = .str(value.str())
                default: break
                }
                // The field's own value is numbered before the fields nested in its spec.
                if spec.contains("{") { spec = try strFormat(spec, a, auto: &auto, depth: depth + 1) }
                out += try format(value, spec: spec)
            } else if c == "}" {
                if i + 1 < chars.count && chars[i + 1] == "}" {
                    out.append("}")
                    i += 2
                    continue
                }
                throw PythonError.valueError("Single '}' encountered in format string")
            } else {
                out.append(c)
                i += 1
            }
        }
        return out
    }
}

extension Array where Element == Value {
    fileprivate func dropLastIfEmpty(_ source: String) -> [Value] {
        if let last, case .str(let s) = last, s.isEmpty, !isEmpty { return Array(dropLast()) }
        _ = source
        return self
    }
}

extension String {
    /// Splits on every occurrence of `separator` (like Python's `str.split(sep)`).
    func components(separatedBy separator: String) -> [String] {
        let hay = Array(unicodeScalars)
        let needle = Array(separator.unicodeScalars)
        var parts: [String] = []
        var current = String.UnicodeScalarView()
        var i = 0
        while i < hay.count {
            if i + needle.count <= hay.count, Array(hay[i..<(i + needle.count)]) == needle {
                parts.append(String(current))
                current = String.UnicodeScalarView()
                i += needle.count
            } else {
                current.append(hay[i])
                i += 1
            }
        }
        parts.append(String(current))
        return parts
    }
}
