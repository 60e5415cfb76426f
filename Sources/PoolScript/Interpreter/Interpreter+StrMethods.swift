/// Methods of `str` (`"a".upper()`, `s.split(",")`, …), CPython 3.11 semantics and messages.
extension Interpreter {
    /// The result of `s.name(...)`, or nil when `str` has no such method.
    nonisolated(nonsending) func strMethod(_ s: String, _ name: String, _ a: Arguments, _ f: Frame) async throws -> Value? {
        func one(_ p: String, _ d: Value? = nil) throws -> Value { try a.bind(name, [Parameter(p, default: d)])[p] }
        func none() throws { _ = try a.bind(name, []) }
        func string(_ v: Value, _ what: String) throws -> String {
            guard case .str(let s) = v else {
                throw PythonError.typeError("\(what) must be str, not \(v.typeName)")
            }
            return s
        }
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
        case "swapcase":
            try none()
            return .str(s.map { $0.isUppercase ? $0.lowercased() : $0.isLowercase ? $0.uppercased() : String($0) }.joined())
        case "isnumeric":
            try none()
            return .bool(!s.isEmpty && s.unicodeScalars.allSatisfy { $0.properties.numericType != nil })
        case "isdecimal":
            try none()
            return .bool(!s.isEmpty && s.unicodeScalars.allSatisfy { $0.properties.numericType == .decimal })
        case "isalnum":
            try none()
            return .bool(!s.isEmpty && s.allSatisfy { $0.isLetter || $0.isNumber })
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
        return nil
    }
}

extension Array where Element == Value {
    fileprivate func dropLastIfEmpty(_ source: String) -> [Value] {
        if let last, case .str(let s) = last, s.isEmpty, !isEmpty { return Array(dropLast()) }
        _ = source
        return self
    }
}
